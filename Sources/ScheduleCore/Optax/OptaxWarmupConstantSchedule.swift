extension ScheduleType {
    /// `optax.warmup_constant_schedule` — `linear_schedule(init_value, peak_value, warmup_steps)`,
    /// an ``OptaxPolynomialSchedule`` with `power = 1`.
    public static let optaxWarmupConstantSchedule = ScheduleType(
        name: "optax.warmup_constant_schedule",
        summary: "optax: linear warmup from init_value to peak_value, then constant.",
        formula: """
            schedule(t) = init_value + (peak_value - init_value) * min(t, warmup_steps) / warmup_steps, \
            computed as linear_schedule does: (init_value - peak_value) * (1 - min(t, warmup_steps) / warmup_steps) + peak_value. \
            peak_value from t = warmup_steps on; warmup_steps ≤ 0: constant init_value (as optax).
            """,
        parameters: [
            .number("init_value", "Value at step 0."),
            .number("peak_value", "Value reached at the end of warmup and held after."),
            .integer("warmup_steps", "Length of the linear warmup."),
        ],
        make: { p in
            OptaxPolynomialSchedule(
                initValue: try p.number("init_value"), endValue: try p.number("peak_value"), power: 1,
                transitionSteps: try p.integer("warmup_steps"))
        })
}
