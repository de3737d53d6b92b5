/// A resolved axis scale: it owns its transform, its domain and its breaks (as in ggplot2).
///
/// Positions are computed as `(transform(v) − transform(lo)) / (transform(hi) − transform(lo))`,
/// 0 at the domain's lower end and 1 at its upper end.
public protocol PlotScale: Sendable {
    /// The visible data range.
    var domain: ClosedRange<Double> { get }
    /// The value in transformed space, or `nil` when it cannot be drawn (non-finite, or ≤ 0 on a
    /// log scale).
    func transform(_ value: Double) -> Double?
    /// Breaks for about `target` labelled ticks.
    func ticks(target: Int) -> TickSet
}

extension PlotScale {
    /// A function from values to positions in `lower...upper` (`lower` at the domain's lower
    /// end), with the domain's transformed ends computed once; `nil` for undrawable values.
    ///
    /// Positions of values far outside the domain can be huge or infinite; callers clip. A
    /// domain whose transformed span overflows (−1e308 … 1e308) or underflows the factor
    /// (subnormal spans) is mapped through the fraction of the axis, computed on halves.
    public func positioner(from lower: Double, to upper: Double) -> @Sendable (Double) -> Double? {
        guard let lo = transform(domain.lowerBound), let hi = transform(domain.upperBound), hi != lo
        else { return { _ in nil } }
        let k = (upper - lower) / (hi - lo)
        let scale = self
        if k.isFinite && k != 0 {
            return { value in
                guard let t = scale.transform(value) else { return nil }
                return lower + (t - lo) * k
            }
        }
        let length = upper - lower
        return { value in
            guard let t = scale.transform(value) else { return nil }
            return lower + Self.fraction(t, lo, hi) * length
        }
    }

    /// The fraction 0...1 of the axis at which `value` lies (outside 0...1 when outside the
    /// domain, possibly infinite far beyond it); `nil` when the value cannot be drawn.
    public func fraction(of value: Double) -> Double? {
        guard let t = transform(value), let lo = transform(domain.lowerBound),
            let hi = transform(domain.upperBound), hi != lo
        else { return nil }
        return Self.fraction(t, lo, hi)
    }

    /// `(t − lo) / (hi − lo)`, on halves when the differences overflow.
    static func fraction(_ t: Double, _ lo: Double, _ hi: Double) -> Double {
        let span = hi - lo
        if span.isFinite, case let d = t - lo, d.isFinite { return d / span }
        return (t / 2 - lo / 2) / (hi / 2 - lo / 2)
    }
}
