/// A transformers schedule built as `torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)`.
///
/// `LambdaLR` sets the learning rate to `base_lr * lr_lambda(last_epoch)`, with `last_epoch`
/// 0 at construction and `t` after `t` calls of `scheduler.step()`; so
/// `values[t] = lr * lr_lambda(t)`, computed in that order. The lambdas are pure functions of
/// the step, hence closed forms.
public protocol HFLambdaSchedule: RaisingClosedFormSchedule {
    /// The optimizer's initial learning rate (`base_lr`).
    var lr: Double { get }

    /// The schedule's `lr_lambda(t)`, mirroring the Python float operations.
    func lambda(_ step: Int) throws(PythonRaise) -> Double
}

extension HFLambdaSchedule {
    public func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        lr * (try lambda(step))
    }
}

/// Parameter declarations and helpers shared by the `hf.*` types.
enum HFParameters {
    /// `lr`: the optimizer's learning rate (torch's SGD rejects negative values).
    static let lr = ParameterSpec.number("lr", "The optimizer's initial learning rate (LambdaLR's base_lr).")

    /// `num_warmup_steps`, which `get_scheduler` requires for this type.
    static let warmupRequired = ParameterSpec(
        "num_warmup_steps", .integer, .required,
        "Warmup steps; get_scheduler raises \"requires `num_warmup_steps`\" without it.")

    /// `num_training_steps`, which `get_scheduler` requires for this type.
    static let trainingRequired = ParameterSpec(
        "num_training_steps", .integer, .required,
        "Total training steps; get_scheduler raises \"requires `num_training_steps`\" without it.")

    /// `num_warmup_steps` accepted by `get_scheduler` but not passed on for this type.
    static let warmupIgnored = ParameterSpec(
        "num_warmup_steps", .integer, .none, "Accepted by get_scheduler and ignored for this type.")

    /// `num_training_steps` accepted by `get_scheduler` but not passed on for this type.
    static let trainingIgnored = ParameterSpec(
        "num_training_steps", .integer, .none, "Accepted by get_scheduler and ignored for this type.")

    /// The metric list of the metric-driven types.
    static let metrics = ParameterSpec(
        "metrics", .numberList, .none,
        "One metric per round: round t calls scheduler.step(metrics[t-1]).")

    /// Reads and validates `lr` as torch's optimizers do (`Invalid learning rate`).
    static func learningRate(_ p: Parameters) throws -> Double {
        let lr = try p.number("lr")
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr) (torch optimizers need lr ≥ 0)")
        return lr
    }

    /// The distinct steps of `candidates` in `1 ..< steps`, ascending (for `breakpoints(below:)`).
    static func marks(_ candidates: [Int], below steps: Int) -> [Int] {
        Array(Set(candidates.filter { $0 > 0 && $0 < steps })).sorted()
    }

    /// The linear warmup shared by most lambdas:
    /// `float(current_step) / float(max(1, num_warmup_steps))`.
    static func linearWarmup(_ step: Int, _ warmup: Int) -> Double {
        Double(step) / Double(Swift.max(1, warmup))
    }
}


