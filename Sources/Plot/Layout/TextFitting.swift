import Foundation

/// Shortens texts that would not fit their space.
enum TextFitting {
    /// `text` if it is at most `maxWidth` wide in `style`, else its longest prefix (trailing
    /// spaces removed) followed by "…" that fits; "…" alone when nothing fits.
    static func ellipsized(
        _ text: String, style: TextStyle, maxWidth: Double, measurer: any TextMeasurer
    ) -> String {
        guard measurer.measure(text, style: style).width > maxWidth else { return text }
        var chars = Array(text)
        while !chars.isEmpty {
            chars.removeLast()
            let candidate = String(chars).trimmingCharacters(in: .whitespaces) + "…"
            if measurer.measure(candidate, style: style).width <= maxWidth { return candidate }
        }
        return "…"
    }
}
