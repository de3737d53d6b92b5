/// Splits Python expression text into ``ExpressionToken``s.
///
/// Numbers follow Python's literal syntax: decimal integers (no leading zeros), `0x`/`0o`/`0b`
/// integers, floats (`1.`, `.5`, `1e-3`), with `_` allowed between digits. Anything outside the
/// supported subset (strings, brackets, bitwise operators, complex literals) is rejected here.
struct ExpressionLexer {
    private let chars: [Character]
    private var index = 0

    init(_ text: String) { chars = Array(text) }

    static func tokenize(_ text: String) throws -> [ExpressionToken] {
        var lexer = ExpressionLexer(text)
        var tokens: [ExpressionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < chars.count ? chars[index + offset] : nil
    }

    private func fail(_ message: String, at i: Int) -> ExpressionError {
        ExpressionError("syntax error at column \(i + 1): \(message)")
    }

    mutating func next() throws -> ExpressionToken {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
        let start = index
        guard let c = peek() else { return ExpressionToken(kind: .end, column: start + 1) }
        if c.isASCII && c.isNumber || (c == "." && (peek(1).map { $0.isASCII && $0.isNumber } ?? false)) {
            return ExpressionToken(kind: .number(try number()), column: start + 1)
        }
        if c == "_" || (c.isASCII && c.isLetter) {
            var name = ""
            while let d = peek(), d == "_" || (d.isASCII && (d.isLetter || d.isNumber)) {
                name.append(d)
                index += 1
            }
            return ExpressionToken(kind: .name(name), column: start + 1)
        }
        let two = peek(1).map { String([c, $0]) } ?? ""
        if ["**", "//", "<=", ">=", "==", "!="].contains(two) {
            index += 2
            return ExpressionToken(kind: .symbol(two), column: start + 1)
        }
        if "+-*/%<>(),.:".contains(c) {
            index += 1
            return ExpressionToken(kind: .symbol(String(c)), column: start + 1)
        }
        switch c {
        case "&", "|", "^", "~":
            throw fail("bitwise operator '\(c)' is not supported", at: start)
        case "=":
            throw fail("'=' is not supported (use '==' to compare; keyword arguments are not supported)", at: start)
        case "\"", "'":
            throw fail("strings are not supported", at: start)
        case "[", "]", "{", "}":
            throw fail("'\(c)' is not supported: only numbers, arithmetic, comparisons and math functions", at: start)
        default:
            throw fail("unexpected character '\(c)'", at: start)
        }
    }

    /// Reads digits of `isDigit`, allowing single `_` between digits.
    private mutating func digits(_ isDigit: (Character) -> Bool, start: Int) throws -> String {
        var out = ""
        while let c = peek() {
            if isDigit(c) {
                out.append(c)
                index += 1
            } else if c == "_" {
                guard !out.isEmpty, let n = peek(1), isDigit(n) else {
                    throw fail("invalid number: '_' must separate digits", at: index)
                }
                index += 1
            } else {
                break
            }
        }
        return out
    }

    private mutating func number() throws -> ExpressionNumber {
        let start = index
        let isDecimal: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        if peek() == "0", let p = peek(1), "xXoObB".contains(p) {
            index += 2
            let radix = "xX".contains(p) ? 16 : ("oO".contains(p) ? 8 : 2)
            if peek() == "_" { index += 1 }
            let text = try digits({ $0.isHexDigit && Int(String($0), radix: radix) != nil }, start: start)
            guard !text.isEmpty else { throw fail("invalid number literal", at: start) }
            guard let value = Int128(text, radix: radix) else {
                throw fail("integer literal is too large (lrplot's ints stop at 128 bits; write it as a float)", at: start)
            }
            try checkEndOfNumber(start: start)
            return .integer(value)
        }
        var text = try digits(isDecimal, start: start)
        var isFloat = false
        if peek() == "." {
            isFloat = true
            index += 1
            text += "."
            if let c = peek(), isDecimal(c) { text += try digits(isDecimal, start: start) }
        }
        if let e = peek(), e == "e" || e == "E" {
            var exponent = "e"
            var j = 1
            if let s = peek(1), s == "+" || s == "-" {
                exponent.append(s)
                j = 2
            }
            if let d = peek(j), isDecimal(d) {
                index += j
                isFloat = true
                text += exponent + (try digits(isDecimal, start: start))
            }
        }
        try checkEndOfNumber(start: start)
        if isFloat {
            guard let d = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw fail("invalid number literal", at: start)
            }
            return .float(d)
        }
        if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
            throw fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: start)
        }
        guard let value = Int128(text) else {
            throw fail("integer literal \(text) is too large (lrplot's ints stop at 128 bits, ±2**127; write it as a float, e.g. \(text).0)", at: start)
        }
        return .integer(value)
    }

    private func checkEndOfNumber(start: Int) throws {
        guard let c = peek() else { return }
        if c == "j" || c == "J" { throw fail("complex numbers are not supported", at: start) }
        if c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) || c == "." {
            throw fail("invalid number literal", at: start)
        }
    }
}
