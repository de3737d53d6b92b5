/// `hf.inverse_sqrt`: transformers' `get_inverse_sqrt_schedule` (`get_scheduler("inverse_sqrt")`).
///
/// A linear warmup from 0, then `1 / sqrt((t + timescale - W) / timescale)`: 1 at the end of
/// warmup, decaying as the inverse square root of the step. `timescale` defaults to
/// `num_warmup_steps`, or 10 000 when that is 0.
struct HFInverseSqrtSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    /// The effective timescale (after transformers' default).
    var timescale: Double

    init(lr: Double, numWarmupSteps: Int, timescale: Double?) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        // timescale = num_warmup_steps or 10_000
        self.timescale = timescale ?? Double(numWarmupSteps != 0 ? numWarmupSteps : 10_000)
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps { return HFParameters.linearWarmup(step, numWarmupSteps) }
        // shift = timescale - num_warmup_steps; (current_step + shift) / timescale — exact
        // integers in Python when timescale is an int, the same doubles here.
        let shift = timescale - Double(numWarmupSteps)
        if timescale == 0 { throw PythonRaise("ZeroDivisionError: division by zero (timescale == 0)") }
        let root = try PythonMath.sqrt((Double(step) + shift) / timescale)
        return try PythonMath.divide(1.0, root)
    }

    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps], below: steps)
    }
}

extension ScheduleType {
    /// `hf.inverse_sqrt` — see ``HFInverseSqrtSchedule``.
    public static let hfInverseSqrt = ScheduleType(
        name: "hf.inverse_sqrt",
        summary: "transformers inverse-square-root decay after a linear warmup (get_scheduler(\"inverse_sqrt\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, s = timescale (default W, or 10000 if W = 0):
              t < W:  lr_lambda = t / max(1, W)
              t ≥ W:  lr_lambda = 1 / sqrt((t + s - W) / s)
            Keeps decaying past any horizon (num_training_steps is ignored).
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingIgnored,
            ParameterSpec("timescale", .number, .none, "Time scale of the decay; None means num_warmup_steps (or 10000 when that is 0)."),
        ],
        make: { p in
            _ = try p.optionalInteger("num_training_steps")
            return try HFInverseSqrtSchedule(
                lr: HFParameters.learningRate(p),
                numWarmupSteps: p.integer("num_warmup_steps"),
                timescale: p.optionalNumber("timescale")
            ).checkedAtConstruction(p)
        })
}
