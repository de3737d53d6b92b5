/// A second scale for the x axis, drawn above the top panel: epochs over steps, say.
///
/// Its value at a point is the primary x value divided by ``divisor`` (steps per epoch for
/// an epoch axis over steps); ticks are chosen on its own values, so they fall on round
/// epochs rather than on the steps' round numbers.
public struct SecondaryAxis: Sendable, Equatable {
    /// Axis title drawn above the tick labels; `nil` for none.
    public var label: String?
    /// Primary units per secondary unit; must be positive and finite.
    public var divisor: Double
    /// Puts ticks only at whole numbers (whole epochs).
    public var integerTicks: Bool

    /// Creates a secondary axis whose values are the primary x values divided by `divisor`.
    public init(label: String? = nil, divisor: Double, integerTicks: Bool = false) {
        self.label = label
        self.divisor = divisor
        self.integerTicks = integerTicks
    }
}
