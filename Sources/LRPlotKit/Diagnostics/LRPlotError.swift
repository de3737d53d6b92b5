/// An error lrplot reports: what kind of failure it is, where it points, and what is wrong
/// and how to fix it.
///
/// The kind decides the exit status (``ExitStatus/init(_:)``); the executable alone turns
/// an error into text (`lrplot: error: FILE:LINE:COLUMN: PATH: MESSAGE`).
public struct LRPlotError: Error, Equatable, Sendable {
    /// What failed, which decides the exit status.
    public enum Kind: Sendable, Equatable, CaseIterable {
        /// The spec's content is wrong: invalid JSON, an unknown key, type or value, a schedule
        /// that yields NaN. Exit 2.
        case spec
        /// The command line is wrong: a missing argument, an unknown option or schedule type,
        /// an output name with an unknown format. Exit 2.
        case arguments
        /// An input file cannot be read as one: missing, a directory, not UTF-8. Exit 2.
        case input
        /// Valid work failed while running: an output that cannot be written, bundled data
        /// that cannot be read. Exit 1.
        case runtime
    }

    public var kind: Kind
    /// Where the error points.
    public var location: SourceLocation
    /// What is wrong and what to do instead (one line; no location, no prefix).
    public var message: String

    public init(_ kind: Kind, file: String? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil,
                _ message: String) {
        self.kind = kind
        self.location = SourceLocation(file: file, path: path, line: line, column: column)
        self.message = message
    }

    /// The exit status this error ends the process with.
    public var exitStatus: ExitStatus { ExitStatus(kind) }
}
