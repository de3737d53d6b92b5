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
