/// Widths of text in terminal cells.
enum TerminalText {
    /// Cells `c` takes: 0 for combining marks and zero-width characters, 2 for East Asian
    /// wide and fullwidth characters and most emoji, else 1.
    static func width(_ c: Character) -> Int {
        guard let scalar = c.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || v == 0x200B || v == 0x200D || v == 0xFEFF || (v < 0x20) || (0x7F..<0xA0).contains(v) {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Cells `s` takes.
    static func width(_ s: String) -> Int { s.reduce(0) { $0 + width($1) } }

    /// `s` cut to at most `cells` cells, ending in "…" when cut; control characters dropped.
    static func truncated(_ s: String, to cells: Int) -> String {
        let clean = String(s.filter { c in !c.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } })
        guard cells > 0 else { return "" }
        if width(clean) <= cells { return clean }
        var out = ""
        var used = 0
        for c in clean {
            let w = width(c)
            if used + w > cells - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `s` wrapped at spaces into at most `maxLines` lines of `cells` cells, the last cut with
    /// "…" if needed.
    static func wrapped(_ s: String, to cells: Int, maxLines: Int) -> [String] {
        let clean = truncated(s.replacingOccurrences(of: "\n", with: " "), to: Int.max / 2)
        var lines: [String] = []
        var line = ""
        for word in clean.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if width(candidate) <= cells || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
            if lines.count >= maxLines { break }
        }
        if lines.count < maxLines, !line.isEmpty { lines.append(line) }
        let consumed = lines.joined(separator: " ")
        if consumed.count < clean.count, let last = lines.popLast() {
            lines.append(truncated(last + " " + String(clean.dropFirst(consumed.count)), to: cells))
        }
        return lines.map { truncated($0, to: cells) }
    }
}
