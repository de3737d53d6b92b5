import Foundation

/// Small numeric helpers shared by the generic families.
enum GenericSupport {
    /// The most breakpoints a periodic schedule reports; past this many, markers would only
    /// paint the chart solid, so ``periodic(first:period:below:)`` reports none.
    static let breakpointLimit = 1000

    /// `first, first + period, first + 2·period, …` below `steps`, or `[]` when there would be
    /// more than ``breakpointLimit`` of them.
    static func periodic(first: Int, period: Int, below steps: Int) -> [Int] {
        periodic(first: Int128(first), period: Int128(period), below: steps)
    }

    /// ``periodic(first:period:below:)`` for a start and period that need not fit in an
    /// `Int` (the cycle of `cyclic` is `step_size_up + step_size_down`).
    static func periodic(first: Int128, period: Int128, below steps: Int) -> [Int] {
        guard period > 0, first < Int128(steps) else { return [] }
        let count = (Int128(steps) - 1 - first) / period + 1
        guard count <= Int128(breakpointLimit) else { return [] }
        return (0..<Int(count)).map { Int(first + Int128($0) * period) }
    }

    /// Keeps the breakpoints in `0 < b < steps`, sorted and without duplicates.
    static func clean(_ points: [Int], below steps: Int) -> [Int] {
        Array(Set(points.filter { $0 > 0 && $0 < steps })).sorted()
    }

    /// Half-cosine from 1 (at `p = 0`) to 0 (at `p = 1`): `(1 + cos(π·p)) / 2`.
    static func cosineFall(_ p: Double) -> Double { (1 + cos(Double.pi * p)) / 2 }

    /// `t / total` clamped to `[0, 1]`.
    static func progress(_ t: Int, _ total: Int) -> Double {
        total <= 0 ? 1 : Double(min(max(t, 0), total)) / Double(total)
    }
}
