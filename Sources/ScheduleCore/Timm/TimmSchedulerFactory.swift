import Foundation

/// `timm.create_scheduler_v2`: the scheduler timm's `scheduler_factory.create_scheduler_v2`
/// (timm 1.0.31) builds from its arguments, stepped as timm's `train.py` steps it.
///
/// The factory takes epoch counts (`num_epochs`, `warmup_epochs`, `decay_epochs`,
/// `decay_milestones`, `cooldown_epochs`, `stable_timescale`); with `step_on_epochs = false`
/// (train.py's `--sched-on-updates`) it multiplies each by `updates_per_epoch` and builds the
/// scheduler with `t_in_epochs = False`, which train.py then drives with
/// `step_update(num_updates)` after every optimizer update. So `values[t]` is the lr after `t`
/// epochs (`step(t)`) or after `t` optimizer updates (`step_update(t)`).
///
/// The factory also returns the number of epochs train.py runs: for the cyclic schedulers
/// (cosine, tanh, poly, wsd/rsqrt) `get_cycle_length() + cooldown` (floored to whole epochs
/// when counted in updates), else `num_epochs` (+ `warmup_epochs` with `warmup_prefix`). That
/// length is ``plannedSteps`` (in the schedule's own steps).
struct TimmSchedulerFactory: Schedule {
    /// The scheduler the factory built (a `timm.*` type), or a constant lr for `sched = "none"`.
    var inner: any Schedule
    /// The epochs train.py runs (the factory's second return value).
    var epochs: Int
    /// `updates_per_epoch` when stepped per update, else `nil` (values per epoch).
    var updatesPerEpoch: Int?

    var usesMetrics: Bool { inner.usesMetrics }
    var metrics: [Double]? { inner.metrics }
    func start() -> any ScheduleState { inner.start() }
    func breakpoints(below steps: Int) -> [Int] { inner.breakpoints(below: steps) }

    /// The run's length in this schedule's steps: epochs, or epochs × updates per epoch.
    var plannedSteps: Int { updatesPerEpoch.map { epochs * $0 } ?? epochs }
}

extension TimmSchedulerFactory: PlannedLength {}

