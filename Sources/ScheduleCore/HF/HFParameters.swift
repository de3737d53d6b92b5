/// Parameter declarations and helpers shared by the `hf.*` types.
enum HFParameters {
    /// `lr`: the optimizer's learning rate (torch's SGD rejects negative values).
    static let lr = ParameterSpec(
        "lr", .numberPerGroup, .required,
        "The optimizer's initial learning rate (LambdaLR's base_lr); a list gives one parameter group per entry (the optimizer's default lr, read by polynomial and min_lr, is the first).")

    /// `num_warmup_steps`, which `get_scheduler` requires for this type.
    static let warmupRequired = ParameterSpec(
        "num_warmup_steps", .integer, .required,
        "Steps of the warmup; get_scheduler requires it for this type.")

    /// `num_training_steps`, which `get_scheduler` requires for this type.
    static let trainingRequired = ParameterSpec(
        "num_training_steps", .integer, .required,
        "Total training steps; get_scheduler requires it for this type.")

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

    /// The learning rate of each parameter group, as `torch.optim.SGD([{"params": …, "lr":
    /// lr[g]}, …], lr=lr[0])` takes them: SGD checks only its default lr, the first
    /// (`Invalid learning rate`).
    static func learningRates(_ p: Parameters) throws -> [Double] {
        let lrs = try p.perGroupNumbers("lr").values
        guard let first = lrs.first else {
            throw p.error("lr", "needs at least one learning rate (torch: optimizer got an empty parameter list)")
        }
        try p.check(first >= 0, "lr", "Invalid learning rate: \(PythonFormat.float(first)) (torch optimizers need lr ≥ 0)")
        return lrs
    }

    /// The distinct steps of `candidates` in `1 ..< steps`, ascending (for `breakpoints(below:)`).
    static func marks(_ candidates: [Int], below steps: Int) -> [Int] {
        Array(Set(candidates.filter { $0 > 0 && $0 < steps })).sorted()
    }

    /// ``marks(_:below:)`` of steps computed as Python ints (sums of step counts, which may
    /// leave `Int`'s range; those are never below `steps`).
    static func marks(_ candidates: [Int128], below steps: Int) -> [Int] {
        marks(candidates.map(\.clampedToInt), below: steps)
    }

    /// `float(a - b) / float(max(1, c - d))`, transformers' progress through a phase, with
    /// the differences exact (Python ints).
    static func progress(_ a: Int, minus b: Int, over c: Int, minus d: Int) -> Double {
        PythonMath.float(Int128(a) - Int128(b)) / PythonMath.float(Swift.max(1, Int128(c) - Int128(d)))
    }

    /// The linear warmup shared by most lambdas:
    /// `float(current_step) / float(max(1, num_warmup_steps))`.
    static func linearWarmup(_ step: Int, _ warmup: Int) -> Double {
        Double(step) / Double(Swift.max(1, warmup))
    }
}


