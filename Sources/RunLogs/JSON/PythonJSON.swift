import ScheduleCore

/// Parses JSON written by Python's `json` module, which writes a non-finite float as the bare
/// tokens `NaN`, `Infinity` and `-Infinity` (RFC 8259 has no such values): transformers'
/// `trainer_state.json` does for a diverged loss or gradient norm, detectron2's `metrics.json`
/// for a NaN loss.
///
/// Outside strings, those tokens become the strings `"NaN"`, `"Infinity"`, `"-Infinity"` before
/// ScheduleCore's strict parser reads the text, so a non-finite value in a field nobody reads is
/// harmless and one in the field read is reported as ``LogError/nonFiniteValue(file:location:key:step:text:)``.
/// Error columns are those of the original text.
enum PythonJSON {
    /// A value that was a non-finite token, or `nil`.
    static func nonFinite(_ value: JSONValue) -> String? {
        if case .string(let s) = value, s == "NaN" || s == "Infinity" || s == "-Infinity" { return s }
        return nil
    }

    /// Parses one JSON document (`firstLine` numbers its lines in the file).
    static func parse(_ text: Substring, file: String, firstLine: Int = 1) throws(LogError) -> JSONValue {
        let (quoted, insertions) = quoteNonFinite(text)
        do {
            return try JSONParser.parse(quoted)
        } catch {
            // Columns after a quoted token moved right by 2 on that line.
            let shift = insertions.filter { $0.line == error.line && $0.column < error.column }.count * 2
            throw .jsonSyntax(file: file, line: firstLine + error.line - 1, column: error.column - shift, message: error.message)
        }
    }

    /// The text with the non-finite tokens outside strings quoted, and where quotes were added
    /// (1-based line and column of each token in the original text).
    static func quoteNonFinite(_ text: Substring) -> (String, [(line: Int, column: Int)]) {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "N")) || bytes.contains(UInt8(ascii: "I")) else { return (String(text), []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var insertions: [(Int, Int)] = []
        var inString = false
        var escaped = false
        var line = 1, column = 1
        var i = 0
        let tokens: [[UInt8]] = [Array("-Infinity".utf8), Array("Infinity".utf8), Array("NaN".utf8)]
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if let token = tokens.first(where: { t in i + t.count <= bytes.count && Array(bytes[i..<(i + t.count)]) == t }) {
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: token)
                out.append(UInt8(ascii: "\""))
                insertions.append((line, column))
                i += token.count
                column += token.count
                continue
            }
            out.append(b)
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), insertions)
    }
}
