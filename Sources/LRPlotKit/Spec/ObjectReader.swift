import ScheduleCore

/// Reads the members of one JSON object of a spec, rejecting unknown keys with a suggestion.
struct ObjectReader {
    let path: String
    let members: [(key: String, value: JSONValue)]

    /// Fails unless `value` is an object; rejects keys not in `allowed`.
    init(_ value: JSONValue, path: String, allowed: [String], what: String) throws(ScheduleError) {
        guard case .object(let members) = value else {
            throw ScheduleError(path: path, "expected \(what) (an object), found \(value.kindDescription)")
        }
        for member in members where !allowed.contains(member.key) {
            var message = "unknown key \"\(member.key)\""
            if let close = Suggestion.closest(to: member.key, in: allowed) {
                message += "; did you mean \"\(close)\"?"
            } else {
                message += "; expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            throw ScheduleError(path: ObjectReader.join(path, member.key), message)
        }
        self.path = path
        self.members = members
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func at(_ key: String) -> String { ObjectReader.join(path, key) }

    subscript(key: String) -> JSONValue? {
        members.first(where: { $0.key == key })?.value
    }

    func string(_ key: String) throws(ScheduleError) -> String? {
        guard let v = self[key], v != .null else { return nil }
        guard case .string(let s) = v else { throw ScheduleError(path: at(key), "expected a string, found \(v.kindDescription)") }
        return s
    }

    func choice(_ key: String, _ options: [String]) throws(ScheduleError) -> String? {
        guard let s = try string(key) else { return nil }
        guard options.contains(s) else {
            var message = "unknown value \"\(s)\"; expected one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
            if let close = Suggestion.closest(to: s, in: options) { message += "; did you mean \"\(close)\"?" }
            throw ScheduleError(path: at(key), message)
        }
        return s
    }

    func bool(_ key: String) throws(ScheduleError) -> Bool? {
        guard let v = self[key], v != .null else { return nil }
        guard case .bool(let b) = v else { throw ScheduleError(path: at(key), "expected true or false, found \(v.kindDescription)") }
        return b
    }

    func integer(_ key: String, in range: ClosedRange<Int>, what: String) throws(ScheduleError) -> Int? {
        guard let v = self[key], v != .null else { return nil }
        let i: Int
        switch v {
        case .integer(let n): i = n
        case .number(let d) where d == d.rounded() && abs(d) < 9e15: i = Int(d)
        default: throw ScheduleError(path: at(key), "expected a whole number (\(what)), found \(v.kindDescription)")
        }
        guard range.contains(i) else {
            throw ScheduleError(path: at(key), "must be from \(range.lowerBound) to \(ObjectReader.grouped(range.upperBound)) (\(what)), found \(ObjectReader.grouped(i))")
        }
        return i
    }

    func number(_ key: String, in range: ClosedRange<Double>, what: String) throws(ScheduleError) -> Double? {
        guard let v = self[key], v != .null else { return nil }
        guard let d = v.doubleValue else { throw ScheduleError(path: at(key), "expected a number (\(what)), found \(v.kindDescription)") }
        guard range.contains(d) else {
            throw ScheduleError(path: at(key), "must be from \(JSONWriter.format(range.lowerBound)) to \(JSONWriter.format(range.upperBound)) (\(what)), found \(JSONWriter.format(d))")
        }
        return d
    }

    /// `1000000000` as `1,000,000,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
