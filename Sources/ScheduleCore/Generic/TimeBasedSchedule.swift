import Foundation

/// `time_based`: inverse-time decay.
///
/// `lr(t) = lr / (1 + decay · t / decay_steps)`; with `staircase`, `t / decay_steps` is
/// replaced by `⌊t / decay_steps⌋`, so the rate changes only at multiples of `decay_steps`.
/// With the default `decay_steps = 1` this is the classic `lr / (1 + decay · t)`. No end.
struct TimeBasedSchedule: ClosedFormSchedule {
    var learningRate: Double
    var decay: Double
    var decaySteps: Int
    var staircase: Bool

    init(learningRate: Double, decay: Double, decaySteps: Int, staircase: Bool) {
        self.learningRate = learningRate
        self.decay = decay
        self.decaySteps = decaySteps
        self.staircase = staircase
    }

    func value(at step: Int) -> Double {
        let p = staircase ? Double(step / decaySteps) : Double(step) / Double(decaySteps)
        return learningRate / (1 + decay * p)
    }

    func breakpoints(below steps: Int) -> [Int] {
        staircase && decaySteps > 1 ? GenericSupport.periodic(first: decaySteps, period: decaySteps, below: steps) : []
    }
}

extension ScheduleType {
    /// `time_based` — see ``TimeBasedSchedule``.
    public static let timeBased = ScheduleType(
        name: "time_based",
        summary: "Inverse-time decay: lr / (1 + decay · t).",
        formula: "lr(t) = lr / (1 + decay · t / decay_steps), with ⌊t / decay_steps⌋ when staircase; no end",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            .number("decay", "Decay rate (≥ 0)."),
            .integer("decay_steps", default: 1, "Steps per unit of decay (≥ 1)."),
            .bool("staircase", default: false, "Decay in whole units of decay_steps only."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let decay = try p.number("decay", atLeast: 0)
            let decaySteps = try p.integer("decay_steps", atLeast: 1)
            let staircase = try p.bool("staircase")
            return TimeBasedSchedule(learningRate: lr, decay: decay, decaySteps: decaySteps, staircase: staircase)
        })
}
