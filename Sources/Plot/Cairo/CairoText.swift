/// Text as Cairo accepts it.
///
/// Cairo's UTF-8 decoder (`_cairo_utf8_to_ucs4`, cairo 1.16) refuses a whole string that holds
/// a Unicode noncharacter (U+FDD0 … U+FDEF, and U+xFFFE / U+xFFFF in every plane): measuring
/// or drawing it fails with `CAIRO_STATUS_INVALID_STRING`, so one such character in a legend
/// label made the whole chart fail. No font has a glyph for them, so each is drawn as U+FFFD
/// (the replacement character, as the SVG writer already does for U+FFFE and U+FFFF) and the
/// rest of the text as written.
///
/// C0 control characters other than tab, newline and return are replaced the same way, as
/// the SVG writer replaces them: Cairo takes a C string, so U+0000 ended the text there (a
/// title "before\0after" was drawn as "before", and measured so, without a word).
enum CairoText {
    /// `text` with every noncharacter and C0 control (but tab, newline, return) replaced by
    /// U+FFFD; `text` itself when it has none.
    static func drawable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUndrawable) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isUndrawable(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// A noncharacter, or a C0 control other than tab, newline and return.
    static func isUndrawable(_ scalar: Unicode.Scalar) -> Bool {
        isNoncharacter(scalar) || (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
    }

    /// Cairo's `UNICODE_VALID` without the surrogates (a Swift string has none).
    static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }
}
