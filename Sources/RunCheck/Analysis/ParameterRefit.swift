import Foundation
import RunLogs
import ScheduleCore

/// Finds the value of one plan parameter that would explain a log: a different total
/// (`num_training_steps`, `T_max`, `decay_steps`, …), warm-up, peak or floor learning rate.
///
/// Works on a sample of the log (kept during the comparison pass, so memory stays bounded).
/// For each parameter the plan's type declares, at a few points where the log differs
/// (the first, the one with the largest error, the last), it scans the parameter over a grid
/// (every whole number to 64 and a geometric grid above for step counts; a geometric grid
/// around the planned value for rates) for values where the planned value at that step
/// crosses the logged one, bisects each crossing, and keeps the values whose plan agrees with
/// every sampled point. A rate is then given the fewest significant digits that still agree.
/// ``RunChecker`` verifies the survivors on every point.
enum ParameterRefit {
    /// Parameter names by role, as the frameworks spell them.
    static let roles: [(ParameterFit.Role, [String])] = [
        (.total, ["num_training_steps", "T_max", "decay_steps", "total_steps", "t_initial", "total_iters",
                  "transition_steps", "total_num_steps", "num_steps"]),
        (.warmup, ["num_warmup_steps", "warmup_steps", "warmup_t", "warmup_iters", "warmup_num_steps", "pct_start"]),
        (.peak, ["lr", "max_lr", "initial_learning_rate", "init_value", "peak_value", "learning_rate", "base_lr", "warmup_max_lr"]),
        (.floor, ["eta_min", "lr_min", "min_lr", "end_value", "alpha", "min_lr_rate", "final_div_factor", "warmup_min_lr"]),
    ]

    /// Candidate fits that agree with every sampled point, with their plans.
    static func candidates(plan: CheckPlan, sample: [CheckPoint], convention: StepConvention, stepsPerEpoch: Int?,
                           planRelative: Double) -> [(ParameterFit, CheckPlan)] {
        let placed: [(planStep: Int, point: CheckPoint)] = sample.compactMap { p in
            convention.planStep(forLogged: p.step, stepsPerEpoch: stepsPerEpoch).flatMap { $0 >= 0 ? ($0, p) : nil }
        }
        guard !placed.isEmpty else { return [] }
        let units = convention.arithmeticUnits
        var probe = PlanProbe(plan.schedule)
        var differing: [(planStep: Int, point: CheckPoint, error: Double)] = []
        for (t, p) in placed {
            guard let v = probe.value(at: t) else { continue }
            let tol = tolerance(logged: p.value, planned: v, precision: p.precision, planRelative: planRelative, arithmeticUnits: units)
            if abs(p.value - v) > tol { differing.append((t, p, abs(p.value - v) / max(abs(v), abs(p.value)))) }
        }
        guard let first = differing.first, let last = differing.last,
              let worst = differing.max(by: { $0.error < $1.error }) else { return [] }
        var anchors = [(first.planStep, first.point)]
        if worst.planStep != first.planStep { anchors.append((worst.planStep, worst.point)) }
        if last.planStep != first.planStep && last.planStep != worst.planStep { anchors.append((last.planStep, last.point)) }
        let maxPlanStep = placed.map(\.planStep).max() ?? 0

        var results: [(ParameterFit, CheckPlan)] = []
        let declared = plan.declaredParameters
        for (role, names) in roles {
            for name in names {
                guard let spec = declared.first(where: { $0.name == name }) else { continue }
                let planned = plan.value(of: name)?.doubleValue
                var values: [Double] = []
                for (t, p) in anchors {
                    values += crossings(plan: plan, name: name, integer: spec.kind == .integer, planned: planned,
                                        maxPlanStep: maxPlanStep, step: t, point: p, planRelative: planRelative, units: units)
                }
                var seen = Set<Double>()
                var fits: [(ParameterFit, CheckPlan)] = []
                for value in values where seen.insert(value).inserted && value != planned {
                    guard let (fitted, candidate) = agreeing(plan: plan, name: name, value: value, integer: spec.kind == .integer,
                                                             placed: placed, planRelative: planRelative, units: units) else { continue }
                    if fitted == planned { continue }
                    fits.append((ParameterFit(role: role, name: name, planned: planned, fitted: fitted), candidate))
                }
                // The fit closest to the planned value.
                if let best = fits.min(by: { distance($0.0.fitted, planned) < distance($1.0.fitted, planned) }) {
                    results.append(best)
                }
            }
        }
        return results
    }

