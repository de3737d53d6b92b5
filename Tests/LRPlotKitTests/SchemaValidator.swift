import Foundation
import ScheduleCore

/// A JSON Schema (draft-07) validator for the keywords lrplot's schema uses — `type`, `enum`,
/// `const`, `required`, `properties`, `additionalProperties` (a boolean), `propertyNames`,
/// `items`, `minItems`, `minimum`, `maximum`, `pattern`, `anyOf`, `allOf`, `if`/`then`/`else`
/// and local `$ref`s — so the tests can check real specs against the committed schema as an
/// editor would. A keyword it does not know is an error, so the schema cannot outgrow it.
struct SchemaValidator {
    let root: JSONValue

    static let known: Set<String> = [
        "$schema", "$ref", "title", "description", "default", "type", "enum", "const", "required", "properties",
        "additionalProperties", "propertyNames", "items", "minItems", "minimum", "maximum", "pattern",
        "anyOf", "allOf", "if", "then", "else", "definitions",
    ]

    /// The problems of `value` at `path` (empty when it is valid).
    func errors(_ value: JSONValue, against schema: JSONValue, at path: String = "") -> [String] {
        guard case .object(let members) = schema else {
            if case .bool(let b) = schema { return b ? [] : ["\(path): not allowed"] }
            return ["\(path): schema is not an object"]
        }
        var out: [String] = []
        for (key, _) in members where !Self.known.contains(key) { out.append("schema keyword \(key) unknown to the validator") }
        if case .string(let ref)? = schema["$ref"] { out += errors(value, against: resolve(ref), at: path) }
        if case .string(let type)? = schema["type"], !matches(value, type) { out.append("\(path): expected \(type), found \(value.kindDescription)") }
        if case .array(let types)? = schema["type"], !types.contains(where: { if case .string(let t) = $0 { return matches(value, t) }; return false }) {
            out.append("\(path): expected one of \(JSONWriter.write(.array(types)))")
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { same($0, value) }) {
            out.append("\(path): \(JSONWriter.write(value)) is not one of \(JSONWriter.write(.array(options)))")
        }
        if let constant = schema["const"], !same(constant, value) { out.append("\(path): expected \(JSONWriter.write(constant))") }
        if case .number(let d)? = schema["minimum"] ?? nil, let v = value.doubleValue, v < d { out.append("\(path): below \(d)") }
        if case .integer(let i)? = schema["minimum"], let v = value.doubleValue, v < Double(i) { out.append("\(path): below \(i)") }
        if case .number(let d)? = schema["maximum"], let v = value.doubleValue, v > d { out.append("\(path): above \(d)") }
        if case .integer(let i)? = schema["maximum"], let v = value.doubleValue, v > Double(i) { out.append("\(path): above \(i)") }
        if case .string(let pattern)? = schema["pattern"], case .string(let s) = value {
            let regex = try? NSRegularExpression(pattern: pattern)
            if regex?.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil { out.append("\(path): \"\(s)\" does not match \(pattern)") }
        }
        if case .object(let object) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where !object.contains(where: { $0.key == key }) {
                    out.append("\(path): missing \"\(key)\"")
                }
            }
            let properties: [(key: String, value: JSONValue)]
            if case .object(let p)? = schema["properties"] { properties = p } else { properties = [] }
            for (key, v) in object {
                let at = path.isEmpty ? key : "\(path).\(key)"
                if let sub = properties.first(where: { $0.key == key })?.value {
                    out += errors(v, against: sub, at: at)
                } else if case .bool(false)? = schema["additionalProperties"] {
                    out.append("\(at): unknown key")
                }
                if let names = schema["propertyNames"], !errors(.string(key), against: names, at: at).isEmpty {
                    out.append("\(at): key not allowed")
                }
            }
        }
        if case .array(let items) = value {
            if case .integer(let n)? = schema["minItems"], items.count < n { out.append("\(path): fewer than \(n) items") }
            if let sub = schema["items"] {
                for (i, item) in items.enumerated() { out += errors(item, against: sub, at: "\(path)[\(i)]") }
            }
        }
        if case .array(let all)? = schema["allOf"] { for sub in all { out += errors(value, against: sub, at: path) } }
        if case .array(let any)? = schema["anyOf"], !any.contains(where: { errors(value, against: $0, at: path).isEmpty }) {
            out.append("\(path): matches none of anyOf")
        }
        if let condition = schema["if"] {
            if errors(value, against: condition, at: path).isEmpty {
                if let then = schema["then"] { out += errors(value, against: then, at: path) }
            } else if let otherwise = schema["else"] {
                out += errors(value, against: otherwise, at: path)
            }
        }
        return out
    }

    /// The schema a local reference (`#/definitions/x/properties/y`) points to.
    func resolve(_ ref: String) -> JSONValue {
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node[key] ?? .bool(false)
        }
        return node
    }

    func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): return true
        case ("number", .integer), ("number", .number), ("integer", .integer): return true
        case ("integer", .number(let d)): return d == d.rounded()
        default: return false
        }
    }

    func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y }
        return a == b
    }
}
