/// Builds a ``ColumnSummary`` from values added in step order.
struct ColumnAccumulator {
    var first = SamplePoint(step: 0, value: 0)
    var low = SamplePoint(step: 0, value: 0)
    var high = SamplePoint(step: 0, value: 0)
    var last = SamplePoint(step: 0, value: 0)
    var beforeLow: SamplePoint?
    var beforeHigh: SamplePoint?
    var count = 0

    /// Adds the value at `step`; steps must increase. A new (strictly) lowest or highest
    /// value keeps the value added before it as its predecessor — the value at `step − 1`
    /// when steps are added consecutively (the closed-form path sets it explicitly).
    @inline(__always)
    mutating func add(_ step: Int, _ value: Double) {
        let p = SamplePoint(step: step, value: value)
        if count == 0 {
            first = p; low = p; high = p
        } else {
            if value < low.value { low = p; beforeLow = last }
            if value > high.value { high = p; beforeHigh = last }
        }
        last = p
        count += 1
    }

    func summary(_ range: Range<Int>) -> ColumnSummary? {
        guard count > 0 else { return nil }
        return ColumnSummary(range: range.lowerBound..<(last.step + 1), first: first, minimum: low,
                             maximum: high, last: last,
                             beforeMinimum: beforeLow, beforeMaximum: beforeHigh)
    }
}
