/// `timm.PlateauLRScheduler`: torch's `ReduceLROnPlateau` behind a linear warmup.
///
/// Metric-driven: round `t` calls `scheduler.step(t, metrics[t - 1])`. For `t ≤ warmup_t`
/// the lr is `warmup_lr_init + t * (lr - warmup_lr_init) / warmup_t` and the metric is
/// ignored; afterwards torch's rule (``HFPlateauReducer``, `threshold_mode = "rel"`,
/// `eps = 1e-8`) acts on the current lr. Note timm's default `mode` is `"max"`. With an
/// `lr_scale`, the values timm writes (at construction and during warmup) are scaled; the
/// plateau rule then acts on the scaled lr (its `min_lr` is not scaled).
struct TimmPlateauLRScheduler: Schedule {
    var lr: Double
    /// The group's `lr_scale`, or `nil` when the group has none.
    var lrScale: Double?
    let warmup: TimmWarmup
    let reducer: HFPlateauReducer
    let metrics: [Double]?

    init(lr: Double, warmup: TimmWarmup, reducer: HFPlateauReducer, metrics: [Double]?) {
        self.lr = lr
        self.warmup = warmup
        self.reducer = reducer
        self.metrics = metrics
    }

    var usesMetrics: Bool { true }

    func start() -> any ScheduleState {
        State(learningRate: Self.scaled(warmup.initialValue(base: lr), lrScale), warmup: warmup, lrScale: lrScale, reducer: reducer)
    }

    /// `value * lr_scale`, as timm's `update_groups` writes it.
    static func scaled(_ value: Double, _ lrScale: Double?) -> Double {
        lrScale.map { value * $0 } ?? value
    }

    /// Warmup end.
    func breakpoints(below steps: Int) -> [Int] {
        TimmParameters.marks([warmup.length], below: steps)
    }

    struct State: ScheduleState {
        var learningRate: Double
        let warmup: TimmWarmup
        let lrScale: Double?
        var reducer: HFPlateauReducer
        var epoch = 0

        mutating func advance(metric: Double?) throws {
            let next = epoch + 1
            if next <= warmup.length {
                learningRate = TimmPlateauLRScheduler.scaled(warmup.value(at: next), lrScale)
            } else {
                guard let metric else {
                    throw ScheduleStop(step: next, "ReduceLROnPlateau.step needs a metric (float(None) raises TypeError)")
                }
                reducer.step(metric: metric, lr: &learningRate)
            }
            epoch = next
        }
    }
}

extension ScheduleType {
    /// `timm.PlateauLRScheduler` — see ``TimmPlateauLRScheduler``.
    public static let timmPlateauLRScheduler = ScheduleType(
        name: "timm.PlateauLRScheduler",
        summary: "timm reduce-on-plateau with warmup (timm.scheduler.PlateauLRScheduler, wrapping torch ReduceLROnPlateau).",
        formula: """
            values[0] = warmup_lr_init if warmup_t else lr; round t calls step(t, metrics[t-1]):
              t ≤ warmup_t: lr = warmup_lr_init + t * (lr - warmup_lr_init) / warmup_t (metric ignored)
              else torch ReduceLROnPlateau.step(metric) on the current lr:
                better = a < best*(1-threshold) (min) | a > best*(1+threshold) (max)
                better: best = a, bad = 0; else bad += 1
                in cooldown: cooldown -= 1, bad = 0
                bad > patience_t: new = max(lr*decay_rate, lr_min); lr = new if lr - new > 1e-8;
                                  cooldown = cooldown_t; bad = 0
            Needs one metric per round (steps - 1 of them).
            """,
        parameters: [
            TimmParameters.lr, TimmParameters.lrScale,
            .number("decay_rate", default: 0.1, "Multiplier applied on a plateau (< 1)."),
            TorchCommon.intInSignature("patience_t", default: 10, "Non-improving rounds tolerated before reducing."),
            .bool("verbose", default: true, "Logging only (no effect on values)."),
            .number("threshold", default: 1e-4, "Minimum relative change that counts as an improvement."),
            TorchCommon.intInSignature("cooldown_t", default: 0, "Rounds to wait after a reduction."),
            TimmParameters.warmupT(), TimmParameters.warmupLRInit,
            .number("lr_min", default: 0, "Lower bound on the learning rate."),
            .choice("mode", ["min", "max"], default: "max", "max (timm's default): the metric should increase; min: decrease."),
        ] + TimmParameters.noise(seedDefault: nil, withType: true) + [TimmParameters.initialize, HFParameters.metrics],
        makeGroups: { p in
            try TimmParameters.groupSettings(p).map { settings -> any Schedule in
                let lr = settings.lr
                try TimmParameters.checkNoNoise(p, withType: true)
                _ = try p.bool("verbose")
                let factor = try p.number("decay_rate")
                try p.check(factor < 1.0, "decay_rate", "Factor should be < 1.0. (torch ReduceLROnPlateau; found \(factor))")
                let reducer = try HFPlateauReducer(
                    mode: p.string("mode") { "mode \($0) is unknown!" } == "min" ? .min : .max,
                    factor: factor,
                    patience: TorchCommon.number(p, "patience_t").value,
                    threshold: p.number("threshold"),
                    thresholdMode: .rel,
                    cooldown: TorchCommon.number(p, "cooldown_t").value,
                    minLR: p.number("lr_min"),
                    eps: 1e-8)
                var schedule = try TimmPlateauLRScheduler(
                    lr: lr, warmup: TimmParameters.warmup(p, target: lr), reducer: reducer,
                    metrics: p.optionalNumberList("metrics"))
                schedule.lrScale = settings.scale
                return schedule
            }
        })
}
