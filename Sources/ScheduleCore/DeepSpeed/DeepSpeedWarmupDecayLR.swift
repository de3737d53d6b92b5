/// `deepspeed.WarmupDecayLR`: ``DeepSpeedWarmupLR``'s warm-up, then a linear decay to 0 at
/// `total_num_steps`.
///
/// Mirrors `WarmupDecayLR._get_gamma` (DeepSpeed 0.19.8), for iteration `i = t − 1`:
/// ```
/// i < W:  gamma = ln(i + 1) / ln(W) (log) or i / W (linear)
/// i ≥ W:  gamma = max(0.0, float(total_num_steps - i) / float(max(1.0, total_num_steps - W)))
/// values[t] = warmup_min_lr + (warmup_max_lr - warmup_min_lr) * gamma;  values[0] = warmup_min_lr
/// ```
/// with `W = max(2, warmup_num_steps)`. The rate reaches `warmup_min_lr` at iteration
/// `total_num_steps` (step `total_num_steps + 1`) and stays there. A `total_num_steps`
/// below the warm-up only logs a warning in DeepSpeed: the rate then drops to the floor
/// right after the warm-up. An int `total_num_steps` is subtracted as a Python int before
/// `float()` (exact beyond 2⁵³, where `T - i` of two rounded doubles would be 0); a float
/// one in float arithmetic.
struct DeepSpeedWarmupDecayLR: RangeExtrema {
    var minLR: Double
    var maxLR: Double
    var warmup: DeepSpeedWarmup
    /// `total_num_steps`, an int or a float as written.
    var totalNumSteps: PythonNumber

    func value(at step: Int) -> Double {
        guard step > 0 else { return minLR }
        let i = step - 1
        let gamma: Double
        if i < warmup.steps {
            gamma = warmup.gamma(i)
        } else if let total = totalNumSteps.int {
            // float(T - i) / float(max(1.0, T - W)) with Python ints: max returns the int
            // when it exceeds 1.0, else the float 1.0.
            let span = Int128(total) - Int128(warmup.steps)
            gamma = PythonMath.max(0.0, PythonMath.float(Int128(total) - Int128(i)) / (span > 1 ? PythonMath.float(span) : 1.0))
        } else {
            let total = totalNumSteps.value
            gamma = PythonMath.max(0.0, (total - Double(i)) / PythonMath.max(1.0, total - Double(warmup.steps)))
        }
        return minLR + (maxLR - minLR) * gamma
    }

    /// The peak and the first step at the floor.
    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([warmup.peak, Int128(end)], below: steps)
    }

    /// The first step whose iteration reaches `total_num_steps` (the decay's end).
    var end: Int {
        let e = totalNumSteps.value.rounded(.up)
        return e.isFinite && e < 9e15 ? (Swift.max(Int128(Swift.max(e, 0)), Int128(warmup.steps)) + 1).clampedToInt : Int.max
    }

    /// Monotone on the warm-up, the linear decay (the numerator falls by whole numbers over a
    /// fixed denominator) and the floor.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces([1, warmup.peak.clampedToInt, end], in: range)
    }
}

extension ScheduleType {
    /// `deepspeed.WarmupDecayLR` — see ``DeepSpeedWarmupDecayLR``.
    public static let deepSpeedWarmupDecayLR = ScheduleType(
        name: "deepspeed.WarmupDecayLR",
        summary: "DeepSpeed warm-up (log or linear), then linear decay to warmup_min_lr at total_num_steps (deepspeed.runtime.lr_schedules.WarmupDecayLR).",
        formula: """
            DeepSpeed steps it once per optimizer step; values[0] = warmup_min_lr, values[t] = rate at \
            iteration i = t - 1, W = max(2, warmup_num_steps), T = total_num_steps:
              i < W: warmup_min_lr + (warmup_max_lr - warmup_min_lr) * gamma(i), gamma as deepspeed.WarmupLR
              i ≥ W: warmup_min_lr + (warmup_max_lr - warmup_min_lr) * max(0, (T - i) / max(1, T - W))
            Reaches warmup_min_lr at step T + 1 and stays there. warmup_max_lr null takes the optimizer's lr.
            """,
        parameters: [
            DeepSpeedParameters.totalNumSteps,
            DeepSpeedParameters.warmupMinLR,
            ParameterSpec("warmup_max_lr", .number, .value(.number(0.001)), nullable: true, "Learning rate at the end of the warm-up; null takes the optimizer's lr."),
            DeepSpeedParameters.warmupNumSteps,
            DeepSpeedParameters.warmupType,
            DeepSpeedParameters.optimizerLR(required: false, "The optimizer's lr (ds_config optimizer.params.lr); used only when warmup_max_lr is null."),
        ],
        make: { p in
            let warmup = try DeepSpeedParameters.warmup(p)
            return DeepSpeedWarmupDecayLR(
                minLR: try DeepSpeedParameters.rate(p, "warmup_min_lr") ?? 0,
                maxLR: try DeepSpeedParameters.maxLR(p), warmup: warmup,
                totalNumSteps: try DeepSpeedParameters.totalSteps(p))
        })
}

extension DeepSpeedParameters {
    /// `total_num_steps` (an int or a float; `"auto"` is rejected with the way to fill it).
    static func totalSteps(_ p: Parameters) throws -> PythonNumber {
        if case .string("auto")? = try p.raw("total_num_steps") {
            throw p.error("total_num_steps", "\"auto\" is filled in by the transformers Trainer's DeepSpeed integration (its num_training_steps); give a number, or import the ds_config with a training block")
        }
        return try PythonNumber(p, "total_num_steps")
    }
}

extension DeepSpeedWarmupDecayLR: PlannedLength {
    /// `total_num_steps` (rounded up): the run the scheduler was configured for.
    public var plannedSteps: Int {
        let t = totalNumSteps.value.rounded(.up)
        return t.isFinite && t > 0 && t < 9e15 ? Int(t) : 0
    }
}
