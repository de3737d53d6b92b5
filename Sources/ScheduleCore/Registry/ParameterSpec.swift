/// The declaration of one parameter of a schedule type: its name, kind, default and meaning.
///
/// The same declarations validate specs (unknown keys, wrong kinds), supply defaults, and
/// document the type in `lrplot describe` and the README.
public struct ParameterSpec: Sendable {
    /// The kinds of value a parameter accepts.
    public enum Kind: Sendable, Equatable {
        /// Any finite number (integers accepted).
        case number
        /// A whole number (a number like `10.0` is accepted as 10).
        case integer
        case bool
        /// One of a fixed set of strings.
        case choice([String])
        case string
        /// A Python expression (see ``Expression``) in the named variable.
        case expression(variable: String)
        case numberList
        case integerList
        /// A number, or a list of numbers: one per parameter group of the optimizer.
        case numberPerGroup
        /// A Python expression (see ``Expression``) in the named variable, or a list of them:
        /// one per parameter group.
        case expressionPerGroup(variable: String)
        /// A nested schedule object (`{"type": …}`).
        case schedule
        case scheduleList
        /// An object of objects or anything else the type decodes itself.
        case json

        /// Words for "expected …" in error messages.
        public var expectation: String {
            switch self {
            case .number: return "a number"
            case .integer: return "a whole number"
            case .bool: return "true or false"
            case .choice(let options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
            case .string: return "a string"
            case .expression(let v): return "a Python expression in `\(v)` (a string)"
            case .numberList: return "a list of numbers"
            case .integerList: return "a list of whole numbers"
            case .numberPerGroup: return "a number or a list of numbers (one per parameter group)"
            case .expressionPerGroup(let v): return "a Python expression in `\(v)` (a string), or a list of them (one per parameter group)"
            case .schedule: return "a schedule object with a \"type\""
            case .scheduleList: return "a list of schedule objects"
            case .json: return "a JSON value"
            }
        }
    }

    /// A parameter's default.
    public enum Default: Sendable, Equatable {
        /// The parameter must be given.
        case required
        /// Absent means `None` in the framework.
        case none
        case value(JSONValue)
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: Default
    /// One line on what it does.
    public var summary: String
    /// `null` is accepted (passed to the framework as `None`).
    public var nullable: Bool

    public init(_ name: String, _ kind: Kind, _ defaultValue: Default = .required, nullable: Bool = false, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.nullable = nullable || defaultValue == .none
    }

    /// Shorthand for a number default.
    public static func number(_ name: String, default value: Double? = nil, nullable: Bool = false, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .number, value.map { .value(.number($0)) } ?? .required, nullable: nullable, summary)
    }

    /// Shorthand for an integer default.
    public static func integer(_ name: String, default value: Int? = nil, nullable: Bool = false, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .integer, value.map { .value(.integer($0)) } ?? .required, nullable: nullable, summary)
    }

    /// Shorthand for a boolean default.
    public static func bool(_ name: String, default value: Bool, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .bool, .value(.bool(value)), summary)
    }

    /// Shorthand for a choice among strings.
    public static func choice(_ name: String, _ options: [String], default value: String? = nil, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .choice(options), value.map { .value(.string($0)) } ?? .required, summary)
    }

    /// The default written as JSON for documentation ("required", "None", or the value).
    public var defaultText: String {
        switch defaultValue {
        case .required: return "required"
        case .none: return "None"
        case .value(let v): return JSONWriter.write(v)
        }
    }
}
