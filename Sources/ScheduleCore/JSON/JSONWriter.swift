/// Writes ``JSONValue``s and numbers as compact JSON text.
public enum JSONWriter {
    /// Compact JSON for `value`; numbers use ``format(_:)``.
    public static func write(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return format(d)
        case .string(let s): return quote(s)
        case .array(let items): return "[" + items.map(write).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { quote($0.key) + ": " + write($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// The shortest text that reads back as the same `Double` (Swift's description), with
    /// `NaN`/`Infinity` spelled as JSON cannot and whole numbers written without `.0` only
    /// when `integral` is requested.
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
