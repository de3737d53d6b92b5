/// Typesetting of powers of ten in labels: a trailing run of Unicode superscript characters
/// (`10⁻⁴`, `3×10⁻⁴`, `×10⁵`) is drawn as a real superscript — ordinary digits at 70% size
/// raised by 0.42 em, with a true minus sign U+2212 — which reads better than the small
/// superscript glyphs of the font, as matplotlib's mathtext does.
enum Exponent {
    /// Size of the exponent relative to the base text.
    static let scale = 0.7
    /// Baseline raise of the exponent, in em of the base text.
    static let raise = 0.42

    /// Splits `text` into the base and the exponent written with ordinary digits, or returns
    /// `nil` when it has no trailing superscript.
    static func split(_ text: String) -> (base: String, exponent: String)? {
        let map: [Character: Character] = [
            "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
            "⁸": "8", "⁹": "9", "\u{207B}": "\u{2212}",
        ]
        var exponent: [Character] = []
        var base = Substring(text)
        while let last = base.last, let plain = map[last] {
            exponent.insert(plain, at: 0)
            base = base.dropLast()
        }
        guard !exponent.isEmpty, !base.isEmpty else { return nil }
        return (String(base), String(exponent))
    }

    /// The style of an exponent set after text in `style`.
    static func style(for style: TextStyle) -> TextStyle {
        TextStyle(size: style.size * scale, bold: style.bold)
    }
}
