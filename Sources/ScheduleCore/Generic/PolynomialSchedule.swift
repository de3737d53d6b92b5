import Foundation

/// `polynomial`: polynomial decay from `lr` to `end_lr` over `total_steps`, then `end_lr`.
///
/// `lr(t) = (lr − end_lr) · (1 − min(t, total_steps) / total_steps)^power + end_lr`.
/// `power = 1` is ``LinearSchedule``; `power > 1` drops fast then flattens, `power < 1`
/// stays high then drops. Reaches `end_lr` at `t = total_steps` and holds it.
struct PolynomialSchedule: ClosedFormSchedule {
    var learningRate: Double
    var endLearningRate: Double
    var totalSteps: Int
    var power: Double

    init(learningRate: Double, endLearningRate: Double, totalSteps: Int, power: Double) {
        self.learningRate = learningRate
        self.endLearningRate = endLearningRate
        self.totalSteps = totalSteps
        self.power = power
    }

    func value(at step: Int) -> Double {
        if step >= totalSteps { return endLearningRate }
        let remaining = 1 - Double(step) / Double(totalSteps)
        return (learningRate - endLearningRate) * pow(remaining, power) + endLearningRate
    }

    func breakpoints(below steps: Int) -> [Int] {
        totalSteps < steps ? [totalSteps] : []
    }
}

extension ScheduleType {
    /// `polynomial` — see ``PolynomialSchedule``.
    public static let polynomial = ScheduleType(
        name: "polynomial",
        summary: "Polynomial decay from lr to end_lr over total_steps, then end_lr.",
        formula: "lr(t) = (lr − end_lr) · (1 − t / total_steps)^power + end_lr for t < total_steps; end_lr for t ≥ total_steps",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            .number("end_lr", default: 0, "The learning rate at total_steps and after (≥ 0)."),
            .integer("total_steps", "Steps of decay (≥ 1)."),
            .number("power", default: 1, "Exponent of the decay (> 0); 1 is linear."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let end = try p.number("end_lr", atLeast: 0)
            let total = try p.integer("total_steps", atLeast: 1)
            let power = try p.number("power")
            try p.check(power > 0, "power", "must be > 0, found \(power)")
            return PolynomialSchedule(learningRate: lr, endLearningRate: end, totalSteps: total, power: power)
        })
}
