import Foundation

/// `rex`: the REX profile (Chen, Wolfe & Kyrillidis, "REX: Revisiting Budgeted Training with
/// an Improved Schedule", MLSys 2022), from `lr` to `min_lr` over `total_steps`.
///
/// With `p = min(t, total_steps) / total_steps`:
/// `lr(t) = min_lr + (lr − min_lr) · (1 − p) / (1 − p / 2)`
/// (the paper's `(1 − p) / (½ + ½ · (1 − p))`). It stays higher than linear decay for most of
/// the run and falls steeply at the end; reaches `min_lr` at `t = total_steps` and holds it.
struct RexSchedule: ClosedFormSchedule {
    var learningRate: Double
    var minLearningRate: Double
    var totalSteps: Int

    init(learningRate: Double, minLearningRate: Double, totalSteps: Int) {
        self.learningRate = learningRate
        self.minLearningRate = minLearningRate
        self.totalSteps = totalSteps
    }

    func value(at step: Int) -> Double {
        if step >= totalSteps { return minLearningRate }
        let p = Double(step) / Double(totalSteps)
        return minLearningRate + (learningRate - minLearningRate) * ((1 - p) / (1 - p / 2))
    }

    func breakpoints(below steps: Int) -> [Int] {
        totalSteps < steps ? [totalSteps] : []
    }
}

extension ScheduleType {
    /// `rex` — see ``RexSchedule``.
    public static let rex = ScheduleType(
        name: "rex",
        summary: "REX decay (Chen et al. 2022): stays high, then falls steeply to min_lr at total_steps.",
        formula: "p = t / total_steps; lr(t) = min_lr + (lr − min_lr) · (1 − p) / (1 − p/2) for t < total_steps; min_lr for t ≥ total_steps",
        parameters: [
            .number("lr", "The learning rate at step 0 (the peak)."),
            .number("min_lr", default: 0, "The learning rate at total_steps and after (≥ 0)."),
            .integer("total_steps", "Steps of decay (≥ 1)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let minLR = try p.number("min_lr", atLeast: 0)
            let total = try p.integer("total_steps", atLeast: 1)
            return RexSchedule(learningRate: lr, minLearningRate: minLR, totalSteps: total)
        })
}
