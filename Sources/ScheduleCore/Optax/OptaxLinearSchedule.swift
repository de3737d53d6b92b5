extension ScheduleType {
    /// `optax.linear_schedule` — an ``OptaxPolynomialSchedule`` with `power = 1`.
    public static let optaxLinearSchedule = ScheduleType(
        name: "optax.linear_schedule",
        summary: "optax: linear transition from init_value to end_value.",
        formula: """
            count = clip(t - transition_begin, 0, transition_steps) (integers); \
            schedule(t) = (init_value - end_value) * (1 - count / transition_steps) + end_value \
            (optax's polynomial_schedule with power = 1). Holds init_value up to transition_begin and \
            end_value from transition_begin + transition_steps on. transition_steps ≤ 0: constant \
            init_value (optax only logs); transition_begin < 0 falls back to 0.
            """,
        parameters: [
            .number("init_value", "Initial value."),
            .number("end_value", "End value."),
            .integer("transition_steps", "Steps over which the value anneals (≤ 0: constant init_value)."),
            .integer("transition_begin", default: 0, "Steps before annealing starts (negative: 0)."),
        ],
        make: { p in
            OptaxPolynomialSchedule(
                initValue: try p.number("init_value"), endValue: try p.number("end_value"), power: 1,
                transitionSteps: try p.integer("transition_steps"), transitionBegin: try p.integer("transition_begin"))
        })
}
