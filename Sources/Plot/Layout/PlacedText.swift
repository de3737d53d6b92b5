/// A piece of text with its baseline origin; rotated texts run bottom to top around the origin.
public struct PlacedText: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Size and weight.
    public var style: TextStyle
    /// Colour role.
    public var role: TextRole
    /// Left end of the baseline (before rotation).
    public var origin: Point
    /// Rotated 90° counter-clockwise (y axis labels).
    public var rotated: Bool
    /// Measured metrics (of the whole text, exponent included).
    public var metrics: TextMetrics
    /// A superscript drawn after `text` (see `Exponent`), or `nil`.
    public var exponent: String?
    /// Advance width of `text` alone, where the exponent starts.
    public var baseWidth: Double
    /// A colour of its own (a marker's), or `nil` for the theme's colour of its role.
    public var color: RGBColor?
    /// Which point of the text the layout aligned it by (its left end, centre or right end).
    /// Cairo draws from `origin` regardless; SVG text anchors there, so that a viewer
    /// substituting a font of other widths keeps right-aligned labels right-aligned.
    public var alignment: Alignment = .start

    /// Which point of a text its position is meant for.
    public enum Alignment: Sendable, Equatable {
        /// The left end (the baseline's start).
        case start
        /// The middle.
        case middle
        /// The right end.
        case end
    }

    /// Creates a text at `origin`, measured by `measurer`. With `typesetExponent`, a trailing
    /// Unicode superscript becomes a real superscript (`10⁻⁴` → "10" and "−4").
    public init(
        _ text: String, style: TextStyle, role: TextRole, origin: Point = Point(x: 0, y: 0),
        rotated: Bool = false, measurer: any TextMeasurer, typesetExponent: Bool = false
    ) {
        self.style = style
        self.role = role
        self.origin = origin
        self.rotated = rotated
        self.color = nil
        if typesetExponent, let (base, exponent) = Exponent.split(text) {
            let m = measurer.measure(base, style: style)
            let e = measurer.measure(exponent, style: Exponent.style(for: style))
            self.text = base
            self.exponent = exponent
            self.baseWidth = m.width
            self.metrics = TextMetrics(
                width: m.width + e.width, ascent: m.ascent, descent: m.descent, capHeight: m.capHeight)
        } else {
            let m = measurer.measure(text, style: style)
            self.text = text
            self.exponent = nil
            self.baseWidth = m.width
            self.metrics = m
        }
    }

    /// The text as a plain string, the exponent in Unicode superscripts.
    public var plainText: String {
        guard let exponent else { return text }
        let map: [Character: String] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷",
            "8": "⁸", "9": "⁹", "\u{2212}": "\u{207B}",
        ]
        return text + exponent.map { map[$0] ?? String($0) }.joined()
    }

    /// The box the text occupies (font ascent to descent).
    public var bounds: Rect {
        if rotated {
            return Rect(
                x: origin.x - metrics.ascent, y: origin.y - metrics.width, width: metrics.height,
                height: metrics.width)
        }
        return Rect(
            x: origin.x, y: origin.y - metrics.ascent, width: metrics.width, height: metrics.height)
    }
}
