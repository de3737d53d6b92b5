/// Keras's `PiecewiseConstantDecay`: `values[i]` between boundaries, where a boundary takes
/// effect one step *after* it (`step > boundary`).
///
/// Mirrors `keras/src/optimizers/schedules/learning_rate_schedule.py` (3.15) in float64, the
/// sum of indicator-weighted values, in this order:
/// ```
/// lr = (step <= b[0]) * values[0] + (step > b[-1]) * values[-1]
///    + sum over i of (b[i] < step <= b[i+1]) * values[i+1]
/// ```
/// So `values[0]` holds for steps `0 … b[0]` inclusive. Keras does not check that boundaries
/// increase; unsorted ones add up overlapping terms exactly as Keras does. Keras raises when
/// `len(values) != len(boundaries) + 1` (and fails on empty boundaries).
struct KerasPiecewiseConstantDecay: ClosedFormSchedule {
    var boundaries: [Int]
    var values: [Double]

    init(boundaries: [Int], values: [Double]) {
        self.boundaries = boundaries
        self.values = values
    }

    func value(at step: Int) -> Double {
        guard let first = boundaries.first, let last = boundaries.last,
              let firstValue = values.first, let lastValue = values.last else { return .nan }
        var result = 0.0
        result += (step <= first ? 1.0 : 0.0) * firstValue
        result += (step > last ? 1.0 : 0.0) * lastValue
        for i in 0..<max(min(boundaries.count - 1, values.count - 2), 0) {
            let inRange = step > boundaries[i] && step <= boundaries[i + 1]
            result += (inRange ? 1.0 : 0.0) * values[i + 1]
        }
        return result
    }

    /// `boundary + 1` for each boundary: the first step with the next value.
    func breakpoints(below steps: Int) -> [Int] {
        Array(Set(boundaries.compactMap { b in b < Int.max && b + 1 > 0 && b + 1 < steps ? b + 1 : nil })).sorted()
    }
}

extension ScheduleType {
    /// `keras.PiecewiseConstantDecay` — see ``KerasPiecewiseConstantDecay``.
    public static let kerasPiecewiseConstantDecay = ScheduleType(
        name: "keras.PiecewiseConstantDecay",
        summary: "Keras: piecewise constant values between boundaries (a boundary takes effect one step late).",
        formula: """
            lr(step) = values[0] for step ≤ boundaries[0], values[i+1] for boundaries[i] < step ≤ boundaries[i+1], \
            values[-1] for step > boundaries[-1] — computed as Keras's sum of indicator·value terms. \
            Boundary b takes effect at step b + 1. len(values) must be len(boundaries) + 1 (Keras raises).
            """,
        parameters: [
            ParameterSpec("boundaries", .numberList, .required, "Steps after which the next value applies (step > boundary); Keras casts float boundaries to the step's int type, truncating (2.5 acts as 2)."),
            ParameterSpec("values", .numberList, .required, "Learning rates: one more than boundaries."),
        ],
        make: { p in
            // Keras casts each boundary to the (int64) step's dtype: truncation toward zero.
            let boundaries = try p.numberList("boundaries").map { Int(saturating: $0.rounded(.towardZero)) }
            let values = try p.numberList("values")
            let shownBoundaries = PythonFormat.list(try p.raw("boundaries")), shownValues = PythonFormat.list(try p.raw("values"))
            try p.check(boundaries.count == values.count - 1, "values",
                        "The length of boundaries should be 1 less than the length of values. Received: boundaries=\(shownBoundaries) of length \(boundaries.count), and values=\(shownValues) of length \(values.count).")
            try p.check(!boundaries.isEmpty, "boundaries", "needs at least one boundary (Keras indexes boundaries[0] and raises IndexError: list index out of range)")
            return KerasPiecewiseConstantDecay(boundaries: boundaries, values: values)
        })
}
