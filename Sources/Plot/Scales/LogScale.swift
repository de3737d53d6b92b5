import Foundation

/// A base-10 logarithmic scale.
///
/// Breaks: major ticks at decades `10ᵏ` (every `s`-th decade when more than `target` decades
/// are visible, at multiples of `s`), labelled `10⁻⁴`; when the domain spans at most about two and a half decades and
/// there is room, the multiples 2 and 5 are labelled too (`2×10⁻⁴`, `5×10⁻⁴`); unlabelled minor
/// ticks at 2…9 × 10ᵏ. A domain narrower than one decade falls back to linear-like ticks
/// (Extended Wilkinson on the values) drawn at their log positions.
public struct LogScale: PlotScale {
    /// The visible data range; both ends positive.
    public var domain: ClosedRange<Double>

    /// Creates a log scale; `domain` must be positive.
    public init(domain: ClosedRange<Double>) {
        self.domain = domain
    }

    /// `log10(value)` for finite positive values, `nil` otherwise.
    public func transform(_ value: Double) -> Double? {
        value.isFinite && value > 0 ? log10(value) : nil
    }

    /// Decade ticks (thinned to about `target`), labelled 2 and 5 multiples when few decades
    /// are visible, minor ticks at 2…9 × 10ᵏ; linear-like ticks below one decade.
    public func ticks(target: Int) -> TickSet {
        let lo = log10(domain.lowerBound)
        let hi = log10(domain.upperBound)
        let eps = 1e-9
        let firstDecade = Int((lo - eps).rounded(.up))
        let lastDecade = Int((hi + eps).rounded(.down))
        let decades = lastDecade - firstDecade + 1
        if hi - lo < 1 || decades < 2 && hi - lo < 1.5 {
            var set = LinearScale(domain: domain).ticks(target: max(2, min(target, 6)))
            set.major = set.major.filter { $0.value > 0 }
            return set
        }
        let stride = max(1, Int((Double(decades) / Double(max(target, 1))).rounded(.up)))
        var major: [Tick] = []
        var minor: [Double] = []
        let labelSubs = stride == 1 && hi - lo <= 2.6 && decades * 3 <= target + 3
        let low = domain.lowerBound * (1 - 1e-9)
        let high = domain.upperBound * (1 + 1e-9)
        for k in (firstDecade - 1)...(lastDecade) {
            if k >= firstDecade && k % stride == 0 {
                major.append(Tick(value: pow10(k), label: Superscript.powerOfTen(k)))
            } else if k >= firstDecade {
                minor.append(pow10(k))
            }
            guard stride == 1 else { continue }
            for m in 2...9 {
                let value = DecimalValue(m, k).doubleValue
                guard value >= low && value <= high else { continue }
                if labelSubs && (m == 2 || m == 5) {
                    major.append(Tick(value: value, label: "\(m)×" + Superscript.powerOfTen(k)))
                } else {
                    minor.append(value)
                }
            }
        }
        major.sort { $0.value < $1.value }
        minor.sort()
        return TickSet(major: major, minor: minor, multiplier: nil)
    }
}
