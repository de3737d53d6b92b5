extension ScheduleType {
    /// `optax.cosine_onecycle_schedule` — an ``OptaxPiecewiseInterpolateSchedule`` (cosine).
    public static let optaxCosineOnecycleSchedule = ScheduleType(
        name: "optax.cosine_onecycle_schedule",
        summary: "optax: one cycle, cosine up to peak_value then cosine down to the final value.",
        formula: """
            piecewise_interpolate_schedule('cosine', peak_value / div_factor, {int(pct_start * transition_steps): div_factor, \
            transition_steps: 1 / (div_factor * final_div_factor)}) — a Python dict, so when both keys are equal the \
            second scale wins. Rises from peak_value/div_factor to peak_value at int(pct_start·transition_steps), falls to \
            peak_value/(div_factor·final_div_factor) at transition_steps and stays there. transition_steps must be > 0 and \
            scales ≥ 0 (optax raises).
            """,
        parameters: [
            .integer("transition_steps", "Steps of the whole cycle (> 0)."),
            .number("peak_value", "Maximum value, reached at pct_start of the cycle."),
            .number("pct_start", default: 0.3, "Fraction of the cycle spent increasing."),
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
                (steps, try OptaxOnecycle.divide(1, div * finalDiv, p, div == 0 ? "div_factor" : "final_div_factor")),
            ]
            return try OptaxPiecewiseInterpolateSchedule.fromDict(
                .cosine, initValue: initValue, items, p, "div_factor", function: "piecewise_interpolate_schedule")
        })
}
