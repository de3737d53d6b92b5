/// The few array operations of `jax.numpy` / `keras.ops` whose edge cases differ from
/// Swift's: `maximum` and `minimum` propagate NaN (Swift's `max`/`min` do not promise to).
enum XLAMath {
    /// `jnp.maximum(a, b)`: the larger value, NaN when either is NaN.
    static func maximum(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        return a >= b ? a : b
    }

    /// `jnp.minimum(a, b)`: the smaller value, NaN when either is NaN.
    static func minimum(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        return a <= b ? a : b
    }

    /// Breakpoints `start, start + period, start + 2·period, …` in `0 < s < steps`, or only
    /// `start` when that would list more than `limit` of them (stairs too dense to mark).
    static func periodic(start: Int, period: Int, below steps: Int, limit: Int = 100) -> [Int] {
        guard period > 0 else { return start > 0 && start < steps ? [start] : [] }
        var result: [Int] = []
        var s = start
        while s < steps {
            if s > 0 { result.append(s) }
            if result.count > limit { return start > 0 && start < steps ? [start] : [] }
            let (next, overflow) = s.addingReportingOverflow(period)
            if overflow { break }
            s = next
        }
        return result
    }
}
