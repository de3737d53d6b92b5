extension AxisScale {
    /// The ratio between series peaks above which ``automatic(forPeaksOf:ratio:)`` chooses a
    /// log axis: 30, about where the lowest of the lines on a linear axis would be flattened
    /// into its bottom thirtieth.
    public static let automaticLogRatio = 30.0

    /// The scale for series that should all be readable on one axis (learning rates of
    /// several schedules or optimizers): `.log` when the largest series peak is more than
    /// `ratio` times the smallest (SGD at 0.1 beside Adam at 0.003 is 33×), else `.linear`.
    ///
    /// A series' peak is its largest finite positive value; series without one (empty, all
    /// zero or negative) are left out, and fewer than two peaks give `.linear`. Callers use
    /// it only when the user did not choose a scale.
    public static func automatic(forPeaksOf series: [[Double]], ratio: Double = automaticLogRatio) -> AxisScale {
        let peaks = series.compactMap { values -> Double? in
            var peak = -Double.infinity
            for v in values where v.isFinite && v > 0 { peak = max(peak, v) }
            return peak > 0 ? peak : nil
        }
        guard peaks.count >= 2, let high = peaks.max(), let low = peaks.min() else { return .linear }
        return high > ratio * low ? .log : .linear
    }
}
