import Foundation

/// `step`: multiplies the learning rate by `gamma` every `step_size` steps.
///
/// `lr(t) = lr · gamma^⌊t / step_size⌋`. The first decay takes effect at `t = step_size`
/// (steps `0 … step_size − 1` run at `lr`); it never ends.
struct StepSchedule: ClosedFormSchedule {
    var learningRate: Double
    var stepSize: Int
    var gamma: Double

    init(learningRate: Double, stepSize: Int, gamma: Double) {
        self.learningRate = learningRate
        self.stepSize = stepSize
        self.gamma = gamma
    }

    func value(at step: Int) -> Double {
        learningRate * pow(gamma, Double(step / stepSize))
    }

    func breakpoints(below steps: Int) -> [Int] {
        GenericSupport.periodic(first: stepSize, period: stepSize, below: steps)
    }
}

extension ScheduleType {
    /// `step` — see ``StepSchedule``.
    public static let step = ScheduleType(
        name: "step",
        summary: "Multiplies the learning rate by gamma every step_size steps.",
        formula: "lr(t) = lr · gamma^⌊t / step_size⌋; the first drop is at t = step_size; no end",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            .integer("step_size", "Steps between drops (≥ 1)."),
            .number("gamma", default: 0.1, "Factor applied at each drop (> 0)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let stepSize = try p.integer("step_size", atLeast: 1)
            let gamma = try p.number("gamma")
            try p.check(gamma > 0, "gamma", "must be > 0, found \(gamma)")
            return StepSchedule(learningRate: lr, stepSize: stepSize, gamma: gamma)
        })
}
