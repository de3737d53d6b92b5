/// Quantiles of a sample by linear interpolation between order statistics (NumPy's default
/// `method="linear"`): for sorted values x₀ ≤ … ≤ x_{n−1}, q ↦ x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋₊₁ − x_⌊h⌋)
/// with h = q·(n − 1).
enum Quantiles {
    /// The quantile `q` ∈ [0, 1] of ascending `sorted` (non-empty).
    static func linear(_ sorted: UnsafeMutableBufferPointer<Double>, _ q: Double) -> Double {
        let h = q * Double(sorted.count - 1)
        let lower = Int(h)
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
