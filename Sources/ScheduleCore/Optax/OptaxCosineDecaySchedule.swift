import Foundation

/// optax's `cosine_decay_schedule`: cosine decay from `init_value` to `alpha · init_value`
/// over `decay_steps`, then constant.
///
/// Mirrors `optax/schedules/_schedule.py` (0.2.8) in float64 (the count is made a float):
/// ```
/// count = min(t, decay_steps)
/// cosine_decay = 0.5 * (1 + cos(pi * count / decay_steps))
/// schedule(t) = init_value * ((1 - alpha) * cosine_decay ** exponent + alpha)
/// ```
/// optax raises for `decay_steps ≤ 0`; a float `decay_steps` works as in optax.
struct OptaxCosineDecaySchedule: OptaxCountSchedule {
    var initValue: Double
    /// A float: optax converts a Python int `decay_steps` with `float()` (exactly rounded), so
    /// `warmup_cosine_decay_schedule`'s `decay_steps - warmup_steps` may pass 64 bits.
    var decaySteps: Double
    /// `decay_steps` as the Python int it was built from, when it was one (sgdr sums them).
    var exactDecaySteps: Int128?
    var alpha: Double
    var exponent: Double

    init(initValue: Double, decaySteps: Double, exactDecaySteps: Int128? = nil, alpha: Double = 0, exponent: Double = 1) {
        self.initValue = initValue
        self.decaySteps = decaySteps
        self.exactDecaySteps = exactDecaySteps
        self.alpha = alpha
        self.exponent = exponent
    }

    func value(at step: Int) -> Double { value(atFloatCount: Double(step)) }

    /// `float(count)` first: no conversion to `int64`, so never an overflow.
    func value(atCount c: Int128) throws(PythonRaise) -> Double { value(atFloatCount: PythonMath.float(c)) }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool { false }

    private func value(atFloatCount t: Double) -> Double {
        let steps = decaySteps
        let count = XLAMath.minimum(t, steps)
        let cosineDecay = 0.5 * (1 + cos(Double.pi * count / steps))
        let decayed = (1 - alpha) * pow(cosineDecay, exponent) + alpha
        return initValue * decayed
    }

    /// The end of the decay.
    func breakpoints(below steps: Int) -> [Int] {
        let end = Int(saturating: decaySteps.rounded(.up))
        return decaySteps > 0 && end < steps ? [end] : []
    }

    /// optax's check: `decay_steps` must be positive (`shown` is how Python prints it).
    static func validate(decaySteps: Double, shown: String, _ p: Parameters, _ name: String) throws {
        try p.check(decaySteps > 0, name, "The cosine_decay_schedule requires positive decay_steps, got decay_steps=\(shown).")
    }
}

extension ScheduleType {
    /// `optax.cosine_decay_schedule` — see ``OptaxCosineDecaySchedule``.
    public static let optaxCosineDecaySchedule = ScheduleType(
        name: "optax.cosine_decay_schedule",
        summary: "optax: cosine decay from init_value to alpha·init_value over decay_steps.",
        formula: """
            c = 0.5 * (1 + cos(pi * min(t, decay_steps) / decay_steps)); \
            schedule(t) = init_value * ((1 - alpha) * c ** exponent + alpha). \
            Constant alpha·init_value from t = decay_steps on. decay_steps must be > 0 (optax raises).
            """,
        parameters: [
            .number("init_value", "Initial value."),
            ParameterSpec("decay_steps", .number, .required, "Steps of the decay (> 0; an int in optax's signature, a float works)."),
            .number("alpha", default: 0.0, "Final multiplier of init_value."),
            .number("exponent", default: 1.0, "Exponent applied to the cosine factor."),
        ],
        make: { p in
            let decaySteps = try PythonNumber(p, "decay_steps")
            try OptaxCosineDecaySchedule.validate(decaySteps: decaySteps.value, shown: decaySteps.description, p, "decay_steps")
            return OptaxCosineDecaySchedule(
                initValue: try p.number("init_value"), decaySteps: decaySteps.value,
                alpha: try p.number("alpha"), exponent: try p.number("exponent"))
        })
}
