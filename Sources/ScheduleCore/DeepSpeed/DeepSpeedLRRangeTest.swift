/// `deepspeed.LRRangeTest`: the learning-rate range test — the rate grows linearly (or in
/// stairs) from `lr_range_test_min_lr`, for finding the largest rate that still trains.
///
/// Mirrors `LRRangeTest` in `deepspeed/runtime/lr_schedules.py` (0.19.8), for iteration
/// `i = t − 1`:
/// ```
/// values[0] = lr_range_test_min_lr
/// interval = float(i + 1) / step_size            (floor of it with lr_range_test_staircase)
/// values[t] = lr_range_test_min_lr * (1 + lr_range_test_step_rate * interval)
/// ```
/// It grows without end. `lr_range_test_step_size` must be a positive `int` (DeepSpeed raises
/// `ValueError` otherwise).
struct DeepSpeedLRRangeTest: RangeExtrema {
    var minLR: Double
    var stepSize: Int
    var stepRate: Double
    var staircase: Bool

    func value(at step: Int) -> Double {
        guard step > 0 else { return minLR }
        var interval = Double(step) / Double(stepSize)
        if staircase { interval = interval.rounded(.down) }
        return minLR * (1 + stepRate * interval)
    }

    /// Each stair, when staircase (at most 1000).
    func breakpoints(below steps: Int) -> [Int] {
        staircase ? TorchCommon.multiples(of: Double(stepSize), below: steps) : []
    }

    /// Monotone in the step (an affine function of a non-decreasing interval).
    func criticalSteps(in range: Range<Int>) -> [Int]? { [] }
}

extension ScheduleType {
    /// `deepspeed.LRRangeTest` — see ``DeepSpeedLRRangeTest``.
    public static let deepSpeedLRRangeTest = ScheduleType(
        name: "deepspeed.LRRangeTest",
        summary: "DeepSpeed learning-rate range test: a rate growing linearly or in stairs from lr_range_test_min_lr (deepspeed.runtime.lr_schedules.LRRangeTest).",
        formula: """
            DeepSpeed steps it once per optimizer step; values[0] = lr_range_test_min_lr,
            values[t] = lr_range_test_min_lr * (1 + lr_range_test_step_rate * interval),
              interval = t / lr_range_test_step_size (floor of it with lr_range_test_staircase).
            Grows without end. lr_range_test_step_size must be a positive integer (DeepSpeed raises ValueError).
            """,
        parameters: [
            .number("lr_range_test_min_lr", default: 1e-3, "Starting learning rate."),
            .integer("lr_range_test_step_size", default: 2000, "Steps per unit of growth (a positive integer)."),
            .number("lr_range_test_step_rate", default: 1.0, "Growth per lr_range_test_step_size steps, as a multiple of the start."),
            .bool("lr_range_test_staircase", default: false, "Grow in stairs rather than continuously."),
        ],
        make: { p in
            DeepSpeedLRRangeTest(
                minLR: try p.number("lr_range_test_min_lr"),
                stepSize: try DeepSpeedParameters.positiveInteger(p, "lr_range_test_step_size"),
                stepRate: try p.number("lr_range_test_step_rate"),
                staircase: try p.bool("lr_range_test_staircase"))
        })
}
