import Foundation

/// `hf.cosine`: transformers' `get_cosine_schedule_with_warmup` (`get_scheduler("cosine")`).
///
/// transformers defines `_get_cosine_schedule_with_warmup_lr_lambda` twice in
/// `optimization.py`; the second definition (with `min_lr_rate = 0.0`) is the one in effect,
/// so after warmup `factor = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))`, then
/// `factor * (1 - 0.0) + 0.0`, then `max(0, factor)` — the same values as the first.
struct HFCosineSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    var numTrainingSteps: Int
    var numCycles: Double

    init(lr: Double, numWarmupSteps: Int, numTrainingSteps: Int, numCycles: Double) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        self.numTrainingSteps = numTrainingSteps
        self.numCycles = numCycles
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        HFCosineSchedule.cosineLambda(
            step, warmup: numWarmupSteps, training: numTrainingSteps, numCycles: numCycles, minLRRate: 0.0)
    }

    /// transformers' `_get_cosine_schedule_with_warmup_lr_lambda` (the definition with
    /// `min_lr_rate`), shared with `hf.cosine_with_min_lr`.
    static func cosineLambda(_ step: Int, warmup: Int, training: Int, numCycles: Double, minLRRate: Double) -> Double {
        if step < warmup { return HFParameters.linearWarmup(step, warmup) }
        let progress = HFParameters.progress(step, minus: warmup, over: training, minus: warmup)
        var factor = 0.5 * (1.0 + cos(Double.pi * numCycles * 2.0 * progress))
        factor = factor * (1 - minLRRate) + minLRRate
        return PythonMath.max(0, factor)
    }

    /// Warmup end and the end of training.
    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps, numTrainingSteps], below: steps)
    }
}

extension ScheduleType {
    /// `hf.cosine` — see ``HFCosineSchedule``.
    public static let hfCosine = ScheduleType(
        name: "hf.cosine",
        summary: "transformers cosine decay after a linear warmup from 0 (get_scheduler(\"cosine\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, T = num_training_steps:
              t < W:  lr_lambda = t / max(1, W)
              t ≥ W:  progress = (t - W) / max(1, T - W)
                      lr_lambda = max(0, 0.5 * (1 + cos(pi * num_cycles * 2 * progress)))
            With the default num_cycles = 0.5 it reaches 0 at t = T; past the end the cosine
            keeps going (it rises again, clipped at 0 from below), exactly as transformers does.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingRequired,
            .number("num_cycles", default: 0.5, "Number of cosine waves (0.5: a half cosine from lr down to 0)."),
        ],
        makeGroups: { p in
            return try HFParameters.learningRates(p).map { lr in
                try HFCosineSchedule(
                    lr: lr,
                    numWarmupSteps: p.integer("num_warmup_steps"),
                    numTrainingSteps: p.integer("num_training_steps"),
                    numCycles: p.number("num_cycles")
                ).checkedAtConstruction(p)
            }
        })
}