extension ScheduleType {
    /// `timm.create_scheduler_v2` — see ``TimmSchedulerFactory``.
    public static let timmCreateSchedulerV2 = ScheduleType(
        name: "timm.create_scheduler_v2",
        summary: "The scheduler timm's create_scheduler_v2 builds from epoch counts (train.py's --sched …), stepped per epoch or, with step_on_epochs false, per optimizer update.",
        formula: """
            Builds, with T = num_epochs, W = warmup_epochs, D = decay_epochs, all times updates_per_epoch \
            when step_on_epochs is false (then values are per update, driven by step_update):
              cosine: timm.CosineLRScheduler(t_initial=T, lr_min=min_lr, cycle_*, k_decay, warmup_t=W, warmup_lr_init=warmup_lr, warmup_prefix)
              tanh: timm.TanhLRScheduler(same, no k_decay); poly: timm.PolyLRScheduler(power=decay_rate, same)
              step: timm.StepLRScheduler(decay_t=D, decay_rate); constant: step with decay_t=1, decay_rate=1
              multistep: timm.MultiStepLRScheduler(decay_t=decay_milestones, decay_rate)
              plateau: timm.PlateauLRScheduler(decay_rate, patience_t=patience_epochs, mode=plateau_mode) (per epoch only)
              wsd / rsqrt: timm.WSDLRScheduler over T (minus W without warmup_prefix), decay over D
                (a fraction of it when 0 < D < 1; default 0.2), stable_fn rsqrt for rsqrt
              none: the optimizer's lr, constant
            D defaults to 90 (0.2 for wsd/rsqrt). The run lasts get_cycle_length() + cooldown_epochs epochs \
            for the cyclic ones, else num_epochs (+ W with warmup_prefix).
            """,
        parameters: [
            TimmParameters.lr,
            .choice("sched", ["cosine", "tanh", "step", "constant", "multistep", "plateau", "poly", "wsd", "rsqrt", "none"], default: "cosine", "Scheduler name (train.py --sched)."),
            .integer("num_epochs", default: 300, "Epochs of the schedule (train.py --epochs)."),
            ParameterSpec("decay_epochs", .number, .none, "Step interval (step), or decay length (wsd/rsqrt; in (0, 1): a fraction). None: 90 (step), 0.2 (wsd/rsqrt)."),
            .init("decay_milestones", .numberList, .value(.array([.integer(90), .integer(180), .integer(270)])), "Epochs of the multistep decays."),
            .integer("cooldown_epochs", default: 0, "Epochs at min_lr after the cyclic schedule."),
            .integer("patience_epochs", default: 10, "Plateau patience."),
            .number("decay_rate", default: 0.1, "Decay factor (step, multistep, plateau); the power for poly."),
            .number("min_lr", default: 0, "Lower bound (cosine, tanh, poly, wsd, plateau)."),
            .number("warmup_lr", default: 1e-5, "Learning rate at the start of the warm-up."),
            .integer("warmup_epochs", default: 0, "Epochs of linear warm-up."),
            .bool("warmup_prefix", default: false, "Warm-up before num_epochs instead of within it."),
            ParameterSpec("noise", .json, .none, "Must be null: lr noise is random and not reproduced by lrplot."),
            .number("noise_pct", default: 0.67, "Noise limit (inert without noise)."),
            .number("noise_std", default: 1.0, "Noise std-dev (inert without noise)."),
            .integer("noise_seed", default: 42, "Noise seed (inert without noise)."),
            .number("cycle_mul", default: 1.0, "Cycle length multiplier (cosine, tanh, poly)."),
            .number("cycle_decay", default: 0.1, "Peak decay per cycle (cosine, tanh, poly)."),
            .integer("cycle_limit", default: 1, "Number of cycles (cosine, tanh, poly)."),
            .number("k_decay", default: 1.0, "k-decay (cosine, poly)."),
            ParameterSpec("decay_fn", .string, .none, "Decay function of wsd / rsqrt (None: 1-sqrt for wsd, linear for rsqrt)."),
            ParameterSpec("stable_timescale", .number, .none, "rsqrt timescale in epochs (None: warmup_epochs)."),
            .choice("plateau_mode", ["min", "max"], default: "max", "Metric direction of plateau."),
            .bool("step_on_epochs", default: true, "true: values per epoch (step); false: per optimizer update (step_update)."),
            .integer("updates_per_epoch", default: 0, "Optimizer updates per epoch, needed when step_on_epochs is false."),
            HFParameters.metrics,
        ],
        make: { p in try TimmSchedulerFactory.make(p) })
}

