/// Where in the user's input a diagnostic points: a file, and inside it a JSON path
/// (`schedules[2].gamma`) or a line and column (for syntax errors).
public struct SourceLocation: Sendable, Equatable {
    /// The file concerned (spec, log, config or output), if any.
    public var file: String?
    /// JSON path inside the file, if any; empty or `nil` for the whole document.
    public var path: String?
    /// 1-based line, for syntax errors.
    public var line: Int?
    /// 1-based column on ``line``.
    public var column: Int?

    public init(file: String? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
    }
}
