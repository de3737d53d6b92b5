/// A timm scheduler (`timm.scheduler.Scheduler` subclass) stepped with `scheduler.step(t)`.
///
/// `values[0]` is the learning rate right after construction: the optimizer's `lr`, or
/// `warmup_lr_init` when `warmup_t` is non-zero (the constructors set it). `values[t]` for
/// `t ≥ 1` is `_get_lr(t)`, written into the optimizer by `step(t)`. With
/// `t_in_epochs = false`, `step(t)` changes nothing (timm updates such schedulers only through
/// `step_update`), so every value is `values[0]`.
public protocol TimmSchedule: RaisingClosedFormSchedule {
    /// The learning rate right after construction.
    var initialValue: Double { get }

    /// timm's `t_in_epochs`.
    var tInEpochs: Bool { get }

    /// timm's `_get_lr(t)` for the single parameter group.
    func scheduledValue(at t: Int) throws(PythonRaise) -> Double
}

extension TimmSchedule {
    public func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        if step == 0 || !tInEpochs { return initialValue }
        return try scheduledValue(at: step)
    }
}

/// timm's linear warmup: `warmup_lr_init + t * s` with
/// `s = (base_lr - warmup_lr_init) / warmup_t` (or `s = 1` when `warmup_t` is 0, unused).
struct TimmWarmup: Sendable {
    /// `warmup_t`: steps `t < warmup_t` are in warmup.
    let length: Int
    /// `warmup_lr_init`.
    let initialLR: Double
    /// `warmup_steps[0]`.
    let increment: Double

    /// A warmup from `warmup_lr_init` to `target` (the base lr, or the schedule's value at
    /// `warmup_t` for timm's `TanhLRScheduler` without `warmup_prefix`).
    init(length: Int, initialLR: Double, target: Double) {
        self.length = length
        self.initialLR = initialLR
        self.increment = length != 0 ? (target - initialLR) / Double(length) : 1
    }

    /// The lr the constructor leaves in the optimizer: `warmup_lr_init` if `warmup_t` else `base`.
    func initialValue(base: Double) -> Double { length != 0 ? initialLR : base }

    /// `warmup_lr_init + t * s`.
    func value(at t: Int) -> Double { initialLR + Double(t) * increment }
}

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
        "true: step(t) updates lr; false: only step_update does, so step(t) leaves lr unchanged.")

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
