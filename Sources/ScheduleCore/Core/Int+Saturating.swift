extension Int {
    /// `value` converted to `Int`, saturating at `Int.min`/`Int.max` instead of trapping;
    /// NaN becomes `Int.max` (a step never reached). For step arithmetic on parameters that can
    /// be astronomically large (`decay_t: 2e55`).
    @inlinable
    public init(saturating value: Double) {
        if value.isNaN || value >= 9.2e18 {
            self = .max
        } else if value <= -9.2e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
