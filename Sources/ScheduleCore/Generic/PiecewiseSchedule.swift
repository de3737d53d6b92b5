import Foundation

/// `piecewise`: a curve through knots `[step, value]`, interpolated between them.
///
/// With knots `(s₀, v₀), (s₁, v₁), …` (steps strictly increasing, `s₀ ≥ 0`):
/// - `t ≤ s₀`: `v₀` (the schedule starts at the first knot's value);
/// - `sᵢ ≤ t < sᵢ₊₁`: `step`: `vᵢ`; `linear`: `vᵢ + (vᵢ₊₁ − vᵢ) · p`; `cosine`:
///   `vᵢ + (vᵢ₊₁ − vᵢ) · (1 − cos(π·p)) / 2`, where `p = (t − sᵢ) / (sᵢ₊₁ − sᵢ)`;
/// - `t ≥ last step`: the last value.
///
/// So with `step`, a knot's value takes effect at the knot's step.
struct PiecewiseSchedule: ClosedFormSchedule {
    enum Interpolation: String, Sendable { case step, linear, cosine }

    var steps: [Int]
    var values: [Double]
    var interpolation: Interpolation

    init(steps: [Int], values: [Double], interpolation: Interpolation) {
        self.steps = steps
        self.values = values
        self.interpolation = interpolation
    }

    func value(at step: Int) -> Double {
        guard let first = steps.first, let v0 = values.first, let last = values.last else { return 0 }
        if step <= first { return v0 }
        // i: the last knot with steps[i] ≤ step.
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid] <= step { lo = mid + 1 } else { hi = mid }
        }
        let i = lo - 1
        if i >= steps.count - 1 { return last }
        let a = values[i], b = values[i + 1]
        let p = Double(step - steps[i]) / Double(steps[i + 1] - steps[i])
        switch interpolation {
        case .step: return a
        case .linear: return a + (b - a) * p
        case .cosine: return a + (b - a) * (1 - cos(Double.pi * p)) / 2
        }
    }

    func breakpoints(below steps: Int) -> [Int] {
        GenericSupport.clean(self.steps, below: steps)
    }
}

extension ScheduleType {
    /// `piecewise` — see ``PiecewiseSchedule``.
    public static let piecewise = ScheduleType(
        name: "piecewise",
        summary: "A curve through [step, value] knots, interpolated by step, linear or cosine.",
        formula: "t ≤ s₀: v₀; sᵢ ≤ t < sᵢ₊₁: p = (t − sᵢ)/(sᵢ₊₁ − sᵢ), step: vᵢ, linear: vᵢ + (vᵢ₊₁ − vᵢ)·p, cosine: vᵢ + (vᵢ₊₁ − vᵢ)·(1 − cos πp)/2; t ≥ last knot: last value",
        parameters: [
            ParameterSpec("knots", .json, .required, "List of [step, value] pairs, steps strictly increasing from ≥ 0, e.g. [[0, 0.1], [100, 0.01]]."),
            .choice("interpolation", ["step", "linear", "cosine"], default: "linear", "How to go from one knot to the next."),
        ],
        make: { p in
            guard let raw = try p.raw("knots"), case .array(let items) = raw else {
                throw p.error("knots", "expected a list of [step, value] pairs")
            }
            try p.check(!items.isEmpty, "knots", "needs at least one [step, value] pair")
            var steps: [Int] = []
            var values: [Double] = []
            for (i, item) in items.enumerated() {
                let path = "\(p.path(of: "knots"))[\(i)]"
                guard case .array(let pair) = item, pair.count == 2 else {
                    throw ScheduleError(path: path, "expected a [step, value] pair, found \(item.kindDescription)")
                }
                let s = try Parameters.integer(pair[0], at: "\(path)[0]")
                let v = try Parameters.number(pair[1], at: "\(path)[1]")
                guard s >= 0 else { throw ScheduleError(path: "\(path)[0]", "step must be ≥ 0, found \(s)") }
                guard v >= 0 else { throw ScheduleError(path: "\(path)[1]", "value must be ≥ 0, found \(v)") }
                if let previous = steps.last, s <= previous {
                    throw ScheduleError(path: "\(path)[0]", "knot steps must be strictly increasing, found \(previous) then \(s)")
                }
                steps.append(s)
                values.append(v)
            }
            let interpolation = PiecewiseSchedule.Interpolation(rawValue: try p.string("interpolation")) ?? .linear
            return PiecewiseSchedule(steps: steps, values: values, interpolation: interpolation)
        })
}
