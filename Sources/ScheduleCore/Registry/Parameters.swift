/// Typed, validated access to one schedule object's parameters.
///
/// Built by ``ScheduleCatalog`` from the spec object and the type's ``ParameterSpec``s. Every
/// accessor applies the declared default when the key is absent and throws a
/// ``ScheduleError`` at the parameter's JSON path when the value has the wrong kind.
public struct Parameters: Sendable {
    /// The schedule type being built, e.g. `torch.StepLR`.
    public let typeName: String
    /// JSON path of the schedule object, e.g. `schedules[1]`.
    public let path: String
    let specs: [ParameterSpec]
    let members: [(key: String, value: JSONValue)]
    /// Values nested schedules inherit when their object does not give them (e.g. the `lr`
    /// of the optimizer that torch's `SequentialLR` children share).
    let inherited: [String: JSONValue]
    let catalog: ScheduleCatalog

    init(typeName: String, path: String, specs: [ParameterSpec], members: [(key: String, value: JSONValue)],
         inherited: [String: JSONValue], catalog: ScheduleCatalog) {
        self.typeName = typeName
        self.path = path
        self.specs = specs
        self.members = members
        self.inherited = inherited
        self.catalog = catalog
    }

    /// JSON path of parameter `name`.
    public func path(of name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// A ``ScheduleError`` located at parameter `name`.
    public func error(_ name: String, _ message: String) -> ScheduleError {
        ScheduleError(path: path(of: name), message)
    }

    /// Throws ``error(_:_:)`` unless `condition` holds.
    public func check(_ condition: Bool, _ name: String, _ message: @autoclosure () -> String) throws {
        if !condition { throw error(name, message()) }
    }

    private func spec(_ name: String) throws -> ParameterSpec {
        guard let spec = specs.first(where: { $0.name == name }) else {
            // A programming error in a type file: it reads a parameter it does not declare.
            throw ScheduleError(path: path(of: name), "internal error: \(typeName) reads undeclared parameter \"\(name)\"")
        }
        return spec
    }

    /// Whether the spec object itself gives `name` (not its default).
    public func isGiven(_ name: String) -> Bool { members.contains { $0.key == name } }

    /// The raw value of `name`: given, inherited or the default; `nil` for absent-or-null
    /// parameters whose default is `None`.
    public func raw(_ name: String) throws -> JSONValue? {
        let spec = try spec(name)
        if let given = members.first(where: { $0.key == name })?.value {
            if given == .null {
                guard spec.nullable else { throw error(name, "expected \(spec.kind.expectation), found null") }
                return nil
            }
            return given
        }
        if let inherited = inherited[name] { return inherited }
        switch spec.defaultValue {
        case .required: throw ScheduleError(path: path, "\(typeName) needs \"\(name)\" (\(spec.kind.expectation)): \(spec.summary)")
        case .none: return nil
        case .value(let v): return v
        }
    }

    // MARK: Numbers

    /// A finite number.
    public func number(_ name: String) throws -> Double {
        guard let v = try optionalNumber(name) else { throw error(name, "expected a number, found null") }
        return v
    }

    /// A finite number, or `nil` when absent with default `None` or given as `null`.
    public func optionalNumber(_ name: String) throws -> Double? {
        guard let raw = try raw(name) else { return nil }
        return try Parameters.number(raw, at: path(of: name))
    }

    static func number(_ raw: JSONValue, at path: String) throws -> Double {
        switch raw {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        case .bool:
            throw ScheduleError(path: path, "expected a number, found \(raw.kindDescription)")
        case .string(let s) where Double(s) != nil:
            throw ScheduleError(path: path, "expected a number, found \(raw.kindDescription); remove the quotes")
        default:
            throw ScheduleError(path: path, "expected a number, found \(raw.kindDescription)")
        }
    }

    /// A finite number no smaller than `minimum` ("must be ≥ 0, found -0.1" otherwise).
    public func number(_ name: String, atLeast minimum: Double) throws -> Double {
        let v = try number(name)
        try check(v >= minimum, name, "must be ≥ \(JSONWriter.format(minimum).replacingSuffix(".0")), found \(v)")
        return v
    }

    /// A whole number no smaller than `minimum` ("must be ≥ 1, found 0" otherwise).
    public func integer(_ name: String, atLeast minimum: Int) throws -> Int {
        let v = try integer(name)
        try check(v >= minimum, name, "must be ≥ \(minimum), found \(v)")
        return v
    }

    /// A whole number (`10.0` reads as 10).
    public func integer(_ name: String) throws -> Int {
        guard let v = try optionalInteger(name) else { throw error(name, "expected a whole number, found null") }
        return v
    }

    /// A whole number, or `nil` when absent with default `None` or given as `null`.
    public func optionalInteger(_ name: String) throws -> Int? {
        guard let raw = try raw(name) else { return nil }
        return try Parameters.integer(raw, at: path(of: name))
    }

    static func integer(_ raw: JSONValue, at path: String) throws -> Int {
        switch raw {
        case .integer(let i): return i
        case .number(let d) where d == d.rounded() && abs(d) < 9.0e15: return Int(d)
        case .number:
            throw ScheduleError(path: path, "expected a whole number, found \(raw.kindDescription)")
        default:
            throw ScheduleError(path: path, "expected a whole number, found \(raw.kindDescription)")
        }
    }

    /// A number given either as an integer or a float, keeping which one it was: some
    /// frameworks compute differently with `int` and `float` (Python `//`, `range`).
    public func numberKeepingKind(_ name: String) throws -> JSONValue? {
        guard let raw = try raw(name) else { return nil }
        _ = try Parameters.number(raw, at: path(of: name))
        return raw
    }

    // MARK: Other scalars

    /// `true` or `false`.
    public func bool(_ name: String) throws -> Bool {
        guard let raw = try raw(name) else { throw error(name, "expected true or false, found null") }
        guard case .bool(let b) = raw else {
            if case .string(let s) = raw, ["true", "false", "True", "False"].contains(s) {
                throw error(name, "expected true or false, found \(raw.kindDescription); remove the quotes")
            }
            throw error(name, "expected true or false, found \(raw.kindDescription)")
        }
        return b
    }

    /// A string (for `.choice` parameters, one of the declared options).
    ///
    /// - Parameter raises: for a `.choice` parameter, what the framework says about a value
    ///   it does not know (quoted after lrplot's own message).
    public func string(_ name: String, raises: ((String) -> String)? = nil) throws -> String {
        guard let s = try optionalString(name, raises: raises) else { throw error(name, "expected a string, found null") }
        return s
    }

    /// A string, or `nil` when absent with default `None` or given as `null`.
    public func optionalString(_ name: String, raises: ((String) -> String)? = nil) throws -> String? {
        let spec = try spec(name)
        guard let raw = try raw(name) else { return nil }
        guard case .string(let s) = raw else {
            throw error(name, "expected \(spec.kind.expectation), found \(raw.kindDescription)")
        }
        if case .choice(let options) = spec.kind, !options.contains(s) {
            var message = "unknown value \"\(s)\"; expected \(spec.kind.expectation)"
            if let close = Suggestion.closest(to: s, in: options) { message += "; did you mean \"\(close)\"?" }
            if let raises { message += " (the framework raises: \(raises(s)))" }
            throw error(name, message)
        }
        return s
    }

    /// A parsed Python expression (see ``Expression``).
    public func expression(_ name: String) throws -> Expression {
        let spec = try spec(name)
        guard case .expression(let variable) = spec.kind else {
            throw error(name, "internal error: \(name) is not declared as an expression")
        }
        guard let raw = try raw(name) else { throw error(name, "expected \(spec.kind.expectation), found null") }
        switch raw {
        case .string(let text):
            do {
                return try Expression(parsing: text, variables: [variable])
            } catch let e as ExpressionError {
                throw error(name, "\(e)")
            }
        case .integer, .number:
            // A constant factor written as a number is a constant expression.
            return try Expression(parsing: JSONWriter.write(raw), variables: [variable])
        default:
            throw error(name, "expected \(spec.kind.expectation), found \(raw.kindDescription)")
        }
    }

    // MARK: Lists

    /// A list of finite numbers.
    public func numberList(_ name: String) throws -> [Double] {
        guard let v = try optionalNumberList(name) else { throw error(name, "expected a list of numbers, found null") }
        return v
    }

    /// A list of numbers, or `nil` when absent with default `None` or given as `null`.
    public func optionalNumberList(_ name: String) throws -> [Double]? {
        guard let raw = try raw(name) else { return nil }
        guard case .array(let items) = raw else {
            throw error(name, "expected a list of numbers, found \(raw.kindDescription)")
        }
        return try items.enumerated().map { i, item in try Parameters.number(item, at: "\(path(of: name))[\(i)]") }
    }

    /// A number or a list of numbers (one per parameter group), with which one was given.
    ///
    /// - Throws: ``ScheduleError`` for anything else, or a list item that is not a number.
    public func perGroupNumbers(_ name: String) throws -> (values: [Double], isList: Bool) {
        guard let raw = try raw(name) else { throw error(name, "expected a number or a list of numbers, found null") }
        guard case .array(let items) = raw else { return ([try Parameters.number(raw, at: path(of: name))], false) }
        return (try items.enumerated().map { i, item in try Parameters.number(item, at: "\(path(of: name))[\(i)]") }, true)
    }

    /// A Python expression or a list of them (one per parameter group), with which one was given.
    public func perGroupExpressions(_ name: String) throws -> (expressions: [Expression], isList: Bool) {
        let spec = try spec(name)
        guard case .expressionPerGroup(let variable) = spec.kind else {
            throw error(name, "internal error: \(name) is not declared as per-group expressions")
        }
        guard let raw = try raw(name) else { throw error(name, "expected \(spec.kind.expectation), found null") }
        func parse(_ item: JSONValue, at path: String) throws -> Expression {
            switch item {
            case .string(let text):
                do {
                    return try Expression(parsing: text, variables: [variable])
                } catch let e as ExpressionError {
                    throw ScheduleError(path: path, "\(e)")
                }
            case .integer, .number:
                return try Expression(parsing: JSONWriter.write(item), variables: [variable])
            default:
                throw ScheduleError(path: path, "expected a Python expression in `\(variable)` (a string), found \(item.kindDescription)")
            }
        }
        guard case .array(let items) = raw else { return ([try parse(raw, at: path(of: name))], false) }
        return (try items.enumerated().map { i, item in try parse(item, at: "\(path(of: name))[\(i)]") }, true)
    }

    /// A list of whole numbers.
    public func integerList(_ name: String) throws -> [Int] {
        guard let raw = try raw(name) else { throw error(name, "expected a list of whole numbers, found null") }
        guard case .array(let items) = raw else {
            throw error(name, "expected a list of whole numbers, found \(raw.kindDescription)")
        }
        return try items.enumerated().map { i, item in try Parameters.integer(item, at: "\(path(of: name))[\(i)]") }
    }

    /// The members of an object parameter in document order.
    public func object(_ name: String) throws -> [(key: String, value: JSONValue)] {
        guard let raw = try raw(name) else { throw error(name, "expected an object, found null") }
        guard case .object(let members) = raw else { throw error(name, "expected an object, found \(raw.kindDescription)") }
        return members
    }

    /// A list of objects, each returned with its JSON path.
    public func objectList(_ name: String) throws -> [(path: String, members: [(key: String, value: JSONValue)])] {
        guard let raw = try raw(name) else { throw error(name, "expected a list of objects, found null") }
        guard case .array(let items) = raw else { throw error(name, "expected a list of objects, found \(raw.kindDescription)") }
        return try items.enumerated().map { i, item in
            let p = "\(path(of: name))[\(i)]"
            guard case .object(let members) = item else { throw ScheduleError(path: p, "expected an object, found \(item.kindDescription)") }
            return (p, members)
        }
    }

    // MARK: Nested schedules

    /// Builds the nested schedule in parameter `name` through the catalog.
    ///
    /// - Parameter inherit: values the nested object takes when it does not give them.
    public func schedule(_ name: String, inherit: [String: JSONValue] = [:]) throws -> any Schedule {
        guard let raw = try raw(name) else { throw error(name, "expected a schedule object, found null") }
        return try catalog.make(raw, path: path(of: name), inherited: inherit)
    }

    /// Builds each nested schedule in the list parameter `name` through the catalog.
    public func scheduleList(_ name: String, inherit: [String: JSONValue] = [:]) throws -> [any Schedule] {
        guard let raw = try raw(name) else { throw error(name, "expected a list of schedule objects, found null") }
        guard case .array(let items) = raw else {
            throw error(name, "expected a list of schedule objects, found \(raw.kindDescription)")
        }
        return try items.enumerated().map { i, item in
            try catalog.make(item, path: "\(path(of: name))[\(i)]", inherited: inherit)
        }
    }

    /// Builds each nested schedule in the list parameter `name` through the catalog, one
    /// schedule per parameter group each (see ``ScheduleCatalog/makeGroups(_:path:ignoring:inherited:)``):
    /// `result[i][g]` is item `i`'s schedule for group `g`.
    public func scheduleGroupsList(_ name: String, inherit: [String: JSONValue] = [:]) throws -> [[any Schedule]] {
        guard let raw = try raw(name) else { throw error(name, "expected a list of schedule objects, found null") }
        guard case .array(let items) = raw else {
            throw error(name, "expected a list of schedule objects, found \(raw.kindDescription)")
        }
        return try items.enumerated().map { i, item in
            try catalog.makeGroups(item, path: "\(path(of: name))[\(i)]", inherited: inherit)
        }
    }

    /// Builds a schedule from a raw object found inside another parameter (e.g. optax's
    /// `cosine_kwargs` entries), as type `typeName`.
    public func schedule(ofType typeName: String, members: [(key: String, value: JSONValue)], path: String) throws -> any Schedule {
        try catalog.make(.object([("type", .string(typeName))] + members.filter { $0.key != "type" }), path: path, inherited: [:])
    }
}

extension Parameters {
    /// Validated parameters of an object that is not itself a schedule (for example a
    /// simulation's optimizer object), read with the same accessors and error messages.
    ///
    /// Keys of `members` that `specs` does not declare (other than those in `ignoring`) are
    /// rejected with a ``ScheduleError`` at their path, suggesting the closest declared name.
    ///
    /// - Parameters:
    ///   - typeName: the name used in messages (e.g. `torch.Adam`).
    ///   - path: the object's JSON path (e.g. `simulate.optimizer`).
    ///   - catalog: builds nested schedules, if any are declared.
    public init(
        validating members: [(key: String, value: JSONValue)], typeName: String, path: String,
        specs: [ParameterSpec], ignoring: Set<String> = [], catalog: ScheduleCatalog = .standard
    ) throws {
        try UnknownKey.reject(members.lazy.map(\.key), allowed: specs.map(\.name), ignoring: ignoring,
                              path: path, noun: .parameter(of: typeName))
        let own = members.filter { !ignoring.contains($0.key) }
        self.init(typeName: typeName, path: path, specs: specs, members: own, inherited: [:], catalog: catalog)
    }
}

extension String {
    /// The string without `suffix` at its end, if it ends so ("0.0" → "0").
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
