extension ScheduleType {
    /// `optax.warmup_cosine_decay_schedule` — an ``OptaxJoinedSchedule`` of a linear warmup
    /// (``OptaxPolynomialSchedule``) and an ``OptaxCosineDecaySchedule``.
    public static let optaxWarmupCosineDecaySchedule = ScheduleType(
        name: "optax.warmup_cosine_decay_schedule",
        summary: "optax: linear warmup to peak_value, then cosine decay to end_value.",
        formula: """
            alpha = 0 if peak_value == 0 else end_value / peak_value; \
            t < warmup_steps: linear_schedule(init_value, peak_value, warmup_steps)(t); \
            t ≥ warmup_steps: peak_value * ((1 - alpha) * c ** exponent + alpha) with \
            c = 0.5 * (1 + cos(pi * min(t - warmup_steps, D) / D)), D = decay_steps - warmup_steps. \
            decay_steps includes the warmup; constant end_value (peak_value·alpha) from t = decay_steps on. \
            D must be > 0 (optax's cosine_decay_schedule raises).
            """,
        parameters: [
            .number("init_value", "Value at step 0."),
            .number("peak_value", "Value at the end of warmup."),
            .integer("warmup_steps", "Length of the linear warmup."),
            .integer("decay_steps", "Total length of the schedule, warmup included."),
            .number("end_value", default: 0.0, "Final value."),
            .number("exponent", default: 1.0, "Exponent applied to the cosine factor."),
        ],
        make: { p in
            try OptaxWarmupCosine.make(p).checkedAtConstruction(p)
        })
}

/// Builds optax's `warmup_cosine_decay_schedule` (also used by `sgdr_schedule`).
enum OptaxWarmupCosine {
    static func make(_ p: Parameters) throws -> OptaxJoinedSchedule {
        let initValue = try p.number("init_value")
        let peakValue = try p.number("peak_value")
        let warmupSteps = try p.integer("warmup_steps")
        let decaySteps = try p.integer("decay_steps")
        let endValue = try p.number("end_value")
        let exponent = try p.number("exponent")
        let alpha = peakValue == 0 ? 0.0 : endValue / peakValue
        // A Python int: it need not fit in 64 bits.
        let cosineSteps = Int128(decaySteps) - Int128(warmupSteps)
        try p.check(cosineSteps > 0, "decay_steps",
                    "must be greater than warmup_steps (\(warmupSteps)): optax's cosine decay over decay_steps − warmup_steps raises: The cosine_decay_schedule requires positive decay_steps, got decay_steps=\(cosineSteps).")
        return OptaxJoinedSchedule(
            schedules: [
                OptaxPolynomialSchedule(initValue: initValue, endValue: peakValue, power: 1, transitionSteps: warmupSteps),
                OptaxCosineDecaySchedule(initValue: peakValue, decaySteps: PythonMath.float(cosineSteps), exactDecaySteps: cosineSteps, alpha: alpha, exponent: exponent),
            ],
            boundaries: [Int128(warmupSteps)])
    }
}
