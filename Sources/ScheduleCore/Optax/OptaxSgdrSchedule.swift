extension ScheduleType {
    /// `optax.sgdr_schedule` — an ``OptaxJoinedSchedule`` of `warmup_cosine_decay_schedule`s.
    public static let optaxSgdrSchedule = ScheduleType(
        name: "optax.sgdr_schedule",
        summary: "optax: SGD with warm restarts — joined warmup-cosine cycles.",
        formula: """
            Cycle k is warmup_cosine_decay_schedule(**cosine_kwargs[k]); it starts (at its own step 0) at \
            t = decay_steps[0] + … + decay_steps[k-1]. The last cycle runs forever (its end_value \
            past its decay_steps). Each cycle's decay_steps must exceed its warmup_steps.
            """,
        parameters: [
            ParameterSpec("cosine_kwargs", .json, .required,
                          "List of warmup_cosine_decay_schedule arguments, one object per cycle (init_value, peak_value, warmup_steps, decay_steps, end_value, exponent)."),
        ],
        make: { p in
            let cycles = try p.objectList("cosine_kwargs")
            try p.check(!cycles.isEmpty, "cosine_kwargs", "needs at least one cycle (optax's join of no schedules raises IndexError: list index out of range)")
            var schedules: [any ClosedFormSchedule] = []
            // Python ints: sums of decay_steps.
            var boundaries: [Int128] = []
            var step: Int128 = 0
            for cycle in cycles {
                let schedule = try p.schedule(ofType: ScheduleType.optaxWarmupCosineDecaySchedule.name,
                                              members: cycle.members, path: cycle.path)
                guard let joined = schedule as? OptaxJoinedSchedule, let decaySteps = joined.totalSteps else {
                    throw ScheduleError(path: cycle.path, "internal error: not a warmup_cosine_decay_schedule")
                }
                schedules.append(joined)
                step += decaySteps
                boundaries.append(step)
            }
            return try OptaxJoinedSchedule(schedules: schedules, boundaries: Array(boundaries.dropLast()))
                .checkedAtConstruction(p)
        })
}

extension OptaxJoinedSchedule {
    /// For a warmup + cosine join, `decay_steps` (warmup included): the boundary plus the
    /// cosine's own length.
    var totalSteps: Int128? {
        guard schedules.count == 2, boundaries.count == 1,
              let cosine = schedules[1] as? OptaxCosineDecaySchedule, let length = cosine.exactDecaySteps else { return nil }
        return boundaries[0] + length
    }
}
