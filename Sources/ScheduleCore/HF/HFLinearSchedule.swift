/// `hf.linear`: transformers' `get_linear_schedule_with_warmup` (`get_scheduler("linear")`).
///
/// `lr_lambda(t) = t / max(1, W)` for `t < W`, else
/// `max(0.0, float(T - t) / float(max(1, T - W)))`, with `W = num_warmup_steps`,
/// `T = num_training_steps`; `values[t] = lr * lr_lambda(t)`.
struct HFLinearSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    var numTrainingSteps: Int

    init(lr: Double, numWarmupSteps: Int, numTrainingSteps: Int) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        self.numTrainingSteps = numTrainingSteps
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps { return HFParameters.linearWarmup(step, numWarmupSteps) }
        return PythonMath.max(0.0, HFParameters.progress(numTrainingSteps, minus: step, over: numTrainingSteps, minus: numWarmupSteps))
    }

    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps, numTrainingSteps], below: steps)
    }
}

extension ScheduleType {
    /// `hf.linear` — see ``HFLinearSchedule``.
    public static let hfLinear = ScheduleType(
        name: "hf.linear",
        summary: "transformers linear decay to 0 after a linear warmup from 0 (get_scheduler(\"linear\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, T = num_training_steps:
              t < W:  lr_lambda = t / max(1, W)
              t ≥ W:  lr_lambda = max(0, (T - t) / max(1, T - W))
            Reaches 0 at t = T and stays 0 past the end.
            """,
        parameters: [HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingRequired],
        makeGroups: { p in
            return try HFParameters.learningRates(p).map { lr in
                try HFLinearSchedule(
                    lr: lr,
                    numWarmupSteps: p.integer("num_warmup_steps"),
                    numTrainingSteps: p.integer("num_training_steps")
                ).checkedAtConstruction(p)
            }
        })
}
