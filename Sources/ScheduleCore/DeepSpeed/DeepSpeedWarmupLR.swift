/// `deepspeed.WarmupLR`: warm up from `warmup_min_lr` to `warmup_max_lr` over
/// `warmup_num_steps` steps (logarithmically by default), then hold `warmup_max_lr`.
///
/// Mirrors `WarmupLR` in `deepspeed/runtime/lr_schedules.py` (0.19.8), for iteration
/// `i = t − 1` (see ``DeepSpeedParameters``):
/// ```
/// values[0] = warmup_min_lr                  # get_lr() before the first step()
/// values[t] = warmup_min_lr + (warmup_max_lr - warmup_min_lr) * gamma(t - 1)
/// gamma(i) = ln(i + 1) / ln(W) (log) or i / W (linear) for i < W, else 1.0
/// ```
/// with `W = max(2, warmup_num_steps)`. So `values[1]` is still `warmup_min_lr`, the maximum
/// is reached at `t = W + 1`, and it holds forever. `warmup_max_lr = None` takes the
/// optimizer's `lr`.
struct DeepSpeedWarmupLR: RangeExtrema {
    var minLR: Double
    var maxLR: Double
    var warmup: DeepSpeedWarmup

    func value(at step: Int) -> Double {
        guard step > 0 else { return minLR }
        let i = step - 1
        let gamma = i < warmup.steps ? warmup.gamma(i) : 1.0
        return minLR + (maxLR - minLR) * gamma
    }

    /// The first step at the maximum.
    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([warmup.peak], below: steps)
    }

    /// Monotone through the warm-up (`ln` and `i / W` rise), then constant.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces([1, warmup.peak.clampedToInt], in: range)
    }
}

extension ScheduleType {
    /// `deepspeed.WarmupLR` — see ``DeepSpeedWarmupLR``.
    public static let deepSpeedWarmupLR = ScheduleType(
        name: "deepspeed.WarmupLR",
        summary: "DeepSpeed warm-up from warmup_min_lr to warmup_max_lr (log or linear), then constant (deepspeed.runtime.lr_schedules.WarmupLR).",
        formula: """
            DeepSpeed steps it once per optimizer step; values[0] = warmup_min_lr (set by the constructor), \
            values[t] = rate at iteration i = t - 1, W = max(2, warmup_num_steps):
              i < W: warmup_min_lr + (warmup_max_lr - warmup_min_lr) * gamma(i),
                     gamma = ln(i + 1) / ln(W) ("log", the default) or i / W ("linear")
              i ≥ W: warmup_max_lr, forever.
            values[1] = warmup_min_lr too. warmup_max_lr null takes the optimizer's lr.
            warmup_num_steps must be a positive integer (DeepSpeed raises ValueError otherwise).
            """,
        parameters: [
            DeepSpeedParameters.warmupMinLR,
            ParameterSpec("warmup_max_lr", .number, .none, "Learning rate at the end of the warm-up; null takes the optimizer's lr."),
            DeepSpeedParameters.warmupNumSteps,
            DeepSpeedParameters.warmupType,
            DeepSpeedParameters.optimizerLR(required: false, "The optimizer's lr (ds_config optimizer.params.lr); used only when warmup_max_lr is null."),
        ],
        make: { p in
            // DeepSpeed checks warmup_num_steps first, then reads the rates.
            let warmup = try DeepSpeedParameters.warmup(p)
            let minLR = try DeepSpeedParameters.rate(p, "warmup_min_lr") ?? 0
            return DeepSpeedWarmupLR(minLR: minLR, maxLR: try DeepSpeedParameters.maxLR(p), warmup: warmup)
        })
}

extension DeepSpeedParameters {
    /// `warmup_max_lr`, or the optimizer's `lr` when it is null (`WarmupLR.__init__`).
    static func maxLR(_ p: Parameters) throws -> Double {
        if let max = try rate(p, "warmup_max_lr") { return max }
        guard let lr = try rate(p, "lr") else {
            throw p.error("warmup_max_lr", "is null, so \(p.typeName) takes the optimizer's learning rate: give \"lr\" (ds_config optimizer.params.lr) or a number here")
        }
        return lr
    }
}
