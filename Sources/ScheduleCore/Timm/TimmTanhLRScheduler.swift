import Foundation

/// `timm.TanhLRScheduler`: hyperbolic-tangent decay with warmup and restarts (`cycle_*`).
///
/// In cycle `i` (while `i < cycle_limit`), with `tr = t_curr / t_i`, the value is
/// `lr_min + 0.5 * (lr * cycle_decay ** i - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr))`;
/// afterwards `lr_min`. Without `warmup_prefix` the warmup climbs to the schedule's own value
/// at `warmup_t` (timm computes it in the constructor), not to `lr`.
struct TimmTanhLRScheduler: TimmSchedule {
    var lr: Double
    var lb: Double
    var ub: Double
    var lrMin: Double
    var warmupPrefix: Bool
    var tInEpochs: Bool
    var lrScale: Double?
    let cycles: TimmCycles
    var warmup: TimmWarmup

    /// Builds the scheduler as timm's constructor does, computing the warmup's target.
    init(lr: Double, cycles: TimmCycles, lb: Double, ub: Double, lrMin: Double, warmupLength: Int,
         warmupLRInit: Double, warmupPrefix: Bool, tInEpochs: Bool) throws(PythonRaise) {
        self.lr = lr
        self.cycles = cycles
        self.lb = lb
        self.ub = ub
        self.lrMin = lrMin
        self.warmupPrefix = warmupPrefix
        self.tInEpochs = tInEpochs
        self.warmup = TimmWarmup(length: warmupLength, initialLR: warmupLRInit, target: lr)
        if warmupLength != 0 && !warmupPrefix {
            // t_v = self._get_lr(self.warmup_t)
            let target = try cycleValue(at: warmupLength)
            self.warmup = TimmWarmup(length: warmupLength, initialLR: warmupLRInit, target: target)
        }
    }

    var initialValue: Double { warmup.initialValue(base: lr) }

    func scheduledValue(at step: Int) throws(PythonRaise) -> Double {
        if step < warmup.length { return warmup.value(at: step) }
        return try cycleValue(at: step)
    }

    /// `_get_lr(t)` past the warmup branch.
    func cycleValue(at step: Int) throws(PythonRaise) -> Double {
        let t = warmupPrefix ? Int128(step) - Int128(warmup.length) : Int128(step)
        let position = try cycles.locate(t)
        guard position.i < Int128(cycles.cycleLimit) else { return lrMin }
        let lrMax = lr * (try cycles.gamma(position.i))
        let tr = try PythonMath.divide(position.tCurr, position.tI)
        return lrMin + 0.5 * (lrMax - lrMin) * (1 - tanh(lb * (1.0 - tr) + ub * tr))
    }

    /// Warmup end and the start of every cycle (the last one marks where lr_min begins).
    func breakpoints(below steps: Int) -> [Int] {
        let offset = warmupPrefix ? warmup.length : 0
        return TimmParameters.marks([warmup.length] + cycles.starts(offset: offset, below: steps), below: steps)
    }
}

extension ScheduleType {
    /// `timm.TanhLRScheduler` — see ``TimmTanhLRScheduler``.
    public static let timmTanhLRScheduler = ScheduleType(
        name: "timm.TanhLRScheduler",
        summary: "timm hyperbolic-tangent decay with warmup and restarts (timm.scheduler.TanhLRScheduler).",
        formula: """
            values[0] = warmup_lr_init if warmup_t else lr; values[t] = _get_lr(t):
              t < warmup_t: warmup_lr_init + t * (target - warmup_lr_init) / warmup_t, target = lr
                            with warmup_prefix, else the value below at t = warmup_t
              else (t -= warmup_t if warmup_prefix): i, t_i, t_curr as in timm.CosineLRScheduler
                i < cycle_limit: tr = t_curr / t_i
                                 lr_min + 0.5 * (lr * cycle_decay**i - lr_min) * (1 - tanh(lb*(1-tr) + ub*tr))
                else: lr_min (held forever past the last cycle)
            With t_in_epochs false the same values are per optimizer update (train.py's step_update(t)).
            """,
        parameters: [
            TimmParameters.lr, TimmParameters.lrScale,
            .integer("t_initial", "Length of the first cycle."),
            .number("lb", default: -7, "tanh argument at the start of a cycle."),
            .number("ub", default: 3, "tanh argument at the end of a cycle."),
        ] + TimmParameters.cycleParameters + [
            TimmParameters.warmupT(), TimmParameters.warmupLRInit, TimmParameters.warmupPrefix(default: false),
            TimmParameters.tInEpochs,
        ] + TimmParameters.noise(seedDefault: 42) + [TimmParameters.initialize],
        makeGroups: { p in
            try TimmParameters.groups(p) { lr -> any TimmSchedule in
                let (cycles, lrMin) = try TimmParameters.cycles(p)
                let lb = try p.number("lb"), ub = try p.number("ub")
                try p.check(lb < ub, "ub", "lb must be < ub (timm asserts lb < ub), found lb = \(lb), ub = \(ub)")
                try p.check(cycles.cycleLimit >= 0, "cycle_limit", "must be ≥ 0 (timm asserts cycle_limit >= 0), found \(cycles.cycleLimit)")
                let warmupT = try p.integer("warmup_t")
                try p.check(warmupT >= 0, "warmup_t", "must be ≥ 0 (timm asserts warmup_t >= 0), found \(warmupT)")
                let warmupLRInit = try p.number("warmup_lr_init")
                try p.check(warmupLRInit >= 0, "warmup_lr_init", "must be ≥ 0 (timm asserts warmup_lr_init >= 0), found \(warmupLRInit)")
                try TimmParameters.checkNoNoise(p)
                do {
                    return try TimmTanhLRScheduler(
                        lr: lr, cycles: cycles, lb: lb, ub: ub, lrMin: lrMin, warmupLength: warmupT,
                        warmupLRInit: warmupLRInit, warmupPrefix: p.bool("warmup_prefix"),
                        tInEpochs: p.bool("t_in_epochs"))
                } catch let error as PythonRaise {
                    throw ScheduleError(path: p.path, "timm.TanhLRScheduler raises while it is built: \(error.message)")
                }
            }
        })
}
