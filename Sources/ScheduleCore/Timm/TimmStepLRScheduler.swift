/// `timm.StepLRScheduler`: multiply the learning rate by `decay_rate` every `decay_t` steps.
///
/// After warmup (shifted by `warmup_t` when `warmup_prefix`, the default):
/// `lr * decay_rate ** (t // decay_t)`, Python floor division (float when `decay_t` is a
/// float). The decay takes effect at `t = decay_t, 2 * decay_t, …`.
struct TimmStepLRScheduler: TimmSchedule {
    var lr: Double
    var decayT: Double
    /// `decay_t` as timm got it, an int or a float (`t // 0` raises with different words).
    var decayTNumber: PythonNumber?
    var decayRate: Double
    var warmupPrefix: Bool
    var tInEpochs: Bool
    var lrScale: Double?
    let warmup: TimmWarmup

    init(lr: Double, decayT: Double, decayRate: Double, warmup: TimmWarmup, warmupPrefix: Bool, tInEpochs: Bool) {
        self.lr = lr
        self.decayT = decayT
        self.decayRate = decayRate
        self.warmup = warmup
        self.warmupPrefix = warmupPrefix
        self.tInEpochs = tInEpochs
    }

    var initialValue: Double { warmup.initialValue(base: lr) }

    func scheduledValue(at step: Int) throws(PythonRaise) -> Double {
        if step < warmup.length { return warmup.value(at: step) }
        // `t - warmup_t` and `t // decay_t` in Python ints (a negative warmup_t passes Int.max):
        // exact for an int decay_t, a float floor division otherwise.
        let t = warmupPrefix ? Int128(step) - Int128(warmup.length) : Int128(step)
        let decays = try (decayTNumber ?? PythonNumber(float: decayT)).floorDivide(t)
        return lr * (try PythonMath.power(decayRate, decays))
    }

    /// Warmup end and every decay.
    func breakpoints(below steps: Int) -> [Int] {
        let offset = warmupPrefix ? warmup.length : 0
        var marks = [warmup.length]
        if decayT > 0 {
            var k = 1.0
            while marks.count < 10_000 {
                guard k * decayT < Double(steps) else { break }
                var t = Int(saturating: (k * decayT).rounded(.up))
                if t < 1 { t = 1 }
                let reached = try? PythonMath.floorDivide(Double(t), decayT)
                if let reached, reached < k { t += 1 }
                let start = max(Int128(t) + Int128(offset), Int128(warmup.length))
                if start >= Int128(steps) { break }
                marks.append(Int(start))
                k += 1
            }
        }
        return TimmParameters.marks(marks, below: steps)
    }
}

extension ScheduleType {
    /// `timm.StepLRScheduler` — see ``TimmStepLRScheduler``.
    public static let timmStepLRScheduler = ScheduleType(
        name: "timm.StepLRScheduler",
        summary: "timm step decay with warmup (timm.scheduler.StepLRScheduler).",
        formula: """
            values[0] = warmup_lr_init if warmup_t else lr; values[t] = _get_lr(t):
              t < warmup_t: warmup_lr_init + t * (lr - warmup_lr_init) / warmup_t
              else (t -= warmup_t if warmup_prefix): lr * decay_rate ** (t // decay_t)
            Keeps decaying past any horizon. decay_t = 0 raises ZeroDivisionError at the first
            step after warmup (the series stops there).
            With t_in_epochs false the same values are per optimizer update (train.py's step_update(t)).
            """,
        parameters: [
            TimmParameters.lr, TimmParameters.lrScale,
            .number("decay_t", "Steps between decays (an int or a float, as timm allows)."),
            .number("decay_rate", default: 1.0, "Multiplier applied at each decay."),
            TimmParameters.warmupT(), TimmParameters.warmupLRInit, TimmParameters.warmupPrefix(default: true),
            TimmParameters.tInEpochs,
        ] + TimmParameters.noise(seedDefault: 42) + [TimmParameters.initialize],
        makeGroups: { p in
            try TimmParameters.groups(p) { lr -> any TimmSchedule in
                try TimmParameters.checkNoNoise(p)
                let decayT = try PythonNumber(p, "decay_t")
                var s = try TimmStepLRScheduler(
                    lr: lr, decayT: decayT.value, decayRate: p.number("decay_rate"),
                    warmup: TimmParameters.warmup(p, target: lr),
                    warmupPrefix: p.bool("warmup_prefix"), tInEpochs: p.bool("t_in_epochs"))
                s.decayTNumber = decayT
                return s
            }
        })
}
