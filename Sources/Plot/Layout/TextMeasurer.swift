/// Measures text for layout; the Cairo backend measures with the same font options it draws
/// with, tests use `ApproximateTextMeasurer`.
public protocol TextMeasurer {
    /// Metrics of `text` set in `style`.
    func measure(_ text: String, style: TextStyle) -> TextMetrics
}
