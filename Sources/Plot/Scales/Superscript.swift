/// Writes integers with Unicode superscript digits, for labels like 10⁻⁴ (DejaVu Sans has the glyphs).
enum Superscript {
    /// `n` as superscript digits with the superscript minus U+207B.
    static func integer(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var text = ""
        for ch in String(n.magnitude) {
            if let d = ch.wholeNumberValue { text.append(digits[d]) }
        }
        return (n < 0 ? "\u{207B}" : "") + text
    }

    /// `10ⁿ`.
    static func powerOfTen(_ n: Int) -> String { "10" + integer(n) }
}
