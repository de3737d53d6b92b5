import Foundation

/// `hf.cosine_warmup_with_min_lr`: transformers'
/// `get_cosine_with_min_lr_schedule_with_warmup_lr_rate`.
///
/// Like `hf.cosine_with_min_lr` but shifted by one step: the warmup starts at
/// `1 / num_warmup_steps` (or at `warmup_lr_rate`) and reaches 1 at its last step, and the
/// cosine's progress counts from `t - W + 1`.
struct HFCosineWarmupWithMinLRSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    var numTrainingSteps: Int
    var numCycles: Double
    var minLRRate: Double
    var warmupLRRate: Double?

    init(lr: Double, numWarmupSteps: Int, numTrainingSteps: Int, numCycles: Double,
                minLRRate: Double, warmupLRRate: Double?) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        self.numTrainingSteps = numTrainingSteps
        self.numCycles = numCycles
        self.minLRRate = minLRRate
        self.warmupLRRate = warmupLRRate
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        let current = Double(step)
        let warmup = Double(numWarmupSteps)
        let training = Double(numTrainingSteps)
        if current < warmup {
            guard let rate = warmupLRRate else {
                return (current + 1.0) / PythonMath.max(1.0, warmup)
            }
            return rate + (1.0 - rate) * current / PythonMath.max(1, warmup - 1)
        }
        let progress = (current - warmup + 1.0) / PythonMath.max(1.0, training - warmup)
        var factor = 0.5 * (1.0 + cos(Double.pi * numCycles * 2.0 * progress))
        factor = factor * (1 - minLRRate) + minLRRate
        return PythonMath.max(0, factor)
    }

    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps, numTrainingSteps], below: steps)
    }
}

extension ScheduleType {
    /// `hf.cosine_warmup_with_min_lr` — see ``HFCosineWarmupWithMinLRSchedule``.
    public static let hfCosineWarmupWithMinLR = ScheduleType(
        name: "hf.cosine_warmup_with_min_lr",
        summary: "transformers cosine decay to a minimum lr after a warmup that starts above 0 (get_scheduler(\"cosine_warmup_with_min_lr\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, T = num_training_steps,
            r = min_lr_rate (or min_lr / lr, the first group's lr with groups), w = warmup_lr_rate:
              t < W, w None:  lr_lambda = (t + 1) / max(1, W)
              t < W, w given: lr_lambda = w + (1 - w) * t / max(1, W - 1)
              t ≥ W:          progress = (t - W + 1) / max(1, T - W)
                              f = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))
                              lr_lambda = max(0, f * (1 - r) + r)
            With num_cycles = 0.5 it reaches r at t = T - 1; past that the cosine rises again.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingRequired,
            .number("num_cycles", default: 0.5, "Number of cosine waves (0.5: a half cosine)."),
            ParameterSpec("min_lr", .number, .none, "The minimum learning rate (give this or min_lr_rate)."),
            ParameterSpec("min_lr_rate", .number, .none, "The minimum as a fraction of lr (give this or min_lr)."),
            ParameterSpec("warmup_lr_rate", .number, .none, "The warmup's starting fraction of lr; None starts at 1 / num_warmup_steps."),
        ],
        makeGroups: { p in
            let lrs = try HFParameters.learningRates(p)
            // min_lr is divided by the optimizer's default lr (the first group's).
            let minLRRate = try HFCosineWithMinLRSchedule.minLRRate(p, lr: lrs[0])
            return try lrs.map { lr in try HFCosineWarmupWithMinLRSchedule(
                lr: lr,
                numWarmupSteps: p.integer("num_warmup_steps"),
                numTrainingSteps: p.integer("num_training_steps"),
                numCycles: p.number("num_cycles"),
                minLRRate: minLRRate,
                warmupLRRate: p.optionalNumber("warmup_lr_rate")
            ).checkedAtConstruction(p) }
        })
}
