/// optax's `join_schedules`: runs `schedules[0]`, then from each boundary on the next schedule,
/// restarted at 0.
///
/// Mirrors `optax/schedules/_join.py` (0.2.8):
/// ```
/// output = schedules[0](t)
/// for boundary, schedule in zip(boundaries, schedules[1:]):
///     output = where(t < boundary, output, schedule(t - boundary))
/// ```
/// So the value comes from the *last* pair (in list order) whose boundary is ≤ t, whether or not
/// the boundaries are sorted; `zip` ignores extra boundaries or extra schedules, as in optax.
struct OptaxJoinedSchedule: ClosedFormSchedule {
    var schedules: [any ClosedFormSchedule]
    var boundaries: [Int]

    init(schedules: [any ClosedFormSchedule], boundaries: [Int]) {
        self.schedules = schedules
        self.boundaries = boundaries
    }

    /// The index of the schedule in effect at `step` and the boundary it is shifted by.
    func active(at step: Int) -> (index: Int, offset: Int) {
        var result = (index: 0, offset: 0)
        for i in 0..<min(boundaries.count, max(schedules.count - 1, 0)) where step >= boundaries[i] {
            result = (i + 1, boundaries[i])
        }
        return result
    }

    func value(at step: Int) -> Double {
        guard !schedules.isEmpty else { return .nan }
        let (index, offset) = active(at: step)
        return schedules[index].value(at: step - offset)
    }

    /// Each boundary where the schedule switches, and the inner schedules' own breakpoints
    /// (shifted) while they are in effect.
    func breakpoints(below steps: Int) -> [Int] {
        guard !schedules.isEmpty else { return [] }
        var result = Set<Int>()
        for i in 0..<min(boundaries.count, schedules.count - 1) {
            let b = boundaries[i]
            if b > 0, b < steps, active(at: b).index == i + 1, active(at: b - 1).index != i + 1 { result.insert(b) }
        }
        for (index, schedule) in schedules.enumerated() {
            guard index == 0 || index - 1 < boundaries.count else { continue }
            let offset = index == 0 ? 0 : boundaries[index - 1]
            let (limit, overflow) = steps.subtractingReportingOverflow(offset)
            guard !overflow, limit > 0 else { continue }
            for inner in schedule.breakpoints(below: limit) {
                let s = inner + offset
                if s > 0, s < steps, active(at: s).index == index { result.insert(s) }
            }
        }
        return result.sorted()
    }
}

extension ScheduleType {
    /// `optax.join_schedules` — see ``OptaxJoinedSchedule``.
    public static let optaxJoinSchedules = ScheduleType(
        name: "optax.join_schedules",
        summary: "optax: sequentially apply schedules, each restarted at its boundary.",
        formula: """
            output = schedules[0](t); for (b, s) in zip(boundaries, schedules[1:]): \
            output = s(t - b) if t ≥ b else output. A boundary b takes effect at t = b (the next schedule \
            starts at its own step 0); the last schedule runs forever. Extra boundaries or schedules are \
            ignored (zip), as in optax.
            """,
        parameters: [
            ParameterSpec("schedules", .scheduleList, .required, "Schedule objects (closed-form, e.g. optax.*) to join, in order."),
            ParameterSpec("boundaries", .integerList, .required, "Steps at which to switch to the next schedule."),
        ],
        make: { p in
            let nested = try p.scheduleList("schedules")
            try p.check(!nested.isEmpty, "schedules", "needs at least one schedule (optax indexes schedules[0])")
            var closed: [any ClosedFormSchedule] = []
            for (i, schedule) in nested.enumerated() {
                guard let c = schedule as? any ClosedFormSchedule else {
                    throw ScheduleError(path: "\(p.path(of: "schedules"))[\(i)]",
                                        "join_schedules needs schedules that are functions of the step (optax.*, keras.*); this one is stateful")
                }
                closed.append(c)
            }
            return OptaxJoinedSchedule(schedules: closed, boundaries: try p.integerList("boundaries"))
        })
}
