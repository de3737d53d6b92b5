/// Helpers for ``RangeExtrema`` conformances.
public enum CriticalSteps {
    /// For a function that is monotone on each piece `[b_i, b_{i+1})` between `boundaries`:
    /// each boundary inside `range` and the step before it (the last step of the previous
    /// piece). Boundaries need not be sorted. A boundary beyond `Int`'s range may be given
    /// clamped to `Int.min` or `Int.max`: neither is ever
    /// strictly inside a range of steps.
    public static func pieces(_ boundaries: [Int], in range: Range<Int>) -> [Int] {
        var out: [Int] = []
        for b in boundaries {
            if b > range.lowerBound && b < range.upperBound {
                out.append(b - 1)
                out.append(b)
            }
        }
        return out
    }

    /// The boundaries of a periodic pattern with period `period` and boundary offsets
    /// `offsets` (within one period) that fall in `range`, with the step before each;
    /// `nil` when there would be more than `limit` of them.
    public static func periodic(period: Int, offsets: [Int], origin: Int = 0, in range: Range<Int>,
                                limit: Int = 4096) -> [Int]? {
        periodic(period: Int128(period), offsets: offsets.map { Int128($0) }, origin: Int128(origin), in: range, limit: limit)
    }

    /// ``periodic(period:offsets:origin:in:limit:)`` for a period, offsets and origin that
    /// need not fit in an `Int` (a cycle of `step_size_up + step_size_down` steps): the
    /// boundaries are computed exactly, and only those inside `range` are returned.
    public static func periodic(period: Int128, offsets: [Int128], origin: Int128 = 0, in range: Range<Int>,
                                limit: Int = 4096) -> [Int]? {
        guard period > 0 else { return nil }
        let lo = Int128(range.lowerBound) - origin
        let hi = Int128(range.upperBound) - origin
        let firstCycle = lo >= 0 ? lo / period - 1 : -1
        let lastCycle = hi >= 0 ? hi / period + 1 : 0
        if (lastCycle - firstCycle + 1) * Int128(offsets.count) * 2 > Int128(limit) { return nil }
        var out: [Int] = []
        var c = Swift.max(firstCycle, 0)
        while c <= Swift.max(lastCycle, 0) {
            for o in offsets {
                let b = origin + c * period + o
                if b > Int128(range.lowerBound) && b < Int128(range.upperBound) {
                    out.append(Int(b) - 1)
                    out.append(Int(b))
                }
            }
            c += 1
        }
        return out
    }
}

extension CriticalSteps {
    /// The steps of `range` where a non-decreasing, integer-valued `index` (a cycle or period
    /// number) changes: each step whose index exceeds the previous step's, found by bisection
    /// (about `log₂(range.count)` evaluations per change). The pieces between them are the
    /// ranges of constant index. `nil` when an index met is not finite, when the indices met
    /// are not ordered, when more than `limit` changes are possible (the index grows by
    /// more than `limit` over `range`), or when an index passes 2⁵² (consecutive whole
    /// numbers are no longer distinct doubles there, so a change could go unseen).
    ///
    /// `index` must be non-decreasing over `range`; the bisection only checks the steps it
    /// evaluates.
    public static func indexChanges(in range: Range<Int>, limit: Int = 4096, index: (Int) -> Double) -> [Int]? {
        guard !range.isEmpty else { return [] }
        let first = index(range.lowerBound), last = index(range.upperBound - 1)
        guard first.isFinite, last.isFinite, first <= last, last - first <= Double(limit),
              Swift.abs(first) < 0x1p52, Swift.abs(last) < 0x1p52 else { return nil }
        var out: [Int] = []
        // Pending intervals (a, b] of steps with index(a) < index(b): a change lies in a + 1 ... b.
        var pending: [(a: Int, ia: Double, b: Int, ib: Double)] = []
        if first < last { pending.append((range.lowerBound, first, range.upperBound - 1, last)) }
        while let (a, ia, b, ib) = pending.popLast() {
            if b == a + 1 {
                out.append(b)
                continue
            }
            let m = a + (b - a) / 2
            let im = index(m)
            guard im.isFinite, ia <= im, im <= ib else { return nil }
            if ia < im { pending.append((a, ia, m, im)) }
            if im < ib { pending.append((m, im, b, ib)) }
        }
        return out
    }

    /// The ranges of constant index between the `changes` (as returned by ``indexChanges(in:limit:index:)``)
    /// that cover `range`, as (first step, last step) pairs.
    public static func runs(between changes: [Int], in range: Range<Int>) -> [(first: Int, last: Int)] {
        guard !range.isEmpty else { return [] }
        let sorted = changes.sorted()
        let firsts = [range.lowerBound] + sorted
        let lasts = sorted.map { $0 - 1 } + [range.upperBound - 1]
        return zip(firsts, lasts).map { (first: $0, last: $1) }
    }

    /// The first step of `steps` where a predicate that turns from false to true at most
    /// once (false on a prefix, true after) holds, by bisection; `nil` if it holds nowhere.
    public static func firstStep(in steps: ClosedRange<Int>, where holds: (Int) -> Bool) -> Int? {
        guard holds(steps.upperBound) else { return nil }
        if holds(steps.lowerBound) { return steps.lowerBound }
        var lo = steps.lowerBound, hi = steps.upperBound
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if holds(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
