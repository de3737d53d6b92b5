extension ScheduleType {
    /// `optax.linear_onecycle_schedule` — an ``OptaxPiecewiseInterpolateSchedule`` (linear).
    public static let optaxLinearOnecycleSchedule = ScheduleType(
        name: "optax.linear_onecycle_schedule",
        summary: "optax: one cycle of three linear phases (up to peak_value, back down, then to the final value).",
        formula: """
            piecewise_interpolate_schedule('linear', peak_value / div_factor, {int(pct_start * transition_steps): div_factor, \
            int(pct_final * transition_steps): 1 / div_factor, transition_steps: 1 / final_div_factor}) — a Python dict, so a \
            repeated key keeps the later scale. Rises linearly from peak_value/div_factor to peak_value, falls back to \
            peak_value/div_factor, then to peak_value/(div_factor·final_div_factor), held from t = transition_steps on. \
            transition_steps must be > 0 and scales ≥ 0 (optax raises).
            """,
        parameters: [
            .integer("transition_steps", "Steps of the whole cycle (> 0)."),
            .number("peak_value", "Maximum value, reached at pct_start of the cycle."),
            .number("pct_start", default: 0.3, "Fraction of the cycle spent increasing."),
            .number("pct_final", default: 0.85, "Fraction of the cycle at which the value is back to the initial one."),
            .number("div_factor", default: 25.0, "init_value = peak_value / div_factor."),
            .number("final_div_factor", default: 1e4, "final value = init_value / final_div_factor."),
        ],
        make: { p in
            let steps = try p.integer("transition_steps")
            try p.check(steps > 0, "transition_steps", "must be positive, found \(steps) (optax raises: A linear onecycle schedule was set with a non-positive `transition_steps`)")
            let peak = try p.number("peak_value")
            let div = try p.number("div_factor")
            let finalDiv = try p.number("final_div_factor")
            let initValue = try OptaxOnecycle.divide(peak, div, p, "div_factor")
            let items: [(boundary: Int, scale: Double)] = [
                (try OptaxOnecycle.boundary(try p.number("pct_start"), steps, p, "pct_start"), div),
                (try OptaxOnecycle.boundary(try p.number("pct_final"), steps, p, "pct_final"), try OptaxOnecycle.divide(1, div, p, "div_factor")),
                (steps, try OptaxOnecycle.divide(1, finalDiv, p, "final_div_factor")),
            ]
            return try OptaxPiecewiseInterpolateSchedule.fromDict(
                .linear, initValue: initValue, items, p, "div_factor", function: "piecewise_interpolate_schedule")
        })
}
