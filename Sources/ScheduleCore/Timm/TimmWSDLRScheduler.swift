import Foundation

/// `timm.WSDLRScheduler`: warmup, a stable phase, then a decay to `lr_min` over the final
/// `decay_t` steps of `t_initial`.
///
/// `lr(t) = lr_min + (max(lr * stable(t_s), lr_min) - lr_min) * decay(frac)` with
/// `t_s = t - warmup_t` and `frac = min((t_s - (t_initial - decay_t)) / decay_t, 1)` once the
/// decay has started. `lr_min` is reached at `t = warmup_t + t_initial` and held.
struct TimmWSDLRScheduler: TimmSchedule {
    enum StableFunction: String, Sendable, CaseIterable { case constant, rsqrt, power }
    enum DecayFunction: String, Sendable, CaseIterable {
        case linear
        case oneMinusSqrt = "1-sqrt"
        case cosine
        case power
        case exp
    }

    var lr: Double
    var tInitial: Int
    var decayT: Int
    var lrMin: Double
    var stableFunction: StableFunction
    var stableTimescale: Double?
    /// `stable_timescale` when it is a Python int (given as one, or the default `warmup_t`).
    var integerTimescale: Int?
    var stablePower: Double
    var decayFunction: DecayFunction
    var decayPower: Double
    var decayRatio: Double
    var tInEpochs: Bool
    var lrScale: Double?
    let warmup: TimmWarmup

    init(lr: Double, tInitial: Int, decayT: Int, lrMin: Double, stableFunction: StableFunction,
         stableTimescale: Double?, integerTimescale: Int? = nil, stablePower: Double, decayFunction: DecayFunction, decayPower: Double,
         decayRatio: Double, warmup: TimmWarmup, tInEpochs: Bool) {
        self.lr = lr
        self.tInitial = tInitial
        self.decayT = decayT
        self.lrMin = lrMin
        self.stableFunction = stableFunction
        self.stableTimescale = stableTimescale
        self.integerTimescale = integerTimescale
        self.stablePower = stablePower
        self.decayFunction = decayFunction
        self.decayPower = decayPower
        self.decayRatio = decayRatio
        self.warmup = warmup
        self.tInEpochs = tInEpochs
    }

    var initialValue: Double { warmup.initialValue(base: lr) }

    /// `_stable(t_s)`: 1, or `(1 + t_s / timescale) ** -power`.
    func stable(_ ts: Int128) throws(PythonRaise) -> Double {
        guard stableFunction != .constant, let timescale = stableTimescale else { return 1.0 }
        let power = stableFunction == .rsqrt ? 0.5 : stablePower
        // `t_s / stable_timescale`: a true division of ints when the timescale is one.
        let ratio: Double
        if let whole = integerTimescale {
            ratio = try PythonMath.trueDivide(ts, Int128(whole))
        } else {
            ratio = try PythonMath.divide(PythonMath.float(ts), timescale)
        }
        return try PythonMath.power(1.0 + ratio, -power)
    }

    /// `_decay(frac)`: from 1 at `frac = 0` to 0 at `frac = 1`.
    func decay(_ frac: Double) throws(PythonRaise) -> Double {
        switch decayFunction {
        case .linear: return 1.0 - frac
        case .oneMinusSqrt: return 1.0 - (try PythonMath.sqrt(frac))
        case .cosine: return 0.5 * (1.0 + cos(Double.pi * frac))
        case .power: return 1.0 - (try PythonMath.power(frac, decayPower))
        case .exp:
            let r = decayRatio
            return ((try PythonMath.power(r, frac)) - r) / (1.0 - r)
        }
    }

    func scheduledValue(at t: Int) throws(PythonRaise) -> Double {
        if t < warmup.length { return warmup.value(at: t) }
        // Python ints: with a negative warm-up, t_s passes Int.max.
        let ts = Int128(t) - Int128(warmup.length)
        let stableLR = PythonMath.max(lr * (try stable(ts)), lrMin)
        let tDecay = ts - (Int128(tInitial) - Int128(decayT))
        if tDecay <= 0 { return stableLR }
        let factor = try decay(PythonMath.min(try PythonMath.trueDivide(tDecay, Int128(decayT)), 1.0))
        return lrMin + (stableLR - lrMin) * factor
    }

    /// Warmup end, decay start and the end (lr_min from then on).
    func breakpoints(below steps: Int) -> [Int] {
        let end = Int128(warmup.length) + Int128(tInitial)
        return HFParameters.marks([Int128(warmup.length), end - Int128(decayT), end], below: steps)
    }
}

