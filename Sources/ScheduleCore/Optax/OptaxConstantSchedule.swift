extension ScheduleType {
    /// `optax.constant_schedule` — `schedule(count) = value` (a ``ConstantSchedule``).
    public static let optaxConstantSchedule = ScheduleType(
        name: "optax.constant_schedule",
        summary: "optax: the same value at every step.",
        formula: "schedule(t) = value for every t ≥ 0 (optax does not validate value).",
        parameters: [
            .number("value", "Value held constant throughout."),
        ],
        make: { p in
            ConstantSchedule(learningRate: try p.number("value"))
        })
}
