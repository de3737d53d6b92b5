import Foundation

/// Reads and decodes a spec file.
public enum SpecFile {
    /// The decoded spec at `path`.
    ///
    /// - Throws: ``LRPlotError`` of kind `.input` for a missing or unreadable file, `.spec` for
    ///   any error in its content.
    public static func load(_ path: String, decoder: SpecDecoder = SpecDecoder()) throws(LRPlotError) -> Spec {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LRPlotError(.input, file: path, "no such file")
        }
        guard !isDirectory.boolValue else {
            throw LRPlotError(.input, file: path, "is a directory; expected a JSON spec file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LRPlotError(.input, file: path, "cannot read the file (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LRPlotError(.input, file: path, "is not UTF-8 text; expected a JSON spec")
        }
        return try decoder.decode(text, file: path)
    }

    /// `output/<spec file name without extension>.png`: where a spec without `"output"` renders.
    public static func defaultOutput(for specPath: String) -> String {
        let base = ((specPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return "output/\(base.isEmpty ? "chart" : base).png"
    }
}
