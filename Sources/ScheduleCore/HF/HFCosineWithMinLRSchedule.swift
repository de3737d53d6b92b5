/// `hf.cosine_with_min_lr`: transformers' `get_cosine_with_min_lr_schedule_with_warmup`.
///
/// `hf.cosine` whose cosine factor is rescaled to end at `min_lr_rate` instead of 0:
/// `factor * (1 - min_lr_rate) + min_lr_rate`. Give exactly one of `min_lr` (then
/// `min_lr_rate = min_lr / lr`) and `min_lr_rate`.
struct HFCosineWithMinLRSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    var numTrainingSteps: Int
    var numCycles: Double
    var minLRRate: Double

    init(lr: Double, numWarmupSteps: Int, numTrainingSteps: Int, numCycles: Double, minLRRate: Double) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        self.numTrainingSteps = numTrainingSteps
        self.numCycles = numCycles
        self.minLRRate = minLRRate
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        HFCosineSchedule.cosineLambda(
            step, warmup: numWarmupSteps, training: numTrainingSteps, numCycles: numCycles, minLRRate: minLRRate)
    }

    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps, numTrainingSteps], below: steps)
    }

    /// transformers' resolution of `min_lr` / `min_lr_rate` (shared with
    /// `hf.cosine_warmup_with_min_lr`): exactly one must be given; `min_lr` becomes
    /// `min_lr / lr`.
    static func minLRRate(_ p: Parameters, lr: Double) throws -> Double {
        let minLR = try p.optionalNumber("min_lr")
        let minLRRate = try p.optionalNumber("min_lr_rate")
        switch (minLR, minLRRate) {
        case (.some, .some):
            throw p.error("min_lr_rate", "Only one of min_lr or min_lr_rate should be set")
        case (.some(let minLR), .none):
            try p.check(lr != 0, "lr", "min_lr / lr divides by zero (transformers raises ZeroDivisionError: float division by zero)")
            return minLR / lr
        case (.none, .some(let rate)):
            return rate
        case (.none, .none):
            throw ScheduleError(path: p.path, "One of min_lr or min_lr_rate should be set through the `lr_scheduler_kwargs`")
        }
    }
}

extension ScheduleType {
    /// `hf.cosine_with_min_lr` — see ``HFCosineWithMinLRSchedule``.
    public static let hfCosineWithMinLR = ScheduleType(
        name: "hf.cosine_with_min_lr",
        summary: "transformers cosine decay to a minimum lr after a linear warmup (get_scheduler(\"cosine_with_min_lr\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, T = num_training_steps,
            r = min_lr_rate (or min_lr / lr, the first group's lr with groups):
              t < W:  lr_lambda = t / max(1, W)
              t ≥ W:  progress = (t - W) / max(1, T - W)
                      f = 0.5 * (1 + cos(pi * num_cycles * 2 * progress))
                      lr_lambda = max(0, f * (1 - r) + r)
            With num_cycles = 0.5 it reaches r at t = T; past T the cosine rises again.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingRequired,
            .number("num_cycles", default: 0.5, "Number of cosine waves (0.5: a half cosine)."),
            ParameterSpec("min_lr", .number, .none, "The minimum learning rate (give this or min_lr_rate)."),
            ParameterSpec("min_lr_rate", .number, .none, "The minimum as a fraction of lr (give this or min_lr)."),
        ],
        makeGroups: { p in
            let lrs = try HFParameters.learningRates(p)
            // min_lr is divided by the optimizer's default lr (the first group's).
            let minLRRate = try HFCosineWithMinLRSchedule.minLRRate(p, lr: lrs[0])
            return try lrs.map { lr in try HFCosineWithMinLRSchedule(
                lr: lr,
                numWarmupSteps: p.integer("num_warmup_steps"),
                numTrainingSteps: p.integer("num_training_steps"),
                numCycles: p.number("num_cycles"),
                minLRRate: minLRRate
            ).checkedAtConstruction(p) }
        })
}
