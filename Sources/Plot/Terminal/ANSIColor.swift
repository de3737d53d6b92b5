/// Colour escape sequences for terminals: 24-bit, the xterm 256-colour palette, or the 16
/// ANSI colours (each series gets a different one where the chart's colours would collide).
enum ANSIColor {
    /// Resets colour and attributes.
    static let reset = "\u{1B}[0m"

    /// The 16 ANSI colours as xterm draws them by default.
    static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// A foreground colour in `mode`: a 16-colour index (`ansi16`), or the colour itself.
    enum Pen: Equatable {
        case none
        case index16(Int)
        case rgb(RGBColor)
    }

    /// The escape sequence selecting `pen` in `mode` ("" for none).
    static func sequence(_ pen: Pen, _ mode: TerminalCapabilities.Colors) -> String {
        switch (pen, mode) {
        case (.none, _), (_, .none): return ""
        case (.index16(let i), _): return i < 8 ? "\u{1B}[\(30 + i)m" : "\u{1B}[\(90 + i - 8)m"
        case (.rgb(let c), .trueColor):
            return "\u{1B}[38;2;\(byte(c.r));\(byte(c.g));\(byte(c.b))m"
        case (.rgb(let c), .ansi256): return "\u{1B}[38;5;\(index256(c))m"
        case (.rgb(let c), .ansi16):
            let i = nearest16(c, among: Array(0..<16))
            return sequence(.index16(i), mode)
        }
    }

    /// Pens for series colours: themselves in 256 and 24-bit modes; in 16-colour mode the
    /// nearest ANSI colour not taken by an earlier series (black, white and greys excluded,
    /// which vanish on one background or the other), repeating only when all twelve are used.
    static func pens(for colors: [RGBColor], mode: TerminalCapabilities.Colors) -> [Pen] {
        switch mode {
        case .none: return colors.map { _ in .none }
        case .ansi256, .trueColor: return colors.map { .rgb($0) }
        case .ansi16:
            var free = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14]
            return colors.map { c in
                if free.isEmpty { free = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14] }
                let i = nearest16(c, among: free)
                free.removeAll { $0 == i }
                return .index16(i)
            }
        }
    }

    static func byte(_ v: Double) -> Int { Int((min(max(v.isNaN ? 0 : v, 0), 1) * 255).rounded()) }

    /// The nearest of `candidates` (indices into `ansi16`), by weighted RGB distance.
    static func nearest16(_ c: RGBColor, among candidates: [Int]) -> Int {
        let (r, g, b) = (byte(c.r), byte(c.g), byte(c.b))
        var best = candidates.first ?? 7
        var bestDistance = Int.max
        for i in candidates {
            let (pr, pg, pb) = ansi16[i]
            let d = 2 * (r - pr) * (r - pr) + 4 * (g - pg) * (g - pg) + 3 * (b - pb) * (b - pb)
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return best
    }

    /// The nearest entry of the xterm 256-colour cube (16–231) or grey ramp (232–255).
    static func index256(_ c: RGBColor) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) } ?? 0 }
        let (r, g, b) = (byte(c.r), byte(c.g), byte(c.b))
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeDistance = (levels[lr] - r) * (levels[lr] - r) + (levels[lg] - g) * (levels[lg] - g) + (levels[lb] - b) * (levels[lb] - b)
        let grey = min(23, max(0, ((r + g + b) / 3 - 8 + 5) / 10))
        let gv = 8 + 10 * grey
        let greyDistance = (gv - r) * (gv - r) + (gv - g) * (gv - g) + (gv - b) * (gv - b)
        return greyDistance < cubeDistance ? 232 + grey : cube
    }
}
