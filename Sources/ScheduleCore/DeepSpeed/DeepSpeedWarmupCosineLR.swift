import Foundation

/// `deepspeed.WarmupCosineLR`: the optimizer's own `lr` scaled by a ratio that warms up from
/// `warmup_min_ratio` to 1, then follows a cosine down to `cos_min_ratio` at `total_num_steps`.
///
/// Mirrors `WarmupCosineLR.get_lr_ratio` (DeepSpeed 0.19.8), for iteration `i = t − 1`:
/// ```
/// values[0] = 0.0                                  # get_lr() before the first step()
/// i < W:  ratio = warmup_min_ratio + g(i) * (1 - warmup_min_ratio),
///         g = ln(i + 1) / ln(W) (log) or i / W (linear)
/// i ≥ W:  progress = min(1.0, (i - W + 1) / max(1, total_num_steps - W))
///         ratio = max(0.0, cos_min_ratio + (1 - cos_min_ratio) * (1 + cos(pi * progress)) / 2)
/// values[t] = lr * ratio
/// ```
/// with `W = max(2, warmup_num_steps)`. Unlike the other DeepSpeed schedules it never reads
/// a learning rate of its own: it scales the optimizer's (`lr`), and its first value is 0.
/// An int `total_num_steps` keeps Python's int arithmetic: `max(1, T - W)` is an int and the
/// progress a correctly rounded int quotient (``PythonMath/trueDivide(_:_:)``).
struct DeepSpeedWarmupCosineLR: RangeExtrema {
    var lr: Double
    var warmupMinRatio: Double
    var cosMinRatio: Double
    var warmup: DeepSpeedWarmup
    /// `total_num_steps`, an int or a float as written.
    var totalNumSteps: PythonNumber

    func ratio(_ i: Int) -> Double {
        if i < warmup.steps {
            return warmupMinRatio + warmup.gamma(i) * (1.0 - warmupMinRatio)
        }
        // i ≥ W ≥ 2, so i - W + 1 fits an Int.
        let realLastStep = i - warmup.steps + 1
        let progress: Double
        if let total = totalNumSteps.int {
            // real_total_steps = max(1, T - W) and real_last_step / real_total_steps, both
            // Python ints: the quotient is correctly rounded (no ZeroDivisionError: the
            // divisor is at least 1).
            let span = Int128(total) - Int128(warmup.steps)
            let quotient = (try? PythonMath.trueDivide(Int128(realLastStep), span > 1 ? span : 1)) ?? 0
            progress = PythonMath.min(1.0, quotient)
        } else {
            let realTotalSteps = PythonMath.max(1, totalNumSteps.value - Double(warmup.steps))
            progress = PythonMath.min(1.0, Double(realLastStep) / realTotalSteps)
        }
        let cosine = (1 + cos(Double.pi * progress)) / 2
        return PythonMath.max(0.0, cosMinRatio + (1.0 - cosMinRatio) * cosine)
    }

    func value(at step: Int) -> Double {
        step > 0 ? lr * ratio(step - 1) : 0.0
    }

    /// The first step after the warm-up and the first at the floor.
    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([warmup.peak, Int128(end)], below: steps)
    }

    /// The first step whose progress reaches 1.
    var end: Int {
        let e = (Double(warmup.steps) + PythonMath.max(1, totalNumSteps.value - Double(warmup.steps))).rounded(.up)
        return e.isFinite && e < 9e15 ? Int(e) : Int.max
    }

    /// Step 0 (zero) and 1, the warm-up, the cosine (monotone in its progress) and the floor.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces([1, 2, warmup.peak.clampedToInt, end], in: range)
    }
}

extension ScheduleType {
    /// `deepspeed.WarmupCosineLR` — see ``DeepSpeedWarmupCosineLR``.
    public static let deepSpeedWarmupCosineLR = ScheduleType(
        name: "deepspeed.WarmupCosineLR",
        summary: "DeepSpeed: the optimizer's lr scaled by a warm-up ratio, then a cosine to cos_min_ratio (deepspeed.runtime.lr_schedules.WarmupCosineLR).",
        formula: """
            DeepSpeed steps it once per optimizer step; values[0] = 0.0, values[t] = lr * ratio(i), i = t - 1, \
            W = max(2, warmup_num_steps), T = total_num_steps:
              i < W: ratio = warmup_min_ratio + g(i) * (1 - warmup_min_ratio), g = ln(i + 1) / ln(W) or i / W
              i ≥ W: p = min(1, (i - W + 1) / max(1, T - W))
                     ratio = max(0, cos_min_ratio + (1 - cos_min_ratio) * (1 + cos(pi * p)) / 2)
            Holds lr * cos_min_ratio once p reaches 1.
            """,
        parameters: [
            DeepSpeedParameters.optimizerLR(required: true, "The optimizer's lr (ds_config optimizer.params.lr), which the ratio scales."),
            DeepSpeedParameters.totalNumSteps,
            .number("warmup_min_ratio", default: 0.0, "Ratio of lr at the start of the warm-up."),
            DeepSpeedParameters.warmupNumSteps,
            .number("cos_min_ratio", default: 0.0001, "Ratio of lr at the end of the cosine."),
            DeepSpeedParameters.warmupType,
        ],
        make: { p in
            guard let lr = try DeepSpeedParameters.rate(p, "lr") else { throw p.error("lr", "expected a number, found null") }
            return DeepSpeedWarmupCosineLR(
                lr: lr, warmupMinRatio: try p.number("warmup_min_ratio"), cosMinRatio: try p.number("cos_min_ratio"),
                warmup: try DeepSpeedParameters.warmup(p), totalNumSteps: try DeepSpeedParameters.totalSteps(p))
        })
}

extension DeepSpeedWarmupCosineLR: PlannedLength {
    /// `total_num_steps` (rounded up): the run the scheduler was configured for.
    public var plannedSteps: Int {
        let t = totalNumSteps.value.rounded(.up)
        return t.isFinite && t > 0 && t < 9e15 ? Int(t) : 0
    }
}
