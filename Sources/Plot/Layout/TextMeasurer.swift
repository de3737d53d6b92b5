/// Horizontal advance and vertical font metrics of a text, in CSS px.
public struct TextMetrics: Sendable, Equatable {
    /// Advance width.
    public var width: Double
    /// Font ascent above the baseline.
    public var ascent: Double
    /// Font descent below the baseline (positive).
    public var descent: Double
    /// Height of capital letters and digits above the baseline (used to centre numbers).
    public var capHeight: Double

    /// Creates metrics.
    public init(width: Double, ascent: Double, descent: Double, capHeight: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
    }

    /// `ascent + descent`.
    public var height: Double { ascent + descent }
}

/// Measures text for layout; the Cairo backend measures with the same font options it draws
/// with, tests use `ApproximateTextMeasurer`.
public protocol TextMeasurer {
    /// Metrics of `text` set in `style`.
    func measure(_ text: String, style: TextStyle) -> TextMetrics
}

/// A Cairo-free measurer: every character is 0.6 em wide; DejaVu Sans' vertical proportions
/// (ascent 0.93, descent 0.24, cap height 0.73 em).
public struct ApproximateTextMeasurer: TextMeasurer {
    /// Creates the measurer.
    public init() {}

    /// 0.6 em per character; fixed vertical proportions.
    public func measure(_ text: String, style: TextStyle) -> TextMetrics {
        TextMetrics(
            width: Double(text.count) * 0.6 * style.size, ascent: 0.93 * style.size,
            descent: 0.24 * style.size, capHeight: 0.73 * style.size)
    }
}
