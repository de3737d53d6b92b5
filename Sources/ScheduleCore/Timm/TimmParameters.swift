/// Parameter declarations and helpers shared by the `timm.*` types.
enum TimmParameters {
    static let lr = ParameterSpec.number("lr", "The optimizer's initial learning rate (the scheduler's base value).")

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
                    "initial_lr missing from param_groups[0] (timm raises KeyError with initialize=false on a fresh optimizer)")
    }

    /// Reads `lr` as torch's optimizers check it (`Invalid learning rate`).
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
