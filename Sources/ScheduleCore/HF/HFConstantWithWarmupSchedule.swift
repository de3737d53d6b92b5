/// `hf.constant_with_warmup`: transformers' `get_constant_schedule_with_warmup`.
///
/// A linear warmup from 0 over `num_warmup_steps`, then the optimizer's learning rate.
/// `get_scheduler` passes no scheduler-specific arguments to it, and ignores
/// `num_training_steps`.
struct HFConstantWithWarmupSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int

    init(lr: Double, numWarmupSteps: Int) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        // float(current_step) / float(max(1.0, num_warmup_steps))
        if step < numWarmupSteps { return Double(step) / PythonMath.max(1.0, Double(numWarmupSteps)) }
        return 1.0
    }

    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps], below: steps)
    }
}

extension ScheduleType {
    /// `hf.constant_with_warmup` — see ``HFConstantWithWarmupSchedule``.
    public static let hfConstantWithWarmup = ScheduleType(
        name: "hf.constant_with_warmup",
        summary: "transformers constant learning rate after a linear warmup from 0 (get_scheduler(\"constant_with_warmup\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps:
              t < W:  lr_lambda = t / max(1.0, W)
              t ≥ W:  lr_lambda = 1.0 (held forever)
            num_training_steps is ignored.
            """,
        parameters: [HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingIgnored],
        makeGroups: { p in
            _ = try p.optionalInteger("num_training_steps")
            return try HFParameters.learningRates(p).map { lr in
                try HFConstantWithWarmupSchedule(
                    lr: lr,
                    numWarmupSteps: p.integer("num_warmup_steps")
                ).checkedAtConstruction(p)
            }
        })
}
