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
