import Foundation
import ScheduleCore
import Yams

/// A parsed config file: its name, its syntax, and the root value.
public struct ConfigDocument: Sendable {
    public enum Syntax: String, Sendable { case json, yaml }

    /// The file name as the user gave it (for messages).
    public var file: String
    public var syntax: Syntax
    public var root: ConfigValue

    public init(file: String, syntax: Syntax, root: ConfigValue) {
        self.file = file
        self.syntax = syntax
        self.root = root
    }

    /// Parses `text`: JSON when it starts with `{` or `[` (after white space), else YAML
    /// (JSON is YAML too, but lrplot's JSON parser reports JSON's own errors).
    ///
    /// - Throws: ``ConfigImportError`` with the line and column of a syntax error.
    public static func parse(_ text: String, file: String) throws -> ConfigDocument {
        let first = text.unicodeScalars.first(where: { !CharacterSet.whitespacesAndNewlines.contains($0) })
        if first == "{" || first == "[" {
            return ConfigDocument(file: file, syntax: .json, root: try parseJSON(text, file: file))
        }
        return ConfigDocument(file: file, syntax: .yaml, root: try parseYAML(text, file: file))
    }

    /// JSON through ScheduleCore's parser (which rejects duplicate keys, as DeepSpeed does).
    public static func parseJSON(_ text: String, file: String) throws -> ConfigValue {
        do {
            return ConfigValue(json: try JSONParser.parse(text))
        } catch {
            throw ConfigImportError(file: file, location: ConfigLocation(path: "", line: error.line, column: error.column),
                                    problem: "invalid JSON: \(error.message)", fix: "fix the JSON syntax at that position")
        }
    }

    /// YAML through Yams (libyaml), with YAML 1.1 scalars as PyYAML writes and reads them
    /// (`yes`/`no` are booleans, `1.0e-05` a float, `~` null); quoted scalars stay strings.
    public static func parseYAML(_ text: String, file: String) throws -> ConfigValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigImportError(yaml: error, file: file)
        }
        guard let node else { return ConfigValue(.null, at: ConfigLocation(path: "", line: 1, column: 1)) }
        var budget = valueBudget(forBytes: text.utf8.count)
        return try convert(node, path: "", file: file, budget: &budget)
    }

    /// The most values a YAML document of `bytes` bytes may expand to: 100,000 plus 16 per
    /// byte. A document without aliases has fewer values than bytes and configs repeat an
    /// anchor a few times, so only aliases of aliases (a "billion laughs" document: nine
    /// levels of ten `*a` expand to 10⁹ values and gigabytes) pass it; the values it allows
    /// take a few tens of megabytes at most.
    static func valueBudget(forBytes bytes: Int) -> Int { 100_000 + 16 * bytes }

    /// A YAML 1.1 base-60 integer (`[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`) as PyYAML's
    /// `construct_yaml_int` computes it: Σ digitᵢ · 60ⁱ from the last part, with its sign; a
    /// whole number while it fits 64 bits, else the nearest double (Python's int is unbounded).
    static func sexagesimal(_ text: String) -> ConfigValue.Kind? {
        var body = Substring(text.replacingOccurrences(of: "_", with: ""))
        var sign = 1
        if body.first == "-" { sign = -1; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        var exact: Int? = 0
        var approximate = 0.0
        var base: Int? = 1
        var baseApproximate = 1.0
        for part in parts.reversed() {
            let digit = Int(part)
            approximate += (digit.map(Double.init) ?? Double(part) ?? .infinity) * baseApproximate
            if let e = exact, let b = base, let d = digit {
                let (product, o1) = d.multipliedReportingOverflow(by: b)
                let (sum, o2) = e.addingReportingOverflow(product)
                exact = o1 || o2 ? nil : sum
            } else {
                exact = nil
            }
            if let b = base {
                let (next, overflow) = b.multipliedReportingOverflow(by: 60)
                base = overflow ? nil : next
            }
            baseApproximate *= 60
        }
        if let exact { return .integer(sign * exact) }
        return .number(Double(sign) * approximate)
    }

    static func location(_ node: Node, _ path: String) -> ConfigLocation {
        ConfigLocation(path: path, line: node.mark?.line, column: node.mark?.column)
    }

    static func convert(_ node: Node, path: String, file: String, budget: inout Int) throws -> ConfigValue {
        let here = location(node, path)
        budget -= 1
        if budget < 0 {
            throw ConfigImportError(file: file, location: here, problem: "YAML aliases (*name) that expand to more than 100,000 values plus 16 per byte of the document",
                                    fix: "write the values out, or use fewer nested aliases")
        }
        switch node {
        case .scalar(let scalar):
            // The resolved tag (Yams' default resolver: YAML 1.1 plain scalars, as PyYAML).
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return ConfigValue(.null, at: here)
            case Tag.Name.bool.rawValue:
                if let b = node.bool { return ConfigValue(.bool(b), at: here) }
            case Tag.Name.int.rawValue:
                // Base 60 ("1:30" is 90 in YAML 1.1): Yams' own conversion traps when it
                // overflows, so it is computed here, as PyYAML's construct_yaml_int does.
                if scalar.string.contains(":") {
                    if let value = Self.sexagesimal(scalar.string) { return ConfigValue(value, at: here) }
                    return ConfigValue(.string(scalar.string), at: here)
                }
                if let i = node.int { return ConfigValue(.integer(i), at: here) }
                if let d = Double(scalar.string.replacingOccurrences(of: "_", with: "")) { return ConfigValue(.number(d), at: here) }
            case Tag.Name.float.rawValue:
                if let d = node.float { return ConfigValue(.number(d), at: here) }
            default: break
            }
            return ConfigValue(.string(scalar.string), at: here)
        case .sequence(let sequence):
            var items: [ConfigValue] = []
            for (i, child) in sequence.enumerated() {
                items.append(try convert(child, path: here.element(i), file: file, budget: &budget))
            }
            return ConfigValue(.array(items), at: here)
        case .mapping(let mapping):
            var members: [ConfigValue.Member] = []
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let k) = keyNode else {
                    throw ConfigImportError(file: file, location: location(keyNode, path), problem: "a mapping key that is not a plain value",
                                            fix: "use text keys")
                }
                var value = try convert(valueNode, path: here.member(k.string), file: file, budget: &budget)
                if value.isObject || value.kind.isArray, let mark = keyNode.mark {
                    // A block collection starts on the lines below its key: point at the key.
                    value.location.line = mark.line
                    value.location.column = mark.column
                }
                members.append(.init(key: k.string, value: value))
            }
            return ConfigValue(.object(members), at: here)
        case .alias:
            throw ConfigImportError(file: file, location: here, problem: "a YAML alias (*name)", fix: "write the value out in place of the alias")
        }
    }
}
