/// `timm.PolyLRScheduler`: polynomial decay with warmup, restarts (`cycle_*`) and k-decay.
///
/// In cycle `i` the peak is `lr * cycle_decay ** i` and the value is
/// `lr_min + (peak - lr_min) * (1 - t_curr ** k / t_i ** k) ** power`; after `cycle_limit`
/// cycles it is `lr_min`. See ``TimmCycles`` for `i`, `t_i`, `t_curr`.
struct TimmPolyLRScheduler: TimmSchedule {
    var lr: Double
    var power: Double
    var lrMin: Double
    var kDecay: Double
    var warmupPrefix: Bool
    var tInEpochs: Bool
    var lrScale: Double?
    let cycles: TimmCycles
    let warmup: TimmWarmup

    init(lr: Double, cycles: TimmCycles, power: Double, lrMin: Double, warmup: TimmWarmup,
         warmupPrefix: Bool, tInEpochs: Bool, kDecay: Double) {
        self.lr = lr
        self.cycles = cycles
        self.power = power
        self.lrMin = lrMin
        self.warmup = warmup
        self.warmupPrefix = warmupPrefix
        self.tInEpochs = tInEpochs
        self.kDecay = kDecay
    }

    var initialValue: Double { warmup.initialValue(base: lr) }

    func scheduledValue(at step: Int) throws(PythonRaise) -> Double {
        if step < warmup.length { return warmup.value(at: step) }
        let t = warmupPrefix ? Int128(step) - Int128(warmup.length) : Int128(step)
        let position = try cycles.locate(t)
        let lrMax = lr * (try cycles.gamma(position.i))
        guard position.i < Int128(cycles.cycleLimit) else { return lrMin }
        let ratio = try PythonMath.divide(
            try PythonMath.power(position.tCurr, kDecay), try PythonMath.power(position.tI, kDecay))
        return lrMin + (lrMax - lrMin) * (try PythonMath.power(1 - ratio, power))
    }

    /// Warmup end and the start of every cycle (the last one marks where lr_min begins).
    func breakpoints(below steps: Int) -> [Int] {
        let offset = warmupPrefix ? warmup.length : 0
        return TimmParameters.marks([warmup.length] + cycles.starts(offset: offset, below: steps), below: steps)
    }
}

extension ScheduleType {
    /// `timm.PolyLRScheduler` — see ``TimmPolyLRScheduler``.
    public static let timmPolyLRScheduler = ScheduleType(
        name: "timm.PolyLRScheduler",
        summary: "timm polynomial decay with warmup, restarts and k-decay (timm.scheduler.PolyLRScheduler).",
        formula: """
            values[0] = warmup_lr_init if warmup_t else lr; values[t] = _get_lr(t):
              t < warmup_t: warmup_lr_init + t * (lr - warmup_lr_init) / warmup_t
              else (t -= warmup_t if warmup_prefix): i, t_i, t_curr as in timm.CosineLRScheduler
                i < cycle_limit: lr_min + (lr * cycle_decay**i - lr_min)
                                 * (1 - t_curr**k_decay / t_i**k_decay) ** power
                else: lr_min (held forever past the last cycle)
            With t_in_epochs false the same values are per optimizer update (train.py's step_update(t)).
            """,
        parameters: [
            TimmParameters.lr, TimmParameters.lrScale,
            .integer("t_initial", "Length of the first cycle."),
            .number("power", default: 0.5, "Exponent of the polynomial."),
        ] + TimmParameters.cycleParameters + [
            TimmParameters.warmupT(), TimmParameters.warmupLRInit, TimmParameters.warmupPrefix(default: false),
            TimmParameters.tInEpochs,
        ] + TimmParameters.noise(seedDefault: 42) + [
            .number("k_decay", default: 1.0, "k-decay exponent applied to t_curr and t_i."),
            TimmParameters.initialize,
        ],
        makeGroups: { p in
            try TimmParameters.groups(p) { lr -> any TimmSchedule in
                let (cycles, lrMin) = try TimmParameters.cycles(p)
                try TimmParameters.checkNoNoise(p)
                return try TimmPolyLRScheduler(
                    lr: lr, cycles: cycles, power: p.number("power"), lrMin: lrMin,
                    warmup: TimmParameters.warmup(p, target: lr),
                    warmupPrefix: p.bool("warmup_prefix"), tInEpochs: p.bool("t_in_epochs"),
                    kDecay: p.number("k_decay")
                )
            }
        })
}
