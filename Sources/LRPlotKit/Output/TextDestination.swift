/// Where a command's text output goes (`lrplot values`, `simulate`, `schema`): standard
/// output, or with `-o PATH` a file written atomically as the text streams in.
///
/// `-o DIR/` (a path ending in `/`, or an existing directory) writes `DIR/<spec name>.<ext>`;
/// `-o -` is standard output. A file is complete or absent: the text goes to a temporary
/// file beside it, renamed into place by ``commit()``; an error before that leaves any
/// existing file untouched.
public final class TextDestination {
    private let file: PendingFile?
    /// The file written, or `nil` for standard output.
    public var path: String? { file?.path }

    private init(file: PendingFile?) { self.file = file }

    /// The destination `argument` (`-o`) names; `nil` or `-` for standard output.
    ///
    /// - Parameters:
    ///   - stem: the name of a file written into a directory, without extension.
    ///   - pathExtension: its extension (`csv`, `json`).
    ///   - inputs: files that must not be overwritten (the spec).
    /// - Throws: ``LRPlotError``: `.arguments` for a directory name or an input file named as
    ///   the output, `.runtime` when the file cannot be created.
    public static func open(_ argument: String?, stem: String, pathExtension: String,
                            refusing inputs: [InputFile]) throws(LRPlotError) -> TextDestination {
        guard let argument, argument != OutputRequest.standardOutputArgument else { return TextDestination(file: nil) }
        let path = OutputRequest.namesDirectory(argument)
            ? OutputRequest.join(argument, "\(stem).\(pathExtension)") : argument
        return TextDestination(file: try AtomicFile.begin(path, refusing: inputs))
    }

    /// Writes `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(LRPlotError) {
        if let file { try file.write(bytes) } else { try StandardOutput.write(bytes) }
    }

    /// Writes the UTF-8 of `text`.
    public func write(_ text: String) throws(LRPlotError) {
        try withBytes(of: text, write)
    }

    /// Puts the file in place (nothing to do for standard output).
    public func commit() throws(LRPlotError) {
        try file?.commit()
    }
}
