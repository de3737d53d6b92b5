/// Parameter declarations and helpers shared by the `timm.*` types.
enum TimmParameters {
    static let lr = ParameterSpec(
        "lr", .numberPerGroup, .required,
        "The optimizer's initial learning rate (the scheduler's base value); a list gives one parameter group per entry.")

    static func warmupT(_ summary: String = "Warmup steps (linear from warmup_lr_init).") -> ParameterSpec {
        .integer("warmup_t", default: 0, summary)
    }

    static let warmupLRInit = ParameterSpec.number("warmup_lr_init", default: 0, "Learning rate at the start of warmup.")

    static func warmupPrefix(default value: Bool) -> ParameterSpec {
        .bool("warmup_prefix", default: value, "true: the schedule starts after warmup (t - warmup_t); false: warmup overlays its start.")
    }

    static let tInEpochs = ParameterSpec.bool(
        "t_in_epochs", default: true,
        "true: a step is an epoch (train.py calls step(epoch)); false: a step is an optimizer update (train.py calls step_update(num_updates)).")

    /// `noise_range_t`, `noise_pct`, `noise_std`, `noise_seed` (and `noise_type` when the
    /// class takes it). Only `noise_range_t = None` (no noise) is accepted.
    static func noise(seedDefault: Int?, withType: Bool = false) -> [ParameterSpec] {
        var specs = [
            ParameterSpec("noise_range_t", .json, .none, "Must be null: lr noise is random and not reproduced by lrplot."),
        ]
        if withType {
            specs.append(ParameterSpec("noise_type", .string, .value(.string("normal")), "Noise distribution (inert without noise_range_t)."))
        }
        specs += [
            .number("noise_pct", default: 0.67, "Noise limit (inert without noise_range_t)."),
            .number("noise_std", default: 1.0, "Noise std-dev (inert without noise_range_t)."),
            seedDefault.map { .integer("noise_seed", default: $0, "Noise seed (inert without noise_range_t).") }
                ?? ParameterSpec("noise_seed", .integer, .none, "Noise seed (inert without noise_range_t)."),
        ]
        return specs
    }

    /// `initialize`: only `true` works on a fresh optimizer (false raises KeyError in timm).
    static let initialize = ParameterSpec.bool(
        "initialize", default: true,
        "Set initial_lr from the optimizer's lr; false needs a previous scheduler and raises on a fresh optimizer.")

    /// Rejects `initialize = false`: timm raises `KeyError: 'initial_lr missing from param_groups[0]'`.
    static func checkInitialize(_ p: Parameters) throws {
        try p.check(try p.bool("initialize"), "initialize",
                    "a fresh optimizer has no initial_lr: timm raises KeyError: 'initial_lr missing from param_groups[0]' with initialize=false")
    }

    /// `lr_scale`: the key timm's layer-wise decay puts in each parameter group.
    static let lrScale = ParameterSpec(
        "lr_scale", .numberPerGroup, .none,
        "The parameter groups' lr_scale (timm's layer-wise decay): timm writes each value times the group's scale; a list gives one per group (with lr a number, every group starts from it).")

    /// The parameter groups: each one's lr and `lr_scale` (`nil` when the group has none).
    ///
    /// `lr` and `lr_scale` may each be a number or a list; lists give one group per entry and
    /// must agree in length (a number applies to every group).
    static func groupSettings(_ p: Parameters) throws -> [(lr: Double, scale: Double?)] {
        let lrs = try p.perGroupNumbers("lr")
        _ = try learningRates(p)
        guard try p.raw("lr_scale") != nil else { return lrs.values.map { ($0, nil) } }
        let scales = try p.perGroupNumbers("lr_scale")
        if lrs.isList && scales.isList {
            try p.check(lrs.values.count == scales.values.count, "lr_scale",
                        "gives \(scales.values.count) parameter groups, but lr gives \(lrs.values.count); give one lr_scale per learning rate")
        }
        let count = max(lrs.isList ? lrs.values.count : 1, scales.isList ? scales.values.count : 1)
        try p.check(count > 0, "lr_scale", "needs at least one scale")
        return (0..<count).map { g in
            (lrs.isList ? lrs.values[g] : lrs.values[0], scales.isList ? scales.values[g] : scales.values[0])
        }
    }

    /// One schedule per parameter group: `build(lr)` makes the group's scheduler, which gets
    /// the group's `lr_scale`; what timm would raise while building it is a ``ScheduleError``.
    static func groups(_ p: Parameters, _ build: (Double) throws -> any TimmSchedule) throws -> [any Schedule] {
        try groupSettings(p).map { settings in
            var schedule = try build(settings.lr)
            schedule.lrScale = settings.scale
            return try schedule.checkedAtConstruction(p)
        }
    }

    /// The learning rate of each parameter group (the scheduler's `base_values`), as
    /// `torch.optim.SGD` takes them: it checks only its default lr, the first
    /// (`Invalid learning rate`).
    static func learningRates(_ p: Parameters) throws -> [Double] {
        try HFParameters.learningRates(p)
    }

    /// Reads a single `lr` as torch's optimizers check it (`Invalid learning rate`), for
    /// `create_scheduler_v2`, whose optimizer has one group.
    static func learningRate(_ p: Parameters) throws -> Double {
        let lr = try p.number("lr")
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr) (torch optimizers need lr ≥ 0)")
        return lr
    }

    /// Rejects noise: timm draws it from a torch generator, which lrplot does not reproduce.
    static func checkNoNoise(_ p: Parameters, withType: Bool = false) throws {
        if try p.raw("noise_range_t") != nil {
            throw p.error("noise_range_t", "noise is random and not reproduced by lrplot; leave noise_range_t null")
        }
        _ = try p.number("noise_pct")
        _ = try p.number("noise_std")
        _ = try p.optionalInteger("noise_seed")
        if withType { _ = try p.string("noise_type") }
        try checkInitialize(p)
    }

    /// The warmup read from `warmup_t` and `warmup_lr_init`, aiming at `target`.
    static func warmup(_ p: Parameters, target: Double) throws -> TimmWarmup {
        TimmWarmup(length: try p.integer("warmup_t"), initialLR: try p.number("warmup_lr_init"), target: target)
    }

    /// Marks for `breakpoints(below:)`: distinct steps in `1 ..< steps`, ascending.
    static func marks(_ candidates: [Int], below steps: Int) -> [Int] {
        HFParameters.marks(candidates, below: steps)
    }
}