    private static func distance(_ a: Double, _ b: Double?) -> Double {
        guard let b else { return abs(a) }
        return b != 0 && a > 0 && b > 0 ? abs(log(a / b)) : abs(a - b)
    }

    private static func plan(_ plan: CheckPlan, _ name: String, _ value: Double, integer: Bool) -> CheckPlan? {
        if integer {
            guard value >= 0, value < 1e12 else { return nil }
            return plan.with(name, .integer(Int(value)))
        }
        return plan.with(name, .number(value))
    }

    /// The planned value at `step` with `name` = `value`.
    private static func plannedValue(_ base: CheckPlan, _ name: String, _ value: Double, integer: Bool, at step: Int) -> Double? {
        guard let p = plan(base, name, value, integer: integer) else { return nil }
        var probe = PlanProbe(p.schedule)
        return probe.value(at: step)
    }

    /// Values of `name` where the planned value at `step` meets the logged one.
    static func crossings(plan base: CheckPlan, name: String, integer: Bool, planned: Double?, maxPlanStep: Int,
                          step: Int, point: CheckPoint, planRelative: Double, units: Int) -> [Double] {
        var grid: [Double] = []
        if integer {
            grid = (0...64).map(Double.init)
            let top = max(4 * (planned ?? 0), 4 * Double(maxPlanStep), 128)
            var g = 64.0
            while g < top { g = (g * 1.08).rounded(.up); grid.append(g) }
        } else {
            let center = (planned ?? 0) > 0 ? planned! : 1e-3
            var e = -3.0
            while e <= 3.0001 { grid.append(center * pow(10, e)); e += 0.05 }
            if ["pct_start", "alpha", "min_lr_rate", "end_factor"].contains(name) {
                grid += stride(from: 0.0, through: 1.0, by: 0.02)
            }
            if ["eta_min", "lr_min", "min_lr", "end_value", "warmup_min_lr", "alpha", "min_lr_rate"].contains(name) { grid.append(0) }
            grid.sort()
        }
        func f(_ x: Double) -> Double? {
            plannedValue(base, name, x, integer: integer, at: step).map { $0 - point.value }
        }
        func agrees(_ x: Double) -> Bool {
            guard let v = plannedValue(base, name, x, integer: integer, at: step) else { return false }
            return abs(v - point.value) <= tolerance(logged: point.value, planned: v, precision: point.precision, planRelative: planRelative, arithmeticUnits: units)
        }
        var found: [Double] = []
        var previous: (x: Double, f: Double)?
        for x in grid {
            guard let fx = f(x) else { previous = nil; continue }
            if agrees(x) { found.append(x) }
            if let p = previous, (p.f < 0) != (fx < 0), p.f != 0, fx != 0 {
                // Bisect the crossing.
                var lo = p.x, hi = x, flo = p.f
                for _ in 0..<80 {
                    if integer && hi - lo <= 1 { break }
                    let mid = integer ? ((lo + hi) / 2).rounded(.down) : (lo + hi) / 2
                    if mid == lo || mid == hi { break }
                    guard let fm = f(mid) else { break }
                    if (fm < 0) == (flo < 0) { lo = mid; flo = fm } else { hi = mid }
                }
                found += integer ? [lo, hi] : [lo, hi, (lo + hi) / 2]
            }
            previous = (x, fx)
            if found.count > 24 { break }
        }
        return found
    }

    /// The value (rounded to the fewest significant digits that still agree, for rates) and
    /// its plan, when the plan with `name` = `value` agrees with every placed sample point.
    static func agreeing(plan base: CheckPlan, name: String, value: Double, integer: Bool,
                         placed: [(planStep: Int, point: CheckPoint)], planRelative: Double, units: Int) -> (Double, CheckPlan)? {
        func check(_ v: Double) -> CheckPlan? {
            guard let candidate = plan(base, name, v, integer: integer) else { return nil }
            var probe = PlanProbe(candidate.schedule)
            var compared = 0
            for (t, p) in placed {
                guard let planned = probe.value(at: t) else { continue }
                compared += 1
                if abs(p.value - planned) > tolerance(logged: p.value, planned: planned, precision: p.precision, planRelative: planRelative, arithmeticUnits: units) {
                    return nil
                }
            }
            return compared >= max(2, placed.count / 2) ? candidate : nil
        }
        guard let exact = check(value) else { return nil }
        guard !integer, value != 0 else { return (value, exact) }
        for digits in 1...16 {
            let rounded = Double(String(format: "%.\(digits - 1)e", value)) ?? value
            if let p = check(rounded) { return (rounded, p) }
        }
        return (value, exact)
    }
}
