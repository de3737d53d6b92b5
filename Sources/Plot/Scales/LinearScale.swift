/// A linear scale with Extended Wilkinson breaks and consistent labels (see `TickLabelFormatter`).
public struct LinearScale: PlotScale {
    /// The visible data range.
    public var domain: ClosedRange<Double>
    /// Restricts ticks to whole numbers (step and epoch axes).
    public var integerTicks: Bool

    /// Creates a linear scale.
    public init(domain: ClosedRange<Double>, integerTicks: Bool = false) {
        self.domain = domain
        self.integerTicks = integerTicks
    }

    /// The value itself when finite.
    public func transform(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// Extended Wilkinson ticks inside the domain with consistent labels. With `integerTicks`
    /// on a domain narrower than one, the whole numbers inside it (possibly none).
    public func ticks(target: Int) -> TickSet {
        let values = ExtendedWilkinson.ticks(
            lo: domain.lowerBound, hi: domain.upperBound, target: target, integerOnly: integerTicks)
        return Self.tickSet(values)
    }

    /// Labels exact decimal tick values with one consistent format.
    static func tickSet(_ values: [DecimalValue]) -> TickSet {
        let (labels, multiplier) = TickLabelFormatter.labels(for: values)
        let ticks = zip(values, labels).map { Tick(value: $0.doubleValue, label: $1) }
        return TickSet(major: ticks, minor: [], multiplier: multiplier)
    }
}
