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
/// optax raises for `decay_steps ≤ 0`.
struct OptaxCosineDecaySchedule: OptaxCountSchedule {
    var initValue: Double
    /// A Python int: `warmup_cosine_decay_schedule` passes `decay_steps - warmup_steps`,
    /// which need not fit in 64 bits (optax makes it a float).
    var decaySteps: Int128
    var alpha: Double
    var exponent: Double

    init(initValue: Double, decaySteps: Int128, alpha: Double = 0, exponent: Double = 1) {
        self.initValue = initValue
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.exponent = exponent
    }

    func value(at step: Int) -> Double { value(atFloatCount: Double(step)) }

    /// `float(count)` first: no conversion to `int64`, so never an overflow.
    func value(atCount c: Int128) throws(PythonRaise) -> Double { value(atFloatCount: PythonMath.float(c)) }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool { false }

    private func value(atFloatCount t: Double) -> Double {
        let steps = PythonMath.float(decaySteps)
        let count = XLAMath.minimum(t, steps)
        let cosineDecay = 0.5 * (1 + cos(Double.pi * count / steps))
        let decayed = (1 - alpha) * pow(cosineDecay, exponent) + alpha
        return initValue * decayed
    }

    /// The end of the decay.
    func breakpoints(below steps: Int) -> [Int] {
        decaySteps > 0 && decaySteps < Int128(steps) ? [Int(decaySteps)] : []
    }

    /// optax's check: `decay_steps` must be positive.
    static func validate(decaySteps: Int128, _ p: Parameters, _ name: String) throws {
        try p.check(decaySteps > 0, name, "The cosine_decay_schedule requires positive decay_steps, got decay_steps=\(decaySteps).")
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
            .integer("decay_steps", "Steps of the decay (> 0)."),
            .number("alpha", default: 0.0, "Final multiplier of init_value."),
            .number("exponent", default: 1.0, "Exponent applied to the cosine factor."),
        ],
        make: { p in
            let decaySteps = try p.integer("decay_steps")
            try OptaxCosineDecaySchedule.validate(decaySteps: Int128(decaySteps), p, "decay_steps")
            return OptaxCosineDecaySchedule(
                initValue: try p.number("init_value"), decaySteps: Int128(decaySteps),
                alpha: try p.number("alpha"), exponent: try p.number("exponent"))
        })
}
