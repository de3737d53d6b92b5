import Foundation

/// optax's `piecewise_interpolate_schedule`: linear or cosine interpolation between the
/// cumulative products of the scales, reached at their boundaries.
///
/// Mirrors `optax/schedules/_schedule.py` (0.2.8) in float64, entries sorted by boundary:
/// ```
/// bounds = [0] + boundaries;  values = cumprod([init_value] + scales)
/// interval_sizes = max(bounds[1:] - bounds[:-1], 1)
/// indicator[i] = bounds[i] <= t < bounds[i+1];  pct[i] = (t - bounds[i]) / interval_sizes[i]
/// linear:  interp[i] = (values[i+1] - values[i]) * pct[i] + values[i]
/// cosine:  interp[i] = values[i+1] + (values[i] - values[i+1]) / 2 * (cos(pi * pct[i]) + 1)
/// schedule(t) = indicator · interp + (bounds[-1] <= t) * values[-1]
/// ```
/// Past the last boundary the value is the product of all scales times `init_value`.
/// Boundaries ≤ 0 take effect from step 0. optax raises for negative scales. `bounds` is an
/// `int64` array: the differences wrap around past `int64` as JAX computes them (a count
/// given to it must fit, or JAX raises `OverflowError`).
struct OptaxPiecewiseInterpolateSchedule: OptaxCountSchedule {
    /// How to move between two consecutive values.
    enum Interpolation: String, Sendable {
        case linear, cosine
    }

    var interpolation: Interpolation
    /// `[0] + sorted boundaries`.
    let bounds: [Int]
    /// `cumprod([init_value] + scales)`.
    let values: [Double]

    init(interpolation: Interpolation, initValue: Double, boundariesAndScales: [(boundary: Int, scale: Double)]) {
        self.interpolation = interpolation
        let sorted = boundariesAndScales.sorted { $0.boundary < $1.boundary }
        self.bounds = [0] + sorted.map(\.boundary)
        var values = [initValue]
        for entry in sorted { values.append(values[values.count - 1] * entry.scale) }
        self.values = values
    }

    func value(at step: Int) -> Double {
        var dot = 0.0
        for i in 0..<(bounds.count - 1) {
            let indicator: Double = bounds[i] <= step && step < bounds[i + 1] ? 1 : 0
            // int64 arithmetic, wrapping as in JAX.
            let size = max(bounds[i + 1] &- bounds[i], 1)
            let pct = Double(step &- bounds[i]) / Double(size)
            let start = values[i], end = values[i + 1]
            let interpolated: Double
            switch interpolation {
            case .linear: interpolated = (end - start) * pct + start
            case .cosine: interpolated = end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1)
            }
            dot += indicator * interpolated
        }
        let last: Double = bounds[bounds.count - 1] <= step ? 1 : 0
        return dot + last * values[values.count - 1]
    }

    /// The count meets the `int64` array `bounds`: JAX converts it.
    func value(atCount c: Int128) throws(PythonRaise) -> Double {
        value(at: try OptaxCount.int64(c))
    }

    func mayRaise(in counts: ClosedRange<Int128>) -> Bool { OptaxCount.leavesInt64(counts) }

    /// Every boundary.
    func breakpoints(below steps: Int) -> [Int] {
        Array(Set(bounds.dropFirst().filter { $0 > 0 && $0 < steps })).sorted()
    }

    /// Builds the schedule from a Python-style dict (later duplicates overwrite earlier keys,
    /// as in `{a: x, a: y}`), with optax's check of the scales.
    static func fromDict(
        _ interpolation: Interpolation, initValue: Double, _ items: [(boundary: Int, scale: Double)],
        _ p: Parameters, _ name: String, function: String
    ) throws -> OptaxPiecewiseInterpolateSchedule {
        var dict: [(boundary: Int, scale: Double)] = []
        for item in items {
            if let i = dict.firstIndex(where: { $0.boundary == item.boundary }) { dict[i].scale = item.scale } else { dict.append(item) }
        }
        let negative = dict.filter { !($0.scale >= 0) }
        try p.check(negative.isEmpty, name,
                    "`\(function)` expects non-negative scale factors, found " + negative.map { "\($0.scale) at step \($0.boundary)" }.joined(separator: ", "))
        return OptaxPiecewiseInterpolateSchedule(interpolation: interpolation, initValue: initValue, boundariesAndScales: dict)
    }
}

extension ScheduleType {
    /// `optax.piecewise_interpolate_schedule` — see ``OptaxPiecewiseInterpolateSchedule``.
    public static let optaxPiecewiseInterpolateSchedule = ScheduleType(
        name: "optax.piecewise_interpolate_schedule",
        summary: "optax: linear or cosine interpolation between accumulated scales at boundaries.",
        formula: """
            values = cumprod([init_value] + scales sorted by boundary), reached at steps [0] + boundaries; \
            between consecutive boundaries b_i ≤ t < b_{i+1}, pct = (t - b_i) / max(b_{i+1} - b_i, 1) and \
            linear: v_i + (v_{i+1} - v_i) * pct, cosine: v_{i+1} + (v_i - v_{i+1}) / 2 * (cos(pi * pct) + 1). \
            From the last boundary on: the last value. Scales must be ≥ 0 (optax raises).
            """,
        parameters: [
            .choice("interpolate_type", ["linear", "cosine"], "Interpolation between boundaries."),
            .number("init_value", "Value at step 0."),
            ParameterSpec("boundaries_and_scales", .json, .none,
                          "Object {\"step\": scale}: the running value is multiplied by scale, reached at that step (keys are integers written as strings)."),
        ],
        make: { p in
            let kind = try p.string("interpolate_type") { _ in "`interpolate_type` must be either 'cosine' or 'linear'" }
            guard let interpolation = OptaxPiecewiseInterpolateSchedule.Interpolation(rawValue: kind) else {
                throw p.error("interpolate_type", "`interpolate_type` must be either 'cosine' or 'linear'")
            }
            let entries = try OptaxBoundariesAndScales.read(p, "boundaries_and_scales") ?? []
            return try OptaxPiecewiseInterpolateSchedule.fromDict(
                interpolation, initValue: try p.number("init_value"), entries, p, "boundaries_and_scales",
                function: "piecewise_interpolate_schedule")
        })
}