extension TimmSchedulerFactory {
    /// `create_scheduler_v2(**arguments)`: the scheduler object of the class it picks, built
    /// through the catalog (so the class's own checks apply), and the epochs train.py runs.
    static func make(_ p: Parameters) throws -> TimmSchedulerFactory {
        let lr = try TimmParameters.learningRate(p)
        let sched = try p.string("sched")
        let numEpochs = try p.integer("num_epochs")
        let stepOnEpochs = try p.bool("step_on_epochs")
        let updates = try p.integer("updates_per_epoch")
        // decay_epochs None: 0.2 for wsd / rsqrt (a fraction), else 90
        let decayEpochs = try p.optionalNumber("decay_epochs") ?? (sched == "wsd" || sched == "rsqrt" ? 0.2 : 90)
        if try p.raw("noise") != nil {
            throw p.error("noise", "turns on timm's random lr noise, which lrplot does not reproduce; set it to null")
        }
        _ = try p.number("noise_pct"); _ = try p.number("noise_std"); _ = try p.integer("noise_seed")
        let warmupEpochs = try p.integer("warmup_epochs")
        let cooldownEpochs = try p.integer("cooldown_epochs")
        var milestones = try p.numberList("decay_milestones")
        var timescale = try p.optionalNumber("stable_timescale")

        // A Python int passed on to the scheduler class, whose parameters lrplot holds in 64 bits.
        func step(_ v: Int128, _ key: String, _ what: String) throws -> Int {
            guard let i = Int(exactly: v) else {
                throw p.error(key, "\(what) = \(v), past the largest step count lrplot holds (2⁶³ − 1)")
            }
            return i
        }
        // if not step_on_epochs: every epoch count times updates_per_epoch
        var tInitial = numEpochs, warmupT = warmupEpochs, cooldownT = cooldownEpochs
        var decayT = decayEpochs
        if !stepOnEpochs {
            try p.check(updates > 0, "updates_per_epoch", "updates_per_epoch must be set to number of dataloader batches (timm asserts updates_per_epoch > 0 when step_on_epochs is false)")
            tInitial = try step(Int128(numEpochs) * Int128(updates), "num_epochs", "num_epochs × updates_per_epoch")
            warmupT = try step(Int128(warmupEpochs) * Int128(updates), "warmup_epochs", "warmup_epochs × updates_per_epoch")
            decayT = decayEpochs * Double(updates)
            milestones = milestones.map { $0 * Double(updates) }
            cooldownT = try step(Int128(cooldownEpochs) * Int128(updates), "cooldown_epochs", "cooldown_epochs × updates_per_epoch")
            timescale = timescale.map { $0 * Double(updates) }
        } else if p.isGiven("updates_per_epoch") && updates != 0 {
            throw p.error("updates_per_epoch", "is used only with step_on_epochs false (values per update); with step_on_epochs true the values are per epoch")
        }
        let warmupPrefix = try p.bool("warmup_prefix")
        var object: [(key: String, value: JSONValue)] = [("lr", .number(lr))]
        let warmup: [(key: String, value: JSONValue)] = [
            ("warmup_lr_init", .number(try p.number("warmup_lr"))), ("warmup_t", .integer(warmupT)),
        ]
        let cycle: [(key: String, value: JSONValue)] = [
            ("cycle_mul", .number(try p.number("cycle_mul"))), ("cycle_decay", .number(try p.number("cycle_decay"))),
            ("cycle_limit", .integer(try p.integer("cycle_limit"))),
        ]
        let minLR = JSONValue.number(try p.number("min_lr"))
        let tInEpochs = JSONValue.bool(stepOnEpochs)
        let typeName: String
        switch sched {
        case "cosine", "tanh", "poly":
            typeName = ["cosine": "timm.CosineLRScheduler", "tanh": "timm.TanhLRScheduler", "poly": "timm.PolyLRScheduler"][sched]!
            object += [("t_initial", .integer(tInitial)), ("lr_min", minLR), ("t_in_epochs", tInEpochs)] + cycle + warmup
            object.append(("warmup_prefix", .bool(warmupPrefix)))
            if sched != "tanh" { object.append(("k_decay", .number(try p.number("k_decay")))) }
            if sched == "poly" { object.append(("power", .number(try p.number("decay_rate")))) }
        case "step", "constant":
            typeName = "timm.StepLRScheduler"
            object += sched == "step"
                ? [("decay_t", .number(decayT)), ("decay_rate", .number(try p.number("decay_rate")))]
                : [("decay_t", .integer(1)), ("decay_rate", .number(1.0))]
            object += [("t_in_epochs", tInEpochs)] + warmup + [("warmup_prefix", .bool(warmupPrefix))]
        case "multistep":
            typeName = "timm.MultiStepLRScheduler"
            object += [("decay_t", .array(milestones.map { .number($0) })), ("decay_rate", .number(try p.number("decay_rate"))),
                       ("t_in_epochs", tInEpochs)] + warmup + [("warmup_prefix", .bool(warmupPrefix))]
        case "plateau":
            guard stepOnEpochs else { throw p.error("step_on_epochs", "Plateau LR only supports step per epoch. (timm asserts step_on_epochs)") }
            typeName = "timm.PlateauLRScheduler"
            object += [("decay_rate", .number(try p.number("decay_rate"))), ("patience_t", .integer(try p.integer("patience_epochs"))),
                       ("cooldown_t", .integer(0))] + warmup + [("lr_min", minLR), ("mode", .string(try p.string("plateau_mode")))]
            if let metrics = try p.optionalNumberList("metrics") { object.append(("metrics", .array(metrics.map { .number($0) }))) }
        case "wsd", "rsqrt":
            typeName = "timm.WSDLRScheduler"
            let tSched = warmupPrefix ? tInitial : try step(Int128(tInitial) - Int128(warmupT), "warmup_epochs", "the stable + decay length, t_initial − warmup_t")
            if 0 < decayEpochs && decayEpochs < 1 { decayT = decayEpochs * Double(tSched) }
            let rounded = decayT.rounded(.toNearestOrEven)   // int(round(decay_t)): Python rounds half to even
            guard rounded.isFinite, abs(rounded) < 9e15, 0 < rounded, Int(rounded) <= tSched else {
                throw p.error("decay_epochs", "\(sched) schedule requires 0 < decay_epochs <= epochs\(warmupPrefix ? "" : " - warmup_epochs"), got decay \(rounded.isFinite ? String(format: "%.0f", rounded) : "\(rounded)") and stable + decay length \(tSched).")
            }
            let decayFn = try p.optionalString("decay_fn") ?? (sched == "rsqrt" ? "linear" : "1-sqrt")
            object += [("t_initial", .integer(tSched)), ("decay_t", .integer(Int(rounded))), ("lr_min", minLR),
                       ("stable_fn", .string(sched == "rsqrt" ? "rsqrt" : "constant")), ("decay_fn", .string(decayFn)),
                       ("t_in_epochs", tInEpochs)] + warmup
            if let timescale { object.append(("stable_timescale", .number(timescale))) }
        default:  // "none": no scheduler, the optimizer keeps its lr
            let epochs = warmupPrefix ? Int128(numEpochs) + Int128(warmupEpochs) : Int128(numEpochs)
            return TimmSchedulerFactory(inner: ConstantSchedule(learningRate: lr), epochs: epochs.clampedToInt, updatesPerEpoch: stepOnEpochs ? nil : updates)
        }
        let inner: any Schedule
        do {
            inner = try p.schedule(ofType: typeName, members: object, path: p.path)
        } catch let error as ScheduleError {
            let detail = error.path == p.path ? error.message : "\(error.path.dropFirst(p.path.isEmpty ? 0 : p.path.count + 1)): \(error.message)"
            throw ScheduleError(path: p.path, "create_scheduler_v2 builds \(typeName), which rejects \(detail)")
        }
        // Epochs of the run (create_scheduler_v2's second return value), a Python int; past
        // Int.max it is held there (no chart reaches it).
        let epochs: Int128
        switch sched {
        case "cosine", "tanh", "poly", "wsd", "rsqrt":
            let cycleLength: Int128
            if sched == "wsd" || sched == "rsqrt" {
                cycleLength = (inner as? TimmWSDLRScheduler).map { Int128($0.warmup.length) + Int128($0.tInitial) } ?? 0
            } else {
                let limit = try p.integer("cycle_limit"), mul = try p.number("cycle_mul")
                let cycles = Swift.max(1, limit != 0 ? limit : 1)
                var t: Int128
                if mul == 1.0 {
                    t = Int128(tInitial) * Int128(cycles)
                } else {
                    let length = (-Double(tInitial) * (try PythonMath.power(mul, Double(cycles)) - 1) / (1 - mul)).rounded(.down)
                    guard length.isFinite, abs(length) < 9e15 else { throw p.error("cycle_mul", "the cycles' total length overflows (\(length))") }
                    t = Int128(length)
                }
                cycleLength = warmupPrefix ? t + Int128(warmupT) : t
            }
            let total = cycleLength + Int128(cooldownT)
            epochs = stepOnEpochs ? total : try PythonMath.floorDivide(total, Int128(updates))
        default:
            epochs = warmupPrefix ? Int128(numEpochs) + Int128(warmupEpochs) : Int128(numEpochs)
        }
        return TimmSchedulerFactory(inner: inner, epochs: epochs.clampedToInt, updatesPerEpoch: stepOnEpochs ? nil : updates)
    }
}
