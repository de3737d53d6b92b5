import Foundation

/// Fits texts into their space: wraps them at spaces (and explicit line breaks), shrinks
/// them, and as a last resort shortens them with "…", reporting it.
///
/// Work is linear in the text's length and bounded by the space: characters are measured
/// one at a time (each distinct character once per style) only until a line is full, and a
/// wrap stops as soon as it needs more lines than allowed, so a 30,000-character label costs
/// one measurement of the whole text and a few hundred of single characters. Widths of
/// words and prefixes are sums of character advances (Cairo's text API neither kerns nor
/// forms ligatures); every line produced is measured once more as a whole and trimmed if
/// rounding made it too wide.
struct TextFitting {
    /// A fitted text: its lines, the style they are set in, and whether it was shortened.
    struct Fitted: Equatable {
        /// The lines, top to bottom; never empty.
        var lines: [String]
        /// The style (the requested one, or smaller).
        var style: TextStyle
        /// Whether part of the text was replaced by "…".
        var shortened: Bool
    }

    let measurer: any TextMeasurer
    private var advances: [TextStyle: [Character: Double]] = [:]

    init(measurer: any TextMeasurer) {
        self.measurer = measurer
    }

    /// The advance width of `c` in `style`.
    mutating func advance(_ c: Character, _ style: TextStyle) -> Double {
        if let w = advances[style]?[c] { return w }
        let w = measurer.measure(String(c), style: style).width
        advances[style, default: [:]][c] = w
        return w
    }

    /// `text` in `style`, on at most `maxLines` lines of at most `maxWidth`: on one line
    /// when it fits; else wrapped at spaces at the full size; else wrapped at sizes down to
    /// `minimumScale` of it (steps of 10 %); else at the smallest size with words broken
    /// between characters, and the last line ended with "…" when even that is too long.
    /// Explicit line breaks ("\n") are kept (and count against `maxLines`).
    mutating func fit(
        _ text: String, style: TextStyle, maxWidth: Double, maxLines: Int, minimumScale: Double
    ) -> Fitted {
        let maxLines = max(1, maxLines)
        if !text.contains("\n"), measurer.measure(text, style: style).width <= maxWidth {
            return Fitted(lines: [text], style: style, shortened: false)
        }
        var scales: [Double] = []
        var s = 1.0
        while s > minimumScale + 1e-9 {
            scales.append(s)
            s -= 0.1
        }
        scales.append(minimumScale)
        for scale in scales {
            let scaled = TextStyle(size: style.size * scale, bold: style.bold)
            if let lines = wrap(text, style: scaled, maxWidth: maxWidth, maxLines: maxLines, breakWords: false) {
                return Fitted(lines: lines, style: scaled, shortened: false)
            }
        }
        let smallest = TextStyle(size: style.size * minimumScale, bold: style.bold)
        if let lines = wrap(text, style: smallest, maxWidth: maxWidth, maxLines: maxLines, breakWords: true) {
            return Fitted(lines: lines, style: smallest, shortened: false)
        }
        // Too long even so: the first maxLines − 1 lines, then the rest shortened.
        let head = wrap(text, style: smallest, maxWidth: maxWidth, maxLines: maxLines - 1, breakWords: true, partial: true) ?? []
        let used = head.joined().filter { $0 != " " }.count
        var rest = Substring(text)
        // Drop what the head lines took (their characters, and the spaces and breaks between).
        var taken = 0
        while taken < used, let c = rest.first {
            if c != " " && c != "\n" { taken += 1 }
            rest = rest.dropFirst()
        }
        let remainder = rest.drop { $0 == " " || $0 == "\n" }.replacingOccurrences(of: "\n", with: " ")
        let last = ellipsized(remainder, style: smallest, maxWidth: maxWidth)
        return Fitted(lines: head + [last], style: smallest, shortened: true)
    }

    /// `text` if it is at most `maxWidth` wide in `style`, else its longest prefix (spaces at
    /// its ends removed) followed by "…" that fits; "…" alone when nothing fits.
    mutating func ellipsized(_ text: String, style: TextStyle, maxWidth: Double) -> String {
        guard measurer.measure(text, style: style).width > maxWidth else { return text }
        let budget = maxWidth - measurer.measure("…", style: style).width
        var prefix: [Character] = []
        var total = 0.0
        for c in text {
            let w = advance(c, style)
            if total + w > budget + 1e-9 { break }
            total += w
            prefix.append(c)
        }
        while true {
            let candidate = String(prefix).trimmingCharacters(in: .whitespaces) + "…"
            if prefix.isEmpty || measurer.measure(candidate, style: style).width <= maxWidth {
                return prefix.isEmpty ? "…" : candidate
            }
            prefix.removeLast()
        }
    }

    /// Greedy wrapping into lines of at most `maxWidth`; `nil` when it needs more than
    /// `maxLines` lines, or (without `breakWords`) when a word alone is too wide. With
    /// `partial`, the first `maxLines` lines are returned instead of `nil`.
    mutating func wrap(
        _ text: String, style: TextStyle, maxWidth: Double, maxLines: Int, breakWords: Bool,
        partial: Bool = false
    ) -> [String]? {
        guard maxLines > 0 else { return partial ? [] : nil }
        let space = advance(" ", style)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0.0
        /// Ends the current line; false when that exceeds `maxLines`.
        func push(_ text: String) -> Bool {
            lines.append(text)
            return lines.count <= maxLines
        }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line = ""
            lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var wordWidth = 0.0
                var fitsLine = true
                for c in word {
                    wordWidth += advance(c, style)
                    if wordWidth > maxWidth + 1e-9 { fitsLine = false; break }
                }
                if fitsLine {
                    let needed = line.isEmpty ? wordWidth : lineWidth + space + wordWidth
                    if needed <= maxWidth + 1e-9 {
                        line += line.isEmpty ? String(word) : " " + word
                        lineWidth = needed
                        continue
                    }
                    if !line.isEmpty, !push(line) { return partial ? Array(lines.prefix(maxLines)) : nil }
                    line = String(word)
                    lineWidth = wordWidth
                    continue
                }
                guard breakWords else { return nil }
                // A word wider than a line: as many characters per line as fit.
                if !line.isEmpty, !push(line) { return partial ? Array(lines.prefix(maxLines)) : nil }
                line = ""
                lineWidth = 0
                for c in word {
                    let w = advance(c, style)
                    if lineWidth + w > maxWidth + 1e-9, !line.isEmpty {
                        if !push(line) { return partial ? Array(lines.prefix(maxLines)) : nil }
                        line = ""
                        lineWidth = 0
                    }
                    line.append(c)
                    lineWidth += w
                }
            }
            if !push(line) { return partial ? Array(lines.prefix(maxLines)) : nil }
        }
        // Sums of advances can differ from a whole measurement in the last bits.
        for line in lines where measurer.measure(line, style: style).width > maxWidth + 0.01 {
            return partial ? lines : nil
        }
        return lines
    }
}
