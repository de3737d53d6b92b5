import Foundation

/// `exponential`: multiplies the learning rate by `gamma` every step.
///
/// `lr(t) = lr · gamma^t`; no end (it keeps shrinking, or growing when `gamma > 1`).
struct ExponentialSchedule: ClosedFormSchedule {
    var learningRate: Double
    var gamma: Double

    init(learningRate: Double, gamma: Double) {
        self.learningRate = learningRate
        self.gamma = gamma
    }

    func value(at step: Int) -> Double {
        learningRate * pow(gamma, Double(step))
    }
}

extension ScheduleType {
    /// `exponential` — see ``ExponentialSchedule``.
    public static let exponential = ScheduleType(
        name: "exponential",
        summary: "Multiplies the learning rate by gamma every step.",
        formula: "lr(t) = lr · gamma^t; no end",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            .number("gamma", "Factor applied every step (> 0; < 1 decays)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let gamma = try p.number("gamma")
            try p.check(gamma > 0, "gamma", "must be > 0, found \(gamma)")
            return ExponentialSchedule(learningRate: lr, gamma: gamma)
        })
}
