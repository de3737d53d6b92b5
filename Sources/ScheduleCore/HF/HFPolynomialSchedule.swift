/// `hf.polynomial`: transformers' `get_polynomial_decay_schedule_with_warmup`.
///
/// After a linear warmup from 0, a polynomial decay from `lr` to `lr_end` reached at
/// `num_training_steps`; the lambda divides by `lr_init` because LambdaLR multiplies by the
/// group's lr again. `lr_init` is the optimizer's default lr (`optimizer.defaults['lr']`): the
/// first group's, so other groups decay to `lr_end · lr / lr_init`.
struct HFPolynomialSchedule: HFLambdaSchedule {
    var lr: Double
    /// `optimizer.defaults['lr']`.
    var lrInit: Double
    var numWarmupSteps: Int
    var numTrainingSteps: Int
    var lrEnd: Double
    var power: Double

    init(lr: Double, lrInit: Double? = nil, numWarmupSteps: Int, numTrainingSteps: Int, lrEnd: Double, power: Double) {
        self.lr = lr
        self.lrInit = lrInit ?? lr
        self.numWarmupSteps = numWarmupSteps
        self.numTrainingSteps = numTrainingSteps
        self.lrEnd = lrEnd
        self.power = power
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps { return HFParameters.linearWarmup(step, numWarmupSteps) }
        if step > numTrainingSteps { return try PythonMath.divide(lrEnd, lrInit) }
        let lrRange = lrInit - lrEnd
        // Python ints: `(current_step - num_warmup_steps) / decay_steps` is a true division of
        // exact integers, correctly rounded.
        let decaySteps = Int128(numTrainingSteps) - Int128(numWarmupSteps)
        if decaySteps == 0 {
            throw PythonRaise("ZeroDivisionError: division by zero (num_training_steps - num_warmup_steps == 0)")
        }
        let pctRemaining = 1 - (try PythonMath.trueDivide(Int128(step) - Int128(numWarmupSteps), decaySteps))
        let decay = lrRange * (try PythonMath.power(pctRemaining, power)) + lrEnd
        return try PythonMath.divide(decay, lrInit)
    }

    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([numWarmupSteps, numTrainingSteps], below: steps)
    }
}

extension ScheduleType {
    /// `hf.polynomial` — see ``HFPolynomialSchedule``.
    public static let hfPolynomial = ScheduleType(
        name: "hf.polynomial",
        summary: "transformers polynomial decay to lr_end after a linear warmup (get_scheduler(\"polynomial\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, T = num_training_steps:
              t < W:       lr_lambda = t / max(1, W)
              t > T:       lr_lambda = lr_end / lr
              otherwise:   pct = 1 - (t - W) / (T - W)
                           lr_lambda = ((lr - lr_end) * pct ** power + lr_end) / lr
            Holds lr_end (as lr * (lr_end / lr)) past T. With parameter groups, lr_init is the
            optimizer's default lr, the first group's (the others end at their lr * lr_end / lr_init).
            transformers requires lr > lr_end;
            with T == W Python raises ZeroDivisionError at step W, where the series stops.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingRequired,
            .number("lr_end", default: 1e-7, "The final learning rate."),
            .number("power", default: 1.0, "Power of the polynomial (1.0: linear)."),
        ],
        makeGroups: { p in
            let lrs = try HFParameters.learningRates(p)
            let lrInit = lrs[0], lrEnd = try p.number("lr_end")
            try p.check(lrInit > lrEnd, "lr_end", "lr_end (\(PythonFormat.float(lrEnd))) must be smaller than initial lr (\(PythonFormat.float(lrInit)))")
            return try lrs.map { lr in
                try HFPolynomialSchedule(
                    lr: lr, lrInit: lrInit,
                    numWarmupSteps: p.integer("num_warmup_steps"),
                    numTrainingSteps: p.integer("num_training_steps"),
                    lrEnd: lrEnd,
                    power: p.number("power")
                ).checkedAtConstruction(p)
            }
        })
}
