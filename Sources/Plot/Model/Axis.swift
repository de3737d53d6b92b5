/// An axis: its label, scale type, tick policy and optional fixed domain.
public struct Axis: Sendable {
    /// Axis title; `nil` for none.
    public var label: String?
    /// Linear or logarithmic.
    public var scale: AxisScale
    /// Puts ticks only at whole numbers (for step and epoch axes). Linear scales only.
    public var integerTicks: Bool
    /// Fixed range; `nil` derives it from the data (x: tight; y: padded by 5% of the span on
    /// each side, in log space for log axes).
    public var domain: ClosedRange<Double>?

    /// Creates an axis.
    public init(
        label: String? = nil, scale: AxisScale = .linear, integerTicks: Bool = false,
        domain: ClosedRange<Double>? = nil
    ) {
        self.label = label
        self.scale = scale
        self.integerTicks = integerTicks
        self.domain = domain
    }
}
