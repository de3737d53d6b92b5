/// Where a value is in a config file: its JSON path (`optimizer.params.lr`, `schedulers[2]`)
/// and, for YAML, its line and column (1-based, columns in Unicode scalars, as Yams reports them).
public struct ConfigLocation: Sendable, Equatable, CustomStringConvertible {
    /// The value's path from the document's root (empty for the root).
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `4:12 (optimizer.params.lr)` for YAML, `optimizer.params.lr` for JSON.
    public var description: String {
        if let line, let column { return path.isEmpty ? "\(line):\(column)" : "\(line):\(column) (\(path))" }
        return path
    }

    /// The path of member `key` below this one.
    func member(_ key: String) -> String {
        let simple = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let part = simple ? key : JSONWriterQuote.quote(key)
        return path.isEmpty ? part : (simple ? "\(path).\(part)" : "\(path)[\(part)]")
    }

    /// The path of element `index` below this one.
    func element(_ index: Int) -> String { "\(path)[\(index)]" }
}

/// Quoting of keys that are not plain identifiers in paths.
enum JSONWriterQuote {
    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
