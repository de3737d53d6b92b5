extension Int {
    /// `value` converted to `Int`, saturating at `Int.min`/`Int.max` instead of trapping;
    /// NaN becomes `Int.max` (a step never reached). For step arithmetic on parameters that can
    /// be astronomically large (`decay_t: 2e55`).
    @inlinable
    public init(saturating value: Double) {
        // ±2⁶³ are exact doubles: every double strictly between them converts.
        if value.isNaN || value >= 0x1p63 {
            self = .max
        } else if value <= -0x1p63 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
