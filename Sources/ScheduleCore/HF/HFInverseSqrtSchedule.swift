/// `hf.inverse_sqrt`: transformers' `get_inverse_sqrt_schedule` (`get_scheduler("inverse_sqrt")`).
///
/// A linear warmup from 0, then `1 / sqrt((t + timescale - W) / timescale)`: 1 at the end of
/// warmup, decaying as the inverse square root of the step. `timescale` defaults to
/// `num_warmup_steps`, or 10 000 when that is 0.
struct HFInverseSqrtSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    /// The effective timescale (after transformers' default), as a float.
    var timescale: Double
    /// The effective timescale when it is a Python int (the default, or an integer given):
    /// transformers' arithmetic is then exact integer arithmetic and one true division.
    var integerTimescale: Int?

    /// - Parameter timescale: as given: an integer or a float JSON number, or `nil` for the
    ///   default `num_warmup_steps or 10_000`.
    init(lr: Double, numWarmupSteps: Int, timescale: JSONValue?) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        switch timescale {
        case .integer(let i)?:
            integerTimescale = i
        case let given?:
            integerTimescale = nil
            self.timescale = given.doubleValue ?? .nan
            return
        case nil:
            // timescale = num_warmup_steps or 10_000
            integerTimescale = numWarmupSteps != 0 ? numWarmupSteps : 10_000
        }
        self.timescale = Double(integerTimescale ?? 0)
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps { return HFParameters.linearWarmup(step, numWarmupSteps) }
        // shift = timescale - num_warmup_steps; decay = 1.0 / math.sqrt((current_step + shift) / timescale)
        let ratio: Double
        if let ts = integerTimescale {
            ratio = try PythonMath.trueDivide(Int128(step) + Int128(ts) - Int128(numWarmupSteps), Int128(ts))
        } else {
            let shift = timescale - Double(numWarmupSteps)
            if timescale == 0 { throw PythonRaise("ZeroDivisionError: float division by zero (timescale == 0.0)") }
            ratio = (Double(step) + shift) / timescale
        }
        let root = try PythonMath.sqrt(ratio)
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
        makeGroups: { p in
            _ = try p.optionalInteger("num_training_steps")
            return try HFParameters.learningRates(p).map { lr in
                try HFInverseSqrtSchedule(
                    lr: lr,
                    numWarmupSteps: p.integer("num_warmup_steps"),
                    timescale: p.numberKeepingKind("timescale")
                ).checkedAtConstruction(p)
            }
        })
}
