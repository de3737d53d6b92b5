import Foundation

/// `cosine`: cosine annealing from `lr` to `min_lr` over `total_steps`, then `min_lr`.
///
/// `lr(t) = min_lr + (lr − min_lr) · (1 + cos(π · min(t, total_steps) / total_steps)) / 2`.
/// Reaches `min_lr` at `t = total_steps` and holds it (no restart; see `cosine_restarts`).
struct CosineSchedule: ClosedFormSchedule {
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
        return minLearningRate + (learningRate - minLearningRate) * GenericSupport.cosineFall(Double(step) / Double(totalSteps))
    }

    func breakpoints(below steps: Int) -> [Int] {
        totalSteps < steps ? [totalSteps] : []
    }
}

extension ScheduleType {
    /// `cosine` — see ``CosineSchedule``.
    public static let cosine = ScheduleType(
        name: "cosine",
        summary: "Cosine annealing from lr to min_lr over total_steps, then min_lr.",
        formula: "lr(t) = min_lr + (lr − min_lr) · (1 + cos(π · t / total_steps)) / 2 for t < total_steps; min_lr for t ≥ total_steps",
        parameters: [
            .number("lr", "The learning rate at step 0 (the peak)."),
            .number("min_lr", default: 0, "The learning rate at total_steps and after (≥ 0)."),
            .integer("total_steps", "Steps of annealing (≥ 1)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let minLR = try p.number("min_lr", atLeast: 0)
            let total = try p.integer("total_steps", atLeast: 1)
            return CosineSchedule(learningRate: lr, minLearningRate: minLR, totalSteps: total)
        })
}
