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
///
/// `t - boundary` is a Python int, and every `schedule(t - boundary)` is computed (it is an
/// argument of `where`), selected or not: a child that converts a count past `int64` (a
/// negative boundary lets `t - boundary` pass `Int.max`) makes JAX raise `OverflowError`,
/// and the series stops there (see ``OptaxCountSchedule``). A child that raises at its own
/// step stops it too. `sgdr_schedule`'s boundaries are sums of `decay_steps`, Python ints
/// that need not fit in 64 bits.
struct OptaxJoinedSchedule: RaisingClosedFormSchedule, OptaxCountSchedule {
    var schedules: [any ClosedFormSchedule]
    var boundaries: [Int128]

    init(schedules: [any ClosedFormSchedule], boundaries: [Int128]) {
        self.schedules = schedules
        self.boundaries = boundaries
    }

    /// The boundaries `zip` pairs with a schedule.
    var used: ArraySlice<Int128> { boundaries.prefix(max(schedules.count - 1, 0)) }

    /// The index of the schedule in effect at `step` and the boundary it is shifted by.
    func active(at step: Int) -> (index: Int, offset: Int128) {
        var result = (index: 0, offset: Int128(0))
        for (i, b) in used.enumerated() where Int128(step) >= b {
            result = (i + 1, b)
        }
        return result
    }

    func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        try value(atCount: Int128(step))
    }

    func value(atCount c: Int128) throws(PythonRaise) -> Double {
        guard !schedules.isEmpty else { return .nan }
        var output = try Self.evaluate(schedules[0], c)
        for (i, b) in used.enumerated() {
            let v = try Self.evaluate(schedules[i + 1], c - b)
            if !(c < b) { output = v }
        }
        return output
    }

    /// A child at a count: as optax computes it, and a child that raises at its own step
    /// raises here.
    private static func evaluate(_ child: any ClosedFormSchedule, _ count: Int128) throws(PythonRaise) -> Double {
        if !(child is any OptaxCountSchedule), count >= 0, let raising = child as? any RaisingClosedFormSchedule {
            return try raising.checkedValue(at: try OptaxCount.int64(count))
        }
        return try OptaxCount.value(of: child, atCount: count)
    }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool {
        guard let first = schedules.first else { return false }
        if OptaxCount.mayRaise(first, in: counts) { return true }
        return used.enumerated().contains { i, b in
            OptaxCount.mayRaise(schedules[i + 1], in: (counts.lowerBound - b)...(counts.upperBound - b))
        }
    }

    /// Each boundary where the schedule switches, and the inner schedules' own breakpoints
    /// (shifted) while they are in effect.
    func breakpoints(below steps: Int) -> [Int] {
        guard !schedules.isEmpty else { return [] }
        var result = Set<Int>()
        for (i, b) in used.enumerated() where b > 0 && b < Int128(steps) {
            let step = Int(b)
            if active(at: step).index == i + 1, active(at: step - 1).index != i + 1 { result.insert(step) }
        }
        for (index, schedule) in schedules.enumerated() {
            guard index == 0 || index - 1 < boundaries.count else { continue }
            let offset = index == 0 ? 0 : boundaries[index - 1]
            // The child's own steps below `steps - offset` (all of Int's when that passes Int.max).
            let limit = (Int128(steps) - offset).clampedToInt
            guard limit > 0 else { continue }
            for inner in schedule.breakpoints(below: limit) {
                let s = Int128(inner) + offset
                if s > 0, s < Int128(steps), active(at: Int(s)).index == index { result.insert(Int(s)) }
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
            try p.check(!nested.isEmpty, "schedules", "needs at least one schedule (optax indexes schedules[0] and raises IndexError: list index out of range)")
            var closed: [any ClosedFormSchedule] = []
            for (i, schedule) in nested.enumerated() {
                guard let c = schedule as? any ClosedFormSchedule else {
                    throw ScheduleError(path: "\(p.path(of: "schedules"))[\(i)]",
                                        "join_schedules needs schedules that are functions of the step (optax.*, keras.*); this one is stateful")
                }
                closed.append(c)
            }
            return try OptaxJoinedSchedule(schedules: closed, boundaries: try p.integerList("boundaries").map { Int128($0) })
                .checkedAtConstruction(p)
        })
}
