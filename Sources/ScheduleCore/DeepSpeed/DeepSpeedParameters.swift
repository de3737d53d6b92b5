import Foundation

/// Parameter declarations, checks and the warm-up rule shared by the `deepspeed.*` types.
///
/// Mirrors `deepspeed/runtime/lr_schedules.py` (DeepSpeed 0.19.8). Every DeepSpeed scheduler
/// keeps `last_batch_iteration` (−1 after construction) and `step()` adds one to it before
/// computing the rate, so `values[t]` (the optimizer's lr after `t` calls of `step()`, which the
/// DeepSpeed engine makes once per optimizer step) is the rate at iteration `t − 1`, and
/// `values[0]` is the rate the constructor writes.
enum DeepSpeedParameters {
    /// `warmup_min_lr`.
    static let warmupMinLR = ParameterSpec.number("warmup_min_lr", default: 0.0, "Learning rate at the start of the warm-up.")

    /// `warmup_num_steps` (default 1000): DeepSpeed raises unless it is a positive `int`.
    static let warmupNumSteps = ParameterSpec.integer(
        "warmup_num_steps", default: 1000,
        "Warm-up length in optimizer steps; a positive integer (DeepSpeed raises otherwise); 1 counts as 2.")

    /// `warmup_type`: `log` (default) or `linear`.
    static let warmupType = ParameterSpec(
        "warmup_type", .string, .value(.string("log")),
        "\"log\" (default): min + (max − min) · ln(i + 1) / ln(W); \"linear\": min + (max − min) · i / W.")

    /// `total_num_steps`: the length of the schedule after which the rate stays at its floor.
    static let totalNumSteps = ParameterSpec(
        "total_num_steps", .number, .required, "Total training steps (optimizer steps).")

    /// The optimizer's `lr`, read where DeepSpeed reads `param_group["lr"]`.
    static func optimizerLR(required: Bool, _ summary: String) -> ParameterSpec {
        ParameterSpec("lr", .number, required ? .required : .none, summary)
    }

    /// `warmup_num_steps` as DeepSpeed checks it: `isinstance(warmup_num_steps, int) and
    /// warmup_num_steps > 0`, else `ValueError` (a float such as `1000.0` raises too).
    static func positiveInteger(_ p: Parameters, _ name: String) throws -> Int {
        guard let raw = try p.raw(name) else { throw p.error(name, "expected a positive integer, found null") }
        let value: Int
        switch raw {
        case .integer(let i): value = i
        case .number(let d):
            throw p.error(name, "\(name) must be a positive integer, got \(d) (DeepSpeed raises ValueError for a float; write \(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "a whole number"))")
        case .string(let s) where s == "auto":
            throw p.error(name, "\"auto\" is filled in by the transformers Trainer's DeepSpeed integration, not by DeepSpeed; give a number, or import the ds_config with a training block (lrplot import)")
        default:
            throw p.error(name, "expected a positive integer, found \(raw.kindDescription)")
        }
        try p.check(value > 0, name, "\(name) must be a positive integer, got \(value) (DeepSpeed raises ValueError)")
        return value
    }

    /// `warmup_type`, where DeepSpeed falls back to `log` with only a warning for an unknown
    /// name; lrplot rejects it instead, so a typo is not silently drawn as a log warm-up.
    static func warmup(_ p: Parameters) throws -> DeepSpeedWarmup {
        let length = try positiveInteger(p, "warmup_num_steps")
        let type = try p.string("warmup_type")
        guard type == "log" || type == "linear" else {
            var message = "unknown warmup_type \"\(type)\"; DeepSpeed would log a warning and use \"log\"; write \"log\" or \"linear\""
            if let close = Suggestion.closest(to: type, in: ["log", "linear"]) { message += " (did you mean \"\(close)\"?)" }
            throw p.error("warmup_type", message)
        }
        return DeepSpeedWarmup(length: length, linear: type == "linear")
    }

    /// A learning-rate value: a number, or `"auto"` rejected with the way to fill it.
    static func rate(_ p: Parameters, _ name: String) throws -> Double? {
        if case .string("auto")? = try p.raw(name) {
            throw p.error(name, "\"auto\" is filled in by the transformers Trainer's DeepSpeed integration; give a number, or import the ds_config with a training block that sets learning_rate")
        }
        return try p.optionalNumber(name)
    }
}

/// DeepSpeed's warm-up factor `gamma(i)` for iteration `i < W`, with `W = max(2, warmup_num_steps)`:
/// `log`: `(1.0 / math.log(W)) * math.log(i + 1)`; `linear`: `i / W`.
struct DeepSpeedWarmup: Sendable {
    /// `self.warmup_num_steps = max(2, warmup_num_steps)`.
    let steps: Int
    let linear: Bool
    /// `self.inverse_log_warm_up = 1.0 / math.log(self.warmup_num_steps)`.
    let inverseLog: Double

    init(length: Int, linear: Bool) {
        self.steps = Swift.max(2, length)
        self.linear = linear
        self.inverseLog = 1.0 / Foundation.log(Double(steps))
    }

    /// The first step at the warm-up's end, `W + 1` (values[t] is the rate at iteration
    /// t − 1), as a Python int: `warmup_num_steps` may be `Int.max`.
    var peak: Int128 { Int128(steps) + 1 }

    /// The factor in `[0, 1)` during the warm-up (`iteration < steps`, `iteration ≥ 0`).
    func gamma(_ iteration: Int) -> Double {
        linear ? Double(iteration) / Double(steps) : inverseLog * Foundation.log(Double(iteration + 1))
    }
}
