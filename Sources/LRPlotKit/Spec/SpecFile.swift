import Foundation

/// Reads and decodes a spec: a file, standard input (`-`), or a pipe.
public enum SpecFile {
    /// The decoded spec that `argument` names: a path, or `-` for standard input.
    ///
    /// - Throws: ``LRPlotError`` of kind `.input` for an input that cannot be read as one
    ///   (missing, a directory, unreadable, empty, not UTF-8), `.spec` for any error in its
    ///   content.
    public static func load(_ argument: String, decoder: SpecDecoder = SpecDecoder()) throws(LRPlotError) -> Spec {
        try decode(try SpecSource.read(argument), decoder: decoder)
    }

    /// The spec in `source`.
    public static func decode(_ source: SpecSource, decoder: SpecDecoder = SpecDecoder()) throws(LRPlotError) -> Spec {
        var spec = try decoder.decode(try source.text(), file: source.name)
        spec.stem = source.stem
        spec.inputs = source.file.map { [$0] } ?? []
        for path in SpecDecoder.filesRead(by: spec) {
            if let identity = FileIdentity.of(path), !spec.inputs.contains(where: { $0.identity == identity }) {
                spec.inputs.append(InputFile(path: path, identity: identity))
            }
        }
        return spec
    }

    /// `output/<stem>.png`: where a spec without `"output"` renders.
    public static func defaultOutput(for specPath: String) -> String {
        "output/\(stem(of: specPath)).png"
    }

    /// The spec file's name without its directory and extension (`chart` when that leaves
    /// nothing).
    public static func stem(of specPath: String) -> String {
        let base = ((specPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return base.isEmpty ? "chart" : base
    }
}
