/// Numbers as Python prints them (`str(x)` / `repr(x)`), for messages that quote a framework.
enum PythonFormat {
    /// `repr(x)` of a Python float: the shortest digits that read back as `x`, in fixed
    /// notation when the decimal exponent is in −4 … 15 (`100.0`, `0.0001`) and in scientific
    /// notation otherwise (`1e+16`, `1e-05`); `inf`, `-inf`, `nan`.
    static func float(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description has the same shortest digits; re-lay them out as Python does.
        let text = x.magnitude.description
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = mantissa.filter { $0 != "." }
        let point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        // Normalise: drop leading zeros (moving the point) and trailing zeros.
        var decimalExponent = point - 1
        while digits.first == "0" && digits.count > 1 {
            digits.removeFirst()
            decimalExponent -= 1
        }
        while digits.last == "0" && digits.count > 1 { digits.removeLast() }
        let sign = x < 0 ? "-" : ""
        if decimalExponent >= -4 && decimalExponent < 16 {
            if decimalExponent < 0 {
                return sign + "0." + String(repeating: "0", count: -decimalExponent - 1) + digits
            }
            let whole = decimalExponent + 1
            if digits.count <= whole {
                return sign + digits + String(repeating: "0", count: whole - digits.count) + ".0"
            }
            return sign + digits.prefix(whole) + "." + digits.dropFirst(whole)
        }
        let body = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
        let e = abs(decimalExponent)
        return sign + body + "e" + (decimalExponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }

    /// `repr` of a JSON list of numbers as the Python list it becomes (`[3, 7]`, `[0.1, 0.05]`).
    static func list(_ value: JSONValue?) -> String {
        guard case .array(let items)? = value else { return value.map(JSONWriter.write) ?? "None" }
        return "[" + items.map { item -> String in
            switch item {
            case .integer(let i): return String(i)
            case .number(let d): return float(d)
            default: return JSONWriter.write(item)
            }
        }.joined(separator: ", ") + "]"
    }
}
