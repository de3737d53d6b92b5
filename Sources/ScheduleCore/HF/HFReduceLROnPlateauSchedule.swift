/// `hf.reduce_lr_on_plateau`: transformers' `get_reduce_on_plateau_schedule`, which is
/// `torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, **scheduler_specific_kwargs)`.
///
/// Metric-driven: round `t` calls `scheduler.step(metrics[t - 1])`; see ``HFPlateauReducer``
/// for the rule. `values[0] = lr`. `num_warmup_steps` and `num_training_steps` are accepted by
/// `get_scheduler` and ignored.
struct HFReduceLROnPlateauSchedule: Schedule {
    var lr: Double
    let reducer: HFPlateauReducer
    let metrics: [Double]?

    init(lr: Double, reducer: HFPlateauReducer, metrics: [Double]?) {
        self.lr = lr
        self.reducer = reducer
        self.metrics = metrics
    }

    var usesMetrics: Bool { true }

    func start() -> any ScheduleState { State(learningRate: lr, reducer: reducer) }

    struct State: ScheduleState {
        var learningRate: Double
        var reducer: HFPlateauReducer
        var step = 0

        mutating func advance(metric: Double?) throws {
            guard let metric else {
                throw ScheduleStop(step: step + 1, "ReduceLROnPlateau.step needs a metric (float(None) raises TypeError)")
            }
            reducer.step(metric: metric, lr: &learningRate)
            step += 1
        }
    }

    /// The torch `ReduceLROnPlateau` parameters with their defaults, in torch's order
    /// (shared by the description of `hf.reduce_lr_on_plateau`).
    static let torchParameters: [ParameterSpec] = [
        .choice("mode", ["min", "max"], default: "min", "min: reduce when the metric stops decreasing; max: when it stops increasing."),
        .number("factor", default: 0.1, "Multiplier applied on a plateau (< 1)."),
        TorchCommon.intInSignature("patience", default: 10, "Non-improving rounds tolerated before reducing."),
        .number("threshold", default: 1e-4, "Minimum change that counts as an improvement."),
        .choice("threshold_mode", ["rel", "abs"], default: "rel", "rel: relative to best; abs: absolute."),
        TorchCommon.intInSignature("cooldown", default: 0, "Rounds to wait after a reduction before counting again."),
        ParameterSpec("min_lr", .numberPerGroup, .value(.integer(0)), "Lower bound on the learning rate; a list gives one per parameter group."),
        .number("eps", default: 1e-8, "Reductions smaller than this are skipped."),
    ]
}

extension ScheduleType {
    /// `hf.reduce_lr_on_plateau` — see ``HFReduceLROnPlateauSchedule``.
    public static let hfReduceLROnPlateau = ScheduleType(
        name: "hf.reduce_lr_on_plateau",
        summary: "transformers reduce-on-plateau: torch ReduceLROnPlateau driven by a metric (get_scheduler(\"reduce_lr_on_plateau\")).",
        formula: """
            values[0] = lr; round t calls step(metrics[t-1]):
              better = a < best*(1-threshold) (min, rel) | a < best-threshold (min, abs)
                       | a > best*(1+threshold) (max, rel) | a > best+threshold (max, abs)
              better: best = a, bad = 0; else bad += 1
              in cooldown: cooldown -= 1, bad = 0
              bad > patience: new = max(lr*factor, min_lr); lr = new if lr - new > eps;
                              cooldown = cooldown steps; bad = 0
            Needs one metric per round (steps - 1 of them).
            """,
        parameters: [HFParameters.lr, HFParameters.warmupIgnored, HFParameters.trainingIgnored]
            + HFReduceLROnPlateauSchedule.torchParameters + [HFParameters.metrics],
        makeGroups: { p in
            _ = try p.optionalInteger("num_warmup_steps")
            _ = try p.optionalInteger("num_training_steps")
            let lrs = try HFParameters.learningRates(p)
            let factor = try p.number("factor")
            try p.check(factor < 1.0, "factor", "Factor should be < 1.0. (found \(PythonFormat.float(factor)))")
            let minLRs = try TorchCommon.minLRs(p, groups: lrs.count)
            let mode = try p.string("mode") { "mode \($0) is unknown!" }
            let thresholdMode = try p.string("threshold_mode") { "threshold mode \($0) is unknown!" }
            let metrics = try p.optionalNumberList("metrics")
            return try zip(lrs, minLRs).map { lr, minLR in
                HFReduceLROnPlateauSchedule(
                    lr: lr,
                    reducer: HFPlateauReducer(
                        mode: mode == "min" ? .min : .max, factor: factor,
                        patience: try TorchCommon.number(p, "patience").value, threshold: try p.number("threshold"),
                        thresholdMode: thresholdMode == "rel" ? .rel : .abs,
                        cooldown: try TorchCommon.number(p, "cooldown").value, minLR: minLR, eps: try p.number("eps")),
                    metrics: metrics)
            }
        })
}
