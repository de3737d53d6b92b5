import ScheduleCore

/// A value of a config file with its location, so an importer's errors can point at it.
///
/// Built from JSON (``ConfigDocument/parseJSON(_:)``, locations are JSON paths) or YAML
/// (``ConfigDocument/parseYAML(_:)``, locations also carry line and column).
public struct ConfigValue: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([ConfigValue])
        /// Members in document order.
        case object([Member])

        var isArray: Bool { if case .array = self { return true } else { return false } }
    }

    /// One member of an object, with the location of its key.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: ConfigValue
    }

    public var kind: Kind
    public var location: ConfigLocation

    public init(_ kind: Kind, at location: ConfigLocation) {
        self.kind = kind
        self.location = location
    }

    /// The member `key` of an object, else `nil`.
    public subscript(key: String) -> ConfigValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The value at a path of member keys (`["trainer", "max_epochs"]`), else `nil`.
    public func value(at path: [String]) -> ConfigValue? {
        var v = self
        for key in path {
            guard let next = v[key] else { return nil }
            v = next
        }
        return v
    }

    /// The members of an object (empty for other kinds).
    public var members: [Member] {
        if case .object(let m) = kind { return m }
        return []
    }

    public var isObject: Bool { if case .object = kind { return true } else { return false } }
    public var isNull: Bool { kind == .null }

    public var string: String? { if case .string(let s) = kind { return s } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = kind { return b } else { return nil } }

    /// An integer, or a number that is whole.
    public var integer: Int? {
        switch kind {
        case .integer(let i): return i
        case .number(let d) where d == d.rounded() && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// Any number.
    public var number: Double? {
        switch kind {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The value as ScheduleCore's `JSONValue` (locations dropped).
    public var json: JSONValue {
        switch kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.json))
        case .object(let members): return .object(members.map { ($0.key, $0.value.json) })
        }
    }

    /// A short description of the kind for messages ("a string", "the number 0.1").
    public var kindDescription: String { json.kindDescription }

    /// Converts a `JSONValue` rooted at `location`, giving each member its JSON path.
    public init(json: JSONValue, at location: ConfigLocation = ConfigLocation(path: "")) {
        self.location = location
        switch json {
        case .null: kind = .null
        case .bool(let b): kind = .bool(b)
        case .integer(let i): kind = .integer(i)
        case .number(let d): kind = .number(d)
        case .string(let s): kind = .string(s)
        case .array(let items):
            kind = .array(items.enumerated().map { i, v in ConfigValue(json: v, at: ConfigLocation(path: location.element(i))) })
        case .object(let members):
            kind = .object(members.map { m in
                Member(key: m.key, value: ConfigValue(json: m.value, at: ConfigLocation(path: location.member(m.key))))
            })
        }
    }
}

extension ConfigValue {
    /// The value at a JSON path as lrplot writes them (`schedules[2].gamma`, `x.unit`,
    /// `a["odd key"]`), or the deepest value on the way when the path goes further than the
    /// document (so an error about a missing key points at its object).
    public func deepest(at path: String) -> ConfigValue {
        var current = self
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return current }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                if let index = Int(inside), case .array(let items) = current.kind, items.indices.contains(index) {
                    current = items[index]
                } else if inside.hasPrefix("\""), inside.hasSuffix("\""), inside.count >= 2,
                          let next = current[String(inside.dropFirst().dropLast())] {
                    current = next
                } else {
                    return current
                }
                continue
            }
            let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
            let key = String(rest[..<end])
            rest = rest[end...]
            guard let next = current[key] else { return current }
            current = next
        }
        return current
    }
}
