extension ScheduleType {
    /// `optax.warmup_exponential_decay_schedule` — an ``OptaxJoinedSchedule`` of a linear warmup
    /// (``OptaxPolynomialSchedule``) and an ``OptaxExponentialDecay`` from `peak_value`.
    public static let optaxWarmupExponentialDecaySchedule = ScheduleType(
        name: "optax.warmup_exponential_decay_schedule",
        summary: "optax: linear warmup to peak_value, then exponential decay.",
        formula: """
            t < warmup_steps: linear_schedule(init_value, peak_value, warmup_steps)(t); \
            t ≥ warmup_steps: exponential_decay(peak_value, transition_steps, decay_rate, transition_begin, \
            staircase, end_value)(t - warmup_steps), i.e. d = t - warmup_steps - transition_begin, \
            peak_value if d ≤ 0 else peak_value * decay_rate ** (d / transition_steps) (floored when staircase), \
            bounded by end_value. transition_steps ≤ 0 or decay_rate = 0: constant peak_value after warmup (optax only logs).
            """,
        parameters: [
            .number("init_value", "Value at step 0."),
            .number("peak_value", "Value at the end of warmup."),
            .integer("warmup_steps", "Length of the linear warmup."),
            .integer("transition_steps", "Steps per factor of decay_rate (≤ 0: constant)."),
            .number("decay_rate", "Decay rate (0: constant)."),
            .integer("transition_begin", default: 0, "Steps after warmup before decay starts (negative: 0)."),
            .bool("staircase", default: false, "Decay at discrete intervals."),
            ParameterSpec("end_value", .number, .none, "Lower bound when decay_rate < 1, upper bound otherwise; None: unbounded."),
        ],
        make: { p in
            let peakValue = try p.number("peak_value")
            let warmupSteps = try p.integer("warmup_steps")
            return try OptaxJoinedSchedule(
                schedules: [
                    OptaxPolynomialSchedule(initValue: try p.number("init_value"), endValue: peakValue, power: 1,
                                            transitionSteps: warmupSteps),
                    OptaxExponentialDecay(
                        initValue: peakValue, transitionSteps: try p.integer("transition_steps"),
                        decayRate: try p.number("decay_rate"), transitionBegin: try p.integer("transition_begin"),
                        staircase: try p.bool("staircase"), endValue: try p.optionalNumber("end_value")),
                ],
                boundaries: [Int128(warmupSteps)]
            ).checkedAtConstruction(p)
        })
}
