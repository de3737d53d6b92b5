import Plot
import ScheduleCore

/// Reads the members of one JSON object of a spec, rejecting unknown keys with a suggestion:
/// the one place the decoder turns JSON values into typed ones.
struct ObjectReader {
    let path: String
    let members: [(key: String, value: JSONValue)]

    /// Fails unless `value` is an object; rejects keys not in `allowed`.
    init(_ value: JSONValue, path: String, allowed: [String], what: String) throws(ScheduleError) {
        guard case .object(let members) = value else {
            throw ScheduleError(path: path, "expected \(what) (an object), found \(value.kindDescription)")
        }
        try UnknownKey.reject(members.lazy.map(\.key), allowed: allowed, path: path, noun: .key)
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

    /// The value a word names (`"dark"`, `"upper right"`), or `nil` when absent or `null`;
    /// any other word fails with the accepted ones and the closest of them.
    func choice<Choice: SpecChoice>(_ key: String, as _: Choice.Type = Choice.self) throws(ScheduleError) -> Choice? {
        guard let s = try string(key) else { return nil }
        if let match = Choice.spellings.first(where: { $0.word == s }) { return match.value }
        let words = Choice.words
        var message = "unknown value \"\(s)\"; expected one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
        if let close = Suggestion.closest(to: s, in: words) { message += "; did you mean \"\(close)\"?" }
        throw ScheduleError(path: at(key), message)
    }

    /// A colour written `"#rrggbb"` or `"#rgb"`, read by ``Plot/RGBColor/init(hex:)`` (the one
    /// colour parser), or `nil` when absent or `null`.
    func color(_ key: String) throws(ScheduleError) -> RGBColor? {
        guard let s = try string(key) else { return nil }
        guard let color = RGBColor(hex: s) else {
            throw ScheduleError(path: at(key), "expected a colour like \"#1f77b4\" (#rrggbb), found \"\(s)\"")
        }
        return color
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
