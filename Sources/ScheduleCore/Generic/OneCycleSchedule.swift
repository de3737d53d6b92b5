import Foundation

/// `one_cycle`: the 1cycle policy (Smith & Topin 2018): warm up to `max_lr`, then anneal far
/// below the starting rate.
///
/// `initial_lr = max_lr / div_factor`, `min_lr = initial_lr / final_div_factor`. Phases
/// (each anneals from its start value at its start step to its end value at its end step;
/// a phase starts where the previous one ended):
/// - two phases: `initial_lr → max_lr` ending at step `pct_start · total_steps − 1`, then
///   `max_lr → min_lr` ending at `total_steps − 1`;
/// - `three_phase`: `initial_lr → max_lr` ending at `pct_start · total_steps − 1`,
///   `max_lr → initial_lr` ending at `2 · pct_start · total_steps − 2`, then
///   `initial_lr → min_lr` ending at `total_steps − 1`.
///
/// With `pct = (t − phase start) / (phase end − phase start)`, `cos` annealing gives
/// `end + (start − end) · (1 + cos(π · pct)) / 2` and `linear` gives
/// `start + (end − start) · pct`. The values are those of `torch.optim.lr_scheduler.OneCycleLR`
/// (without momentum cycling) for `t ≤ total_steps − 1`; from `total_steps − 1` on, the rate
/// holds `min_lr` (torch raises instead).
struct OneCycleSchedule: ClosedFormSchedule {
    /// One annealing phase: ends at step `end` with value `endValue`.
    struct Phase: Sendable, Equatable {
        var end: Double
        var startValue: Double
        var endValue: Double
    }

    var phases: [Phase]
    var cosineAnnealing: Bool

    init(maxLearningRate: Double, totalSteps: Int, pctStart: Double, divFactor: Double,
                finalDivFactor: Double, cosineAnnealing: Bool, threePhase: Bool) {
        let initial = maxLearningRate / divFactor
        let minLR = initial / finalDivFactor
        let warmEnd = pctStart * Double(totalSteps) - 1
        if threePhase {
            phases = [
                Phase(end: warmEnd, startValue: initial, endValue: maxLearningRate),
                Phase(end: 2 * pctStart * Double(totalSteps) - 2, startValue: maxLearningRate, endValue: initial),
                Phase(end: Double(totalSteps) - 1, startValue: initial, endValue: minLR),
            ]
        } else {
            phases = [
                Phase(end: warmEnd, startValue: initial, endValue: maxLearningRate),
                Phase(end: Double(totalSteps) - 1, startValue: maxLearningRate, endValue: minLR),
            ]
        }
        self.cosineAnnealing = cosineAnnealing
    }

    func value(at step: Int) -> Double {
        let t = Double(step)
        var start = 0.0
        for (i, phase) in phases.enumerated() {
            if t <= phase.end || i == phases.count - 1 {
                let pct = min((t - start) / (phase.end - start), 1)
                if cosineAnnealing {
                    return phase.endValue + (phase.startValue - phase.endValue) / 2 * (cos(Double.pi * pct) + 1)
                }
                return (phase.endValue - phase.startValue) * pct + phase.startValue
            }
            start = phase.end
        }
        return phases.last?.endValue ?? 0
    }

    func breakpoints(below steps: Int) -> [Int] {
        // The first whole step of each later phase, and the end of the last one.
        var points = phases.dropLast().map { Int(saturating: $0.end.rounded(.down) + 1) }
        if let last = phases.last { points.append(Int(saturating: last.end)) }
        return GenericSupport.clean(points, below: steps)
    }
}

extension ScheduleType {
    /// `one_cycle` — see ``OneCycleSchedule``.
    public static let oneCycle = ScheduleType(
        name: "one_cycle",
        summary: "The 1cycle policy: warm up from max_lr/div_factor to max_lr, then anneal to max_lr/(div_factor·final_div_factor).",
        formula: "initial = max_lr/div_factor, min = initial/final_div_factor; phase 1: initial → max_lr over steps 0 … pct_start·total_steps − 1; phase 2: max_lr → min until total_steps − 1 (three_phase: max_lr → initial until 2·pct_start·total_steps − 2, then initial → min until total_steps − 1); pct = (t − phase start)/(phase end − phase start); cos: end + (start − end)(1 + cos(π·pct))/2, linear: start + (end − start)·pct; holds min from total_steps − 1 on",
        parameters: [
            .number("max_lr", "The peak learning rate."),
            .integer("total_steps", "Steps of the whole cycle (≥ 2)."),
            .number("pct_start", default: 0.3, "Fraction of total_steps spent warming up, in [0, 1]."),
            .number("div_factor", default: 25, "initial_lr = max_lr / div_factor (> 0)."),
            .number("final_div_factor", default: 1e4, "min_lr = initial_lr / final_div_factor (> 0)."),
            .choice("anneal", ["cos", "linear"], default: "cos", "Shape of each phase."),
            .bool("three_phase", default: false, "Come back down to initial_lr symmetrically before the final annihilation phase."),
        ],
        make: { p in
            let maxLR = try p.number("max_lr", atLeast: 0)
            let total = try p.integer("total_steps")
            let pct = try p.number("pct_start")
            let div = try p.number("div_factor")
            let finalDiv = try p.number("final_div_factor")
            let anneal = try p.string("anneal")
            let three = try p.bool("three_phase")
            try p.check(total >= 2, "total_steps", "must be ≥ 2, found \(total)")
            try p.check(pct >= 0 && pct <= 1, "pct_start", "must be in [0, 1], found \(pct)")
            try p.check(div > 0, "div_factor", "must be > 0, found \(div)")
            try p.check(finalDiv > 0, "final_div_factor", "must be > 0, found \(finalDiv)")
            let warm = pct * Double(total)
            try p.check(warm > 1, "pct_start",
                        "pct_start · total_steps must be > 1 so the warm-up phase lasts at least one step, found \(pct) · \(total) = \(warm)")
            if three {
                try p.check(2 * warm - 2 < Double(total) - 1, "pct_start",
                            "with three_phase, 2 · pct_start · total_steps − 2 must be < total_steps − 1 so the last phase lasts at least one step, found \(2 * warm - 2)")
            } else {
                try p.check(warm - 1 < Double(total) - 1, "pct_start",
                            "must be < 1 so the annealing phase lasts at least one step, found \(pct)")
            }
            return OneCycleSchedule(maxLearningRate: maxLR, totalSteps: total, pctStart: pct, divFactor: div,
                                    finalDivFactor: finalDiv, cosineAnnealing: anneal == "cos", threePhase: three)
        })
}