extension ScheduleType {
    /// `timm.WSDLRScheduler` — see ``TimmWSDLRScheduler``.
    public static let timmWSDLRScheduler = ScheduleType(
        name: "timm.WSDLRScheduler",
        summary: "timm warmup-stable-decay (timm.scheduler.WSDLRScheduler).",
        formula: """
            values[0] = warmup_lr_init if warmup_t else lr; values[t] = _get_lr(t):
              t < warmup_t: warmup_lr_init + t * (lr - warmup_lr_init) / warmup_t
              else: t_s = t - warmup_t
                    stable = 1 (constant) | (1 + t_s/timescale) ** -0.5 (rsqrt)
                             | (1 + t_s/timescale) ** -stable_power (power); timescale defaults to warmup_t
                    s = max(lr * stable, lr_min); d = t_s - (t_initial - decay_t)
                    d ≤ 0: s
                    else:  frac = min(d / decay_t, 1)
                           lr_min + (s - lr_min) * decay(frac), decay = 1 - frac | 1 - sqrt(frac)
                           | 0.5 * (1 + cos(pi * frac)) | 1 - frac ** decay_power
                           | (decay_ratio ** frac - decay_ratio) / (1 - decay_ratio)
            lr_min from t = warmup_t + t_initial on.
            With t_in_epochs false the same values are per optimizer update (train.py's step_update(t)).
            """,
        parameters: [
            TimmParameters.lr, TimmParameters.lrScale,
            .integer("t_initial", "Length of the stable + decay phases (after warmup)."),
            .integer("decay_t", "Length of the decay phase, the last decay_t steps of t_initial."),
            .number("lr_min", default: 0, "Learning rate at the end of the decay."),
            .choice("stable_fn", TimmWSDLRScheduler.StableFunction.allCases.map(\.rawValue), default: "constant", "Stable phase function."),
            ParameterSpec("stable_timescale", .number, .none, "Timescale of rsqrt / power stable functions (default warmup_t)."),
            .number("stable_power", default: 0.5, "Exponent of the power stable function."),
            .choice("decay_fn", TimmWSDLRScheduler.DecayFunction.allCases.map(\.rawValue), default: "1-sqrt", "Decay phase function."),
            .number("decay_power", default: 0.5, "Exponent of the power decay function."),
            .number("decay_ratio", default: 0.1, "Final fraction of the exp decay function (before normalization)."),
            TimmParameters.warmupT(), TimmParameters.warmupLRInit,
            TimmParameters.tInEpochs,
        ] + TimmParameters.noise(seedDefault: 42) + [TimmParameters.initialize],
        makeGroups: { p in
            typealias S = TimmWSDLRScheduler
            return try TimmParameters.groups(p) { lr -> any TimmSchedule in
                try TimmParameters.checkNoNoise(p)
                let tInitial = try p.integer("t_initial")
                try p.check(tInitial > 0, "t_initial", "Invalid t_initial (\(tInitial)), must be > 0.")
                let decayT = try p.integer("decay_t")
                try p.check(0 < decayT && decayT <= tInitial, "decay_t",
                            "Invalid decay_t (\(decayT)), must be in (0, t_initial] w/ t_initial=\(tInitial).")
                let lrMin = try p.number("lr_min")
                try p.check(lrMin >= 0, "lr_min", "Invalid lr_min (\(lrMin)), must be >= 0.")
                let stableFunction = S.StableFunction(rawValue: try p.string("stable_fn") {
                    "Invalid stable_fn (\($0)), must be one of ('constant', 'rsqrt', 'power')."
                }) ?? .constant
                let decayFunction = S.DecayFunction(rawValue: try p.string("decay_fn") {
                    "Invalid decay_fn (\($0)), must be one of ('linear', '1-sqrt', 'cosine', 'power', 'exp') or a callable."
                }) ?? .oneMinusSqrt
                let decayRatio = try p.number("decay_ratio")
                try p.check(0 < decayRatio && decayRatio < 1, "decay_ratio", "Invalid decay_ratio (\(decayRatio)), must be in (0, 1).")
                let decayPower = try p.number("decay_power")
                try p.check(decayPower > 0, "decay_power", "Invalid decay_power (\(decayPower)), must be > 0.")
                let stablePower = try p.number("stable_power")
                try p.check(stablePower > 0, "stable_power", "Invalid stable_power (\(stablePower)), must be > 0.")
                let warmupT = try p.integer("warmup_t")
                var timescale = try p.optionalNumber("stable_timescale")
                // An int timescale (the default warm-up, or an integer given) divides as an int.
                var integerTimescale: Int?
                switch try p.numberKeepingKind("stable_timescale") {
                case .integer(let i)?: integerTimescale = i
                case nil: integerTimescale = warmupT
                default: integerTimescale = nil
                }
                if stableFunction != .constant {
                    let resolved = timescale ?? Double(warmupT)
                    try p.check(resolved > 0, "stable_timescale",
                                "stable_fn=\(stableFunction.rawValue) requires a positive stable_timescale, it defaults to warmup_t (\(warmupT)), set it explicitly when there is no warmup.")
                    timescale = resolved
                }
                return try S(
                    lr: lr, tInitial: tInitial, decayT: decayT, lrMin: lrMin, stableFunction: stableFunction,
                    stableTimescale: timescale, integerTimescale: integerTimescale, stablePower: stablePower, decayFunction: decayFunction,
                    decayPower: decayPower, decayRatio: decayRatio,
                    warmup: TimmParameters.warmup(p, target: lr), tInEpochs: p.bool("t_in_epochs")
                )
            }
        })
}
