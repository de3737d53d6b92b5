/// Quantiles of a sample by linear interpolation between order statistics (NumPy's default
/// `method="linear"`): for ascending values x₀ ≤ … ≤ x_{n−1},
/// q ↦ x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋₊₁ − x_⌊h⌋) with h = q·(n − 1).
enum Quantiles {
    /// The quantile `q` ∈ [0, 1] of `values` (non-empty, no NaN), which are reordered in place
    /// (a selection, not a full sort: O(n) on average).
    static func linear(_ values: UnsafeMutableBufferPointer<Double>, _ q: Double) -> Double {
        let n = values.count
        let h = q * Double(n - 1)
        let lower = Swift.min(Int(h), n - 1)
        select(values, lower)
        let low = values[lower]
        guard lower + 1 < n, h > Double(lower) else { return low }
        // After selection everything right of `lower` is ≥ it: the next order statistic is their minimum.
        var high = values[lower + 1]
        for i in (lower + 2)..<n where values[i] < high { high = values[i] }
        return low + (h - Double(lower)) * (high - low)
    }

    /// Reorders `a` so that `a[k]` is the k-th smallest, smaller-or-equal values left of it and
    /// greater-or-equal values right of it (Hoare's selection with a median-of-three pivot).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var lo = 0, hi = a.count - 1
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return
            }
        }
    }
}
