/// `timm.MultiStepLRScheduler`: multiply the learning rate by `decay_rate` at each milestone.
///
/// After warmup (shifted by `warmup_t` when `warmup_prefix`, the default):
/// `lr * decay_rate ** bisect_right(decay_t, t + 1)` — the number of milestones `≤ t + 1`,
/// so timm applies the decay of milestone `m` one step early, at `t = m - 1`. `decay_t` is
/// searched as Python's `bisect` does, which assumes it sorted.
struct TimmMultiStepLRScheduler: TimmSchedule {
    var lr: Double
    var decayT: [Double]
    var decayRate: Double
    var warmupPrefix: Bool
    var tInEpochs: Bool
    var lrScale: Double?
    let warmup: TimmWarmup

    init(lr: Double, decayT: [Double], decayRate: Double, warmup: TimmWarmup, warmupPrefix: Bool, tInEpochs: Bool) {
        self.lr = lr
        self.decayT = decayT
        self.decayRate = decayRate
        self.warmup = warmup
        self.warmupPrefix = warmupPrefix
        self.tInEpochs = tInEpochs
    }

    var initialValue: Double { warmup.initialValue(base: lr) }

    /// Python's `bisect.bisect_right(decay_t, x)`.
    /// `bisect.bisect_right(decay_t, x)`, comparing the int `x` with each milestone exactly
    /// as Python does (an int is never rounded to compare it with a float).
    func bisectRight(_ x: Int128) -> Int {
        var lo = 0, hi = decayT.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if (PythonMath.compare(x, decayT[mid]) ?? 1) < 0 { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    func scheduledValue(at step: Int) throws(PythonRaise) -> Double {
        if step < warmup.length { return warmup.value(at: step) }
        let t = warmupPrefix ? Int128(step) - Int128(warmup.length) : Int128(step)
        // get_curr_decay_steps(t) = bisect.bisect_right(self.decay_t, t + 1)
        return lr * (try PythonMath.power(decayRate, Double(bisectRight(t + 1))))
    }

    /// Warmup end and every milestone's step `m - 1` (shifted by the warmup with `warmup_prefix`).
    func breakpoints(below steps: Int) -> [Int] {
        let offset = warmupPrefix ? warmup.length : 0
        let milestones = decayT.map { max(Int(saturating: $0.rounded(.up) - 1 + Double(offset)), warmup.length) }
        return TimmParameters.marks([warmup.length] + milestones, below: steps)
    }
}

extension ScheduleType {
    /// `timm.MultiStepLRScheduler` — see ``TimmMultiStepLRScheduler``.
    public static let timmMultiStepLRScheduler = ScheduleType(
        name: "timm.MultiStepLRScheduler",
        summary: "timm decay at milestones with warmup (timm.scheduler.MultiStepLRScheduler).",
        formula: """
            values[0] = warmup_lr_init if warmup_t else lr; values[t] = _get_lr(t):
              t < warmup_t: warmup_lr_init + t * (lr - warmup_lr_init) / warmup_t
              else (t -= warmup_t if warmup_prefix): lr * decay_rate ** bisect_right(decay_t, t + 1)
            A milestone m counts from t = m - 1 on (timm's t + 1: one step early); after the
            last one the lr stays constant.
            With t_in_epochs false the same values are per optimizer update (train.py's step_update(t)).
            """,
        parameters: [
            TimmParameters.lr, TimmParameters.lrScale,
            .init("decay_t", .numberList, .required, "Milestones (sorted, as timm assumes)."),
            .number("decay_rate", default: 1.0, "Multiplier applied at each milestone."),
            TimmParameters.warmupT(), TimmParameters.warmupLRInit, TimmParameters.warmupPrefix(default: true),
            TimmParameters.tInEpochs,
        ] + TimmParameters.noise(seedDefault: 42) + [TimmParameters.initialize],
        makeGroups: { p in
            try TimmParameters.groups(p) { lr -> any TimmSchedule in
                try TimmParameters.checkNoNoise(p)
                return try TimmMultiStepLRScheduler(
                    lr: lr, decayT: p.numberList("decay_t"), decayRate: p.number("decay_rate"),
                    warmup: TimmParameters.warmup(p, target: lr),
                    warmupPrefix: p.bool("warmup_prefix"), tInEpochs: p.bool("t_in_epochs")
                )
            }
        })
}
