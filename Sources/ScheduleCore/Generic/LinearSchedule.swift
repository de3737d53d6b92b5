import Foundation

/// `linear`: a straight line from `lr` to `end_lr` over `total_steps`, then `end_lr`.
///
/// `lr(t) = lr + (end_lr − lr) · min(t, total_steps) / total_steps`. The value reaches
/// `end_lr` exactly at `t = total_steps` and holds it for every later step.
struct LinearSchedule: ClosedFormSchedule {
    var learningRate: Double
    var endLearningRate: Double
    var totalSteps: Int

    init(learningRate: Double, endLearningRate: Double, totalSteps: Int) {
        self.learningRate = learningRate
        self.endLearningRate = endLearningRate
        self.totalSteps = totalSteps
    }

    func value(at step: Int) -> Double {
        if step >= totalSteps { return endLearningRate }
        return learningRate + (endLearningRate - learningRate) * (Double(step) / Double(totalSteps))
    }

    func breakpoints(below steps: Int) -> [Int] {
        totalSteps < steps ? [totalSteps] : []
    }
}

extension ScheduleType {
    /// `linear` — see ``LinearSchedule``.
    public static let linear = ScheduleType(
        name: "linear",
        summary: "Straight line from lr to end_lr over total_steps, then end_lr.",
        formula: "lr(t) = lr + (end_lr − lr) · t / total_steps for t < total_steps; end_lr for t ≥ total_steps",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            .number("end_lr", default: 0, "The learning rate at total_steps and after (≥ 0)."),
            .integer("total_steps", "Steps from lr to end_lr (≥ 1)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let end = try p.number("end_lr", atLeast: 0)
            let total = try p.integer("total_steps", atLeast: 1)
            return LinearSchedule(learningRate: lr, endLearningRate: end, totalSteps: total)
        })
}
