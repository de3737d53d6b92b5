/// Text as Cairo accepts it.
///
/// Cairo's UTF-8 decoder (`_cairo_utf8_to_ucs4`, cairo 1.16) refuses a whole string that holds
/// a Unicode noncharacter (U+FDD0 … U+FDEF, and U+xFFFE / U+xFFFF in every plane): measuring
/// or drawing it fails with `CAIRO_STATUS_INVALID_STRING`, so one such character in a legend
/// label made the whole chart fail. No font has a glyph for them, so each is drawn as U+FFFD
/// (the replacement character, as the SVG writer already does for U+FFFE and U+FFFF) and the
/// rest of the text as written.
enum CairoText {
    /// `text` with every noncharacter replaced by U+FFFD; `text` itself when it has none.
    static func drawable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isNoncharacter) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isNoncharacter(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// Cairo's `UNICODE_VALID` without the surrogates (a Swift string has none).
    static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }
}
