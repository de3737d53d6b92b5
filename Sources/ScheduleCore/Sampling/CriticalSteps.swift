/// Helpers for ``RangeExtrema`` conformances.
public enum CriticalSteps {
    /// For a function that is monotone on each piece `[b_i, b_{i+1})` between `boundaries`:
    /// each boundary inside `range` and the step before it (the last step of the previous
    /// piece). Boundaries need not be sorted.
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
        guard period > 0 else { return nil }
        let lo = range.lowerBound - origin
        let hi = range.upperBound - origin
        let firstCycle = lo >= 0 ? lo / period - 1 : -1
        let lastCycle = hi >= 0 ? hi / period + 1 : 0
        if (lastCycle - firstCycle + 1) * offsets.count * 2 > limit { return nil }
        var out: [Int] = []
        for c in max(firstCycle, 0)...max(lastCycle, 0) {
            for o in offsets {
                let b = origin + c * period + o
                if b > range.lowerBound && b < range.upperBound {
                    out.append(b - 1)
                    out.append(b)
                }
            }
        }
        return out
    }
}
