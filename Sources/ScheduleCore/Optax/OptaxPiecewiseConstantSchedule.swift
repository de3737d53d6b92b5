/// optax's `piecewise_constant_schedule`: `init_value` multiplied by the scale of every boundary
/// already reached.
///
/// Mirrors `optax/schedules/_schedule.py` (0.2.8) in float64, entries sorted by boundary:
/// ```
/// v = init_value
/// for threshold, scale in sorted(boundaries_and_scales.items()):
///     indicator = max(0.0, sign(threshold - t))      # 1 before the boundary, 0 from it on
///     v = v * indicator + (1 - indicator) * scale * v
/// ```
/// A boundary `b` takes effect at `t = b`. optax raises for negative scales. `threshold - t`
/// is a Python int that `jnp.sign` converts to `int64`: past it (a boundary near `Int.min`)
/// JAX raises `OverflowError` and the series stops there.
struct OptaxPiecewiseConstantSchedule: RaisingClosedFormSchedule, OptaxCountSchedule {
    var initValue: Double
    /// Sorted by boundary.
    var entries: [(boundary: Int, scale: Double)]

    init(initValue: Double, boundariesAndScales: [(boundary: Int, scale: Double)]) {
        self.initValue = initValue
        self.entries = boundariesAndScales.sorted { $0.boundary < $1.boundary }
    }

    func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        try value(atCount: Int128(step))
    }

    func value(atCount c: Int128) throws(PythonRaise) -> Double {
        var v = initValue
        for (threshold, scale) in entries {
            let difference = try OptaxCount.int64(Int128(threshold) - c)
            let indicator: Double = difference > 0 ? 1 : 0
            v = v * indicator + (1 - indicator) * scale * v
        }
        return v
    }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool {
        entries.contains { e in
            OptaxCount.leavesInt64((Int128(e.boundary) - counts.upperBound)...(Int128(e.boundary) - counts.lowerBound))
        }
    }

    /// Every boundary.
    func breakpoints(below steps: Int) -> [Int] {
        Array(Set(entries.map(\.boundary).filter { $0 > 0 && $0 < steps })).sorted()
    }
}

extension ScheduleType {
    /// `optax.piecewise_constant_schedule` — see ``OptaxPiecewiseConstantSchedule``.
    public static let optaxPiecewiseConstantSchedule = ScheduleType(
        name: "optax.piecewise_constant_schedule",
        summary: "optax: init_value scaled at each boundary by its factor.",
        formula: """
            schedule(t) = init_value * product of scale for every boundary ≤ t (keys sorted as integers; \
            a boundary b takes effect at t = b). Constant after the last boundary. Scales must be ≥ 0 (optax raises); \
            None or {} gives the constant init_value.
            """,
        parameters: [
            .number("init_value", "Initial value."),
            ParameterSpec("boundaries_and_scales", .json, .none,
                          "Object {\"step\": scale}: the value is multiplied by scale from that step on (keys are integers written as strings)."),
        ],
        make: { p in
            let entries = try OptaxBoundariesAndScales.read(p, "boundaries_and_scales") ?? []
            try p.check(entries.allSatisfy { $0.scale >= 0 }, "boundaries_and_scales",
                        "`piecewise_constant_schedule` expects non-negative scale factors, found \(entries.map(\.scale).filter { !($0 >= 0) })")
            return try OptaxPiecewiseConstantSchedule(initValue: try p.number("init_value"), boundariesAndScales: entries)
                .checkedAtConstruction(p)
        })
}
