import Foundation

/// optax's `exponential_decay`: continuous or staircase exponential decay after
/// `transition_begin`, optionally bounded by `end_value`.
///
/// Mirrors `optax/schedules/_schedule.py` (0.2.8) in float64:
/// ```
/// decreased = t - transition_begin                     # integer
/// p = decreased / transition_steps                     # floor(p) when staircase
/// v = init_value if decreased <= 0 else init_value * decay_rate ** p
/// v = max(v, end_value) if decay_rate < 1 else min(v, end_value)   # only when end_value is given
/// ```
/// `transition_steps ≤ 0` or `decay_rate == 0` gives the constant `init_value` (optax only logs,
/// and `end_value` is then ignored); a negative `transition_begin` falls back to 0.
struct OptaxExponentialDecay: OptaxCountSchedule {
    var initValue: Double
    var transitionSteps: Int
    var decayRate: Double
    var transitionBegin: Int
    var staircase: Bool
    var endValue: Double?

    init(initValue: Double, transitionSteps: Int, decayRate: Double, transitionBegin: Int = 0,
                staircase: Bool = false, endValue: Double? = nil) {
        self.initValue = initValue
        self.transitionSteps = transitionSteps
        self.decayRate = decayRate
        self.transitionBegin = transitionBegin
        self.staircase = staircase
        self.endValue = endValue
    }

    /// `true` when optax replaces the schedule by the constant `init_value`.
    var isConstant: Bool { transitionSteps <= 0 || decayRate == 0 }

    func value(at step: Int) -> Double {
        (try? value(atCount: Int128(step))) ?? .nan
    }

    /// All Python ints until `jnp.power`: `decreased_count / transition_steps` is a true
    /// division of ints (correctly rounded), and nothing converts to `int64`.
    func value(atCount c: Int128) throws(PythonRaise) -> Double {
        guard !isConstant else { return initValue }
        let begin = max(transitionBegin, 0)
        let decreased = c - Int128(begin)
        var p = try PythonMath.trueDivide(decreased, Int128(transitionSteps))
        if staircase { p = p.rounded(.down) }
        var v = decreased <= 0 ? initValue : initValue * pow(decayRate, p)
        if let end = endValue {
            v = decayRate < 1 ? XLAMath.maximum(v, end) : XLAMath.minimum(v, end)
        }
        return v
    }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool { false }

    /// The start of the decay and, with `staircase`, each stair (when there are at most 100).
    func breakpoints(below steps: Int) -> [Int] {
        guard !isConstant else { return [] }
        let begin = max(transitionBegin, 0)
        if staircase { return XLAMath.periodic(start: begin, period: transitionSteps, below: steps) }
        return begin > 0 && begin < steps ? [begin] : []
    }
}

extension ScheduleType {
    /// `optax.exponential_decay` — see ``OptaxExponentialDecay``.
    public static let optaxExponentialDecay = ScheduleType(
        name: "optax.exponential_decay",
        summary: "optax: exponential decay (continuous or staircase) after transition_begin, bounded by end_value.",
        formula: """
            d = t - transition_begin; p = d / transition_steps (floor(p) when staircase); \
            schedule(t) = init_value if d ≤ 0 else init_value * decay_rate ** p; \
            with end_value: max(schedule, end_value) if decay_rate < 1 else min(schedule, end_value). \
            Decays forever past the end (stairs take effect at transition_begin + k·transition_steps). \
            transition_steps ≤ 0 or decay_rate = 0: constant init_value (optax only logs); transition_begin < 0 falls back to 0.
            """,
        parameters: [
            .number("init_value", "Initial value."),
            .integer("transition_steps", "Steps per factor of decay_rate (≤ 0: constant init_value)."),
            .number("decay_rate", "Decay rate (0: constant init_value)."),
            .integer("transition_begin", default: 0, "Steps before decay starts (negative: 0)."),
            .bool("staircase", default: false, "Decay at discrete intervals (floor of the exponent)."),
            ParameterSpec("end_value", .number, .none, "Lower bound when decay_rate < 1, upper bound otherwise; None: unbounded."),
        ],
        make: { p in
            OptaxExponentialDecay(
                initValue: try p.number("init_value"), transitionSteps: try p.integer("transition_steps"),
                decayRate: try p.number("decay_rate"), transitionBegin: try p.integer("transition_begin"),
                staircase: try p.bool("staircase"), endValue: try p.optionalNumber("end_value"))
        })
}
