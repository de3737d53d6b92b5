/// An error the CLI reports on one line and turns into an exit status.
///
/// Bad specs and arguments exit with 2, failures while running (unwritable output, a
/// schedule that produced NaN) with 1. The message always names the file it concerns.
public struct LRPlotError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Which exit status the error maps to.
    public enum Kind: Sendable, Equatable {
        /// The spec or the command line is wrong: exit 2.
        case badInput
        /// Something failed while doing valid work: exit 1.
        case runtime
    }

    public var kind: Kind
    /// The file concerned (spec or output), if any.
    public var file: String?
    /// JSON path inside the spec (`schedules[2].gamma`), if any.
    public var path: String?
    /// 1-based line and column for syntax errors.
    public var line: Int?
    public var column: Int?
    /// What is wrong and what to do instead.
    public var message: String

    public init(_ kind: Kind, file: String? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `2` for bad input, `1` for runtime failures.
    public var exitCode: Int32 { kind == .badInput ? 2 : 1 }

    /// `file:line:column: path: message`, leaving out what is unknown.
    public var description: String {
        var location = file ?? ""
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = location.isEmpty ? "" : location + ": "
        if let path, !path.isEmpty { text += path + ": " }
        return text + message
    }
}
