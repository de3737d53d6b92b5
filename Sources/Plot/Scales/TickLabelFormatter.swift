/// Chooses one consistent label format for all the major ticks of a linear axis.
///
/// Rules, applied to the exact decimal tick values:
/// - `|max| ≥ 10 000`, whole-number ticks: SI-like suffixes, each label with the largest unit
///   not above it — `k` (10³), `M` (10⁶), `B` (10⁹) — e.g. `0, 50k, 100k, 150k` or
///   `0, 200k, 400k, 600k, 800k, 1M` (see `siLabels`); when a unit would need more than 2
///   decimals, plain whole numbers below 10⁹ (`10001, 10002`).
/// - more than 3 decimals needed (e.g. 0.0002 steps) or `|max| ≥ 10¹²`: labels are divided by
///   `10^m` with `m = floor(log10 |max|)` and the axis shows `×10ᵐ` once, e.g. ticks
///   0, 5e-5, …, 3e-4 read `0.0, 0.5, …, 3.0` with `×10⁻⁴` (matplotlib's scientific mode).
/// - otherwise fixed point with the same number of decimals on every label (`0.00, 0.05, 0.10`).
/// Zero is written with the axis' decimals (`0.00`), or `0` in suffix mode; negatives use U+2212.
struct TickLabelFormatter: Sendable {
    /// Labels for `values` (in order) and the multiplier text, if any.
    static func labels(for values: [DecimalValue]) -> (labels: [String], multiplier: String?) {
        let nonZero = values.filter { $0.significand != 0 }
        guard let largest = nonZero.max(by: { $0.magnitude < $1.magnitude }) else {
            return (values.map { _ in "0" }, nil)
        }
        let top = largest.magnitude
        let decimals = values.map(\.decimalsNeeded).max() ?? 0
        func render(_ shift: Int, suffix: String) -> [String] {
            let shiftedValues = values.map { $0.shifted(by: shift) }
            let d = shiftedValues.map(\.decimalsNeeded).max() ?? 0
            return shiftedValues.map {
                $0.significand == 0 && !suffix.isEmpty ? "0" : $0.formatted(decimals: d) + suffix
            }
        }
        if top >= 4 && top < 12 && decimals == 0 {
            if let labels = siLabels(values) { return (labels, nil) }
            // Fine steps on a large offset (10001, 10002, …): whole numbers read best.
            if top < 9 { return (values.map { $0.formatted(decimals: 0) }, nil) }
        }
        if decimals > 3 || top >= 12 {
            return (render(top, suffix: ""), "×" + Superscript.powerOfTen(top))
        }
        return (values.map { $0.formatted(decimals: decimals) }, nil)
    }

    /// Each value with the largest SI-like unit not above it (`k` 10³, `M` 10⁶, `B` 10⁹),
    /// labels of one unit sharing their decimals: `0, 200k, 400k, …, 1M` or
    /// `0, 250k, 500k, 750k, 1.00M, 1.25M`. `nil` when a unit would need more
    /// than 2 decimals.
    static func siLabels(_ values: [DecimalValue]) -> [String]? {
        func unit(_ v: DecimalValue) -> (shift: Int, suffix: String) {
            let m = v.magnitude
            return m >= 9 ? (9, "B") : m >= 6 ? (6, "M") : m >= 3 ? (3, "k") : (0, "")
        }
        var decimals: [Int: Int] = [:]
        for v in values where v.significand != 0 {
            let u = unit(v)
            decimals[u.shift] = max(decimals[u.shift] ?? 0, v.shifted(by: u.shift).decimalsNeeded)
        }
        guard decimals.values.allSatisfy({ $0 <= 2 }) else { return nil }
        return values.map { v in
            guard v.significand != 0 else { return "0" }
            let u = unit(v)
            return v.shifted(by: u.shift).formatted(decimals: decimals[u.shift] ?? 0) + u.suffix
        }
    }
}
