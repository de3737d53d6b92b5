import Foundation

/// optax's `polynomial_schedule`: a polynomial transition from `init_value` to `end_value`
/// over `transition_steps` steps starting at `transition_begin`.
///
/// Mirrors `optax/schedules/_schedule.py` (0.2.8) in float64:
/// ```
/// count = clip(t - transition_begin, 0, transition_steps)        # integers
/// frac  = 1 - count / transition_steps                            # true division
/// schedule(t) = (init_value - end_value) * frac ** power + end_value
/// ```
/// `transition_steps ≤ 0` gives the constant `init_value` (optax logs this and returns a
/// constant schedule); a negative `transition_begin` falls back to 0 (also only logged).
/// `linear_schedule` and `warmup_constant_schedule` are this schedule with `power = 1`.
struct OptaxPolynomialSchedule: OptaxCountSchedule {
    var initValue: Double
    var endValue: Double
    var power: Double
    var transitionSteps: Int
    var transitionBegin: Int

    init(initValue: Double, endValue: Double, power: Double, transitionSteps: Int, transitionBegin: Int = 0) {
        self.initValue = initValue
        self.endValue = endValue
        self.power = power
        self.transitionSteps = transitionSteps
        self.transitionBegin = transitionBegin
    }

    /// `true` when optax replaces the schedule by the constant `init_value`.
    var isConstant: Bool { transitionSteps <= 0 }

    func value(at step: Int) -> Double {
        // A step is at most Int.max and the begin at least 0: the difference fits.
        (try? value(atCount: Int128(step))) ?? .nan
    }

    /// `jnp.clip(count - transition_begin, 0, transition_steps)` converts the Python-int
    /// difference to `int64` (``OptaxCountSchedule``).
    func value(atCount c: Int128) throws(PythonRaise) -> Double {
        guard transitionSteps > 0 else { return initValue }
        let begin = max(transitionBegin, 0)
        let count = min(max(try OptaxCount.int64(c - Int128(begin)), 0), transitionSteps)
        let frac = 1 - Double(count) / Double(transitionSteps)
        return (initValue - endValue) * pow(frac, power) + endValue
    }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool {
        let begin = Int128(max(transitionBegin, 0))
        return transitionSteps > 0 && OptaxCount.leavesInt64((counts.lowerBound - begin)...(counts.upperBound - begin))
    }

    /// The start and the end of the transition.
    func breakpoints(below steps: Int) -> [Int] {
        guard transitionSteps > 0 else { return [] }
        let begin = Int128(max(transitionBegin, 0))
        return [begin, begin + Int128(transitionSteps)].filter { $0 > 0 && $0 < Int128(steps) }.map { Int($0) }
    }
}

extension ScheduleType {
    /// `optax.polynomial_schedule` — see ``OptaxPolynomialSchedule``.
    public static let optaxPolynomialSchedule = ScheduleType(
        name: "optax.polynomial_schedule",
        summary: "optax: polynomial transition from init_value to end_value.",
        formula: """
            count = clip(t - transition_begin, 0, transition_steps) (integers); \
            schedule(t) = (init_value - end_value) * (1 - count / transition_steps) ** power + end_value. \
            Holds init_value for t ≤ transition_begin and end_value from t = transition_begin + transition_steps on. \
            transition_steps ≤ 0: constant init_value (optax only logs); transition_begin < 0 falls back to 0.
            """,
        parameters: [
            .number("init_value", "Initial value."),
            .number("end_value", "End value."),
            .number("power", "Power of the polynomial."),
            .integer("transition_steps", "Steps over which the value anneals (≤ 0: constant init_value)."),
            .integer("transition_begin", default: 0, "Steps before annealing starts (negative: 0)."),
        ],
        make: { p in
            OptaxPolynomialSchedule(
                initValue: try p.number("init_value"), endValue: try p.number("end_value"),
                power: try p.number("power"), transitionSteps: try p.integer("transition_steps"),
                transitionBegin: try p.integer("transition_begin"))
        })
}
