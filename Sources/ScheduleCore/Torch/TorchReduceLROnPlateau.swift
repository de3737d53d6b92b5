/// `torch.optim.lr_scheduler.ReduceLROnPlateau`: multiplies the learning rate by `factor` when
/// the metric has not improved for more than `patience` steps.
struct TorchReduceLROnPlateau: TorchScheduler {
    var lr: Double
    var maximize: Bool
    var factor: Double
    /// Ints in torch's signature, unchecked: floats work as in Python (a cooldown of 2.5 lasts
    /// three rounds).
    var patience: Double
    var threshold: Double
    var relative: Bool
    var cooldown: Double
    var minLR: Double
    var eps: Double
    var metrics: [Double]?

    var usesMetrics: Bool { true }

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        Scheduler(spec: self, group: group)
    }

    final class Scheduler: TorchLRScheduler {
        let spec: TorchReduceLROnPlateau
        var best: Double
        var cooldownCounter = 0.0
        var badEpochs = 0

        init(spec: TorchReduceLROnPlateau, group: TorchParamGroup) {
            self.spec = spec
            self.best = spec.maximize ? -Double.infinity : Double.infinity
            super.init(group: group)
            lastEpoch = 0
            lastLR = group.lr
        }

        override var torchName: String { "ReduceLROnPlateau" }
        override var isPlateau: Bool { true }

        private func isBetter(_ a: Double, _ best: Double) -> Bool {
            switch (spec.maximize, spec.relative) {
            case (false, true): return a < best * (1.0 - spec.threshold)
            case (false, false): return a < best - spec.threshold
            case (true, true): return a > best * (spec.threshold + 1.0)
            case (true, false): return a > best + spec.threshold
            }
        }

        override func step() throws {
            throw PythonRaise("TypeError", "ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'")
        }

        override func step(metric: Double?) throws {
            guard let current = metric else { try step(); return }
            lastEpoch += 1
            if isBetter(current, best) {
                best = current
                badEpochs = 0
            } else {
                badEpochs += 1
            }
            if cooldownCounter > 0 {
                cooldownCounter -= 1
                badEpochs = 0
            }
            if Double(badEpochs) > spec.patience {
                let old = group.lr
                let new = PythonMath.max(old * spec.factor, spec.minLR)
                if old - new > spec.eps { group.lr = new }
                cooldownCounter = spec.cooldown
                badEpochs = 0
            }
            lastLR = group.lr
        }
    }
}

extension ScheduleType {
    /// `torch.ReduceLROnPlateau` — see ``TorchReduceLROnPlateau``.
    public static let torchReduceLROnPlateau = ScheduleType(
        name: "torch.ReduceLROnPlateau",
        summary: "Multiplies the learning rate by factor when the metric stops improving (needs metrics).",
        formula: """
            Round t calls step(metrics[t−1]). A metric is better when it beats best by threshold (rel: \
            below best·(1 − threshold) in min mode, above best·(1 + threshold) in max mode; abs: best ∓ \
            threshold); otherwise it counts as a bad epoch. During cooldown bad epochs are reset. When \
            bad epochs exceed patience: new = max(lr·factor, min_lr), applied only if lr − new > eps; then \
            cooldown starts. values[0] = lr.
            """,
        parameters: [
            TorchCommon.lrSpec,
            .choice("mode", ["min", "max"], default: "min", "Reduce when the metric stops decreasing (min) or increasing (max)."),
            .number("factor", default: 0.1, "new_lr = lr · factor; must be < 1."),
            TorchCommon.intInSignature("patience", default: 10, "Bad epochs tolerated before reducing."),
            .number("threshold", default: 1e-4, "Threshold for a significant improvement."),
            .choice("threshold_mode", ["rel", "abs"], default: "rel", "Relative or absolute threshold."),
            TorchCommon.intInSignature("cooldown", default: 0, "Steps to wait after a reduction before counting bad epochs again."),
            ParameterSpec("min_lr", .numberPerGroup, .value(.integer(0)), "Lower bound on the learning rate; a list gives one per parameter group."),
            .number("eps", default: 1e-8, "Reductions smaller than eps are ignored."),
            ParameterSpec("metrics", .numberList, .none, "The metric passed to step() in each round: metrics[t−1] in round t."),
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let factor = try p.number("factor")
            try p.check(factor < 1.0, "factor", "Factor should be < 1.0. (found \(PythonFormat.float(factor)))")
            let minLRs = try TorchCommon.minLRs(p, groups: lrs.count)
            let maximize = try p.string("mode") { "mode \($0) is unknown!" } == "max"
            let relative = try p.string("threshold_mode") { "threshold mode \($0) is unknown!" } == "rel"
            let patience = try TorchCommon.number(p, "patience").value, cooldown = try TorchCommon.number(p, "cooldown").value
            let threshold = try p.number("threshold"), eps = try p.number("eps")
            let metrics = try p.optionalNumberList("metrics")
            return try TorchGroups.schedules(lrs.indices.map { g in
                TorchReduceLROnPlateau(
                    lr: lrs[g], maximize: maximize, factor: factor, patience: patience, threshold: threshold,
                    relative: relative, cooldown: cooldown, minLR: minLRs[g],
                    eps: eps, metrics: metrics)
            }, p)
        })
}
