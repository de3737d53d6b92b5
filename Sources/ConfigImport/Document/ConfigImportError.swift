import Yams

/// A config file that cannot be imported: the file, where in it, what was found or expected,
/// and what to do about it.
///
/// ``description`` is one line, `file:line:column: problem; fix` for YAML positions and
/// `file: path: problem; fix` for JSON paths — the form of lrplot's other errors.
public struct ConfigImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: ConfigLocation
    /// What is wrong: what was found and what was expected.
    public var problem: String
    /// How to fix it.
    public var fix: String

    public init(file: String, location: ConfigLocation, problem: String, fix: String) {
        self.file = file
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    /// An error about `value`.
    public init(file: String, at value: ConfigValue, problem: String, fix: String) {
        self.init(file: file, location: value.location, problem: problem, fix: fix)
    }

    /// A Yams error with its position.
    init(yaml error: YamlError, file: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\($0.text) … \(problem)" } ?? problem
            self.init(file: file, location: ConfigLocation(path: "", line: mark.line, column: mark.column),
                      problem: "invalid YAML: \(text)", fix: "fix the YAML syntax at that position")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(file: file, location: ConfigLocation(path: "", line: context.mark.line, column: context.mark.column),
                      problem: "duplicate keys \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in a mapping",
                      fix: "keep one of each")
        default:
            self.init(file: file, location: ConfigLocation(path: ""), problem: "invalid YAML: \(error)", fix: "check that the file is YAML")
        }
    }

    public var description: String {
        var head = file
        if let line = location.line, let column = location.column {
            head += ":\(line):\(column)"
            if !location.path.isEmpty { head += ": \(location.path)" }
        } else if !location.path.isEmpty {
            head += ": \(location.path)"
        }
        return "\(head): \(problem); \(fix)"
    }
}
