/// `hf.constant`: transformers' `get_constant_schedule` (`get_scheduler("constant")`).
///
/// `LambdaLR` with `lr_lambda = 1`: the optimizer's learning rate at every step.
/// `get_scheduler` accepts `num_warmup_steps` and `num_training_steps` and ignores them.
struct HFConstantSchedule: HFLambdaSchedule {
    var lr: Double

    init(lr: Double) { self.lr = lr }

    func lambda(_ step: Int) throws(PythonRaise) -> Double { 1 }
}

extension ScheduleType {
    /// `hf.constant` — see ``HFConstantSchedule``.
    public static let hfConstant = ScheduleType(
        name: "hf.constant",
        summary: "transformers constant learning rate (get_scheduler(\"constant\")).",
        formula: "values[t] = lr * 1 for every t ≥ 0 (num_warmup_steps and num_training_steps are ignored).",
        parameters: [HFParameters.lr, HFParameters.warmupIgnored, HFParameters.trainingIgnored],
        makeGroups: { p in
            _ = try p.optionalInteger("num_warmup_steps")
            _ = try p.optionalInteger("num_training_steps")
            return try HFParameters.learningRates(p).map { HFConstantSchedule(lr: $0) }
        })
}
