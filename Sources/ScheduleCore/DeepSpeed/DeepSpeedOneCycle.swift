import Foundation

/// `deepspeed.OneCycle`: DeepSpeed's 1Cycle policy — a triangular cycle from `cycle_min_lr` up
/// to `cycle_max_lr` and back (optionally in stairs), then a post-cycle decay, with Adam's
/// `beta1` cycled inversely between `cycle_max_mom` and `cycle_min_mom`.
///
/// Mirrors `OneCycle` in `deepspeed/runtime/lr_schedules.py` (0.19.8), for iteration
/// `i = t − 1` and `b = i + 1 = t` (`batch_iteration`), `S = first + second` (floats):
/// ```
/// values[0] = cycle_min_lr, momentum[0] = cycle_min_mom        # set by the constructor
/// i < S (cycle):
///   cycle = floor(1 + b / S);  x = 1. + b / S - cycle
///   x <= first / S: scale = x / (first / S), stairs = cycle_first_stair_count
///   else:           scale = (x - 1) / (first / S - 1), stairs = cycle_second_stair_count
///   stairs > 0: c = b % S; pos = c * stairs / first if c <= first else (S - c) * stairs / second
///               scale = floor(pos) / stairs
///   lr = cycle_min_lr + (cycle_max_lr - cycle_min_lr) * scale
///   momentum = cycle_max_mom - (cycle_max_mom - cycle_min_mom) * scale
/// i ≥ S (decay), d = i - S + 1:
///   lr = cycle_min_lr / (1 + decay_lr_rate * d / decay_step_size)     (cycle_min_lr if skipped)
///   momentum = cycle_max_mom * (1 + decay_mom_rate * d / decay_step_size)  (cycle_max_mom if skipped)
/// ```
/// The lr decay is skipped when `decay_step_size` or `decay_lr_rate` is 0, the momentum decay
/// when `decay_step_size` or `decay_mom_rate` is 0. The momentum is Adam's `beta1`: DeepSpeed
/// writes `betas = (momentum, 0.99)`, so it also sets `beta2` to 0.99; with an optimizer
/// without `betas` DeepSpeed turns `cycle_momentum` off with a warning.
struct DeepSpeedOneCycle: ClosedFormSchedule {
    var minLR: Double
    var maxLR: Double
    var decayLRRate: Double
    /// `first_step_size`, `second_step_size` and `total_size`, floats as DeepSpeed keeps them.
    var firstStepSize: Double
    var secondStepSize: Double
    var firstStairCount: Double
    var secondStairCount: Double
    var decayStepSize: Double
    var cycleMomentum: Bool
    var minMomentum: Double
    var maxMomentum: Double
    var decayMomentumRate: Double

    var totalSize: Double { firstStepSize + secondStepSize }
    var stepRatio: Double { firstStepSize / totalSize }
    var skipsLRDecay: Bool { decayStepSize == 0 || decayLRRate == 0 }
    var skipsMomentumDecay: Bool { decayStepSize == 0 || decayMomentumRate == 0 }

    var setsMomentum: Bool { cycleMomentum }

    /// `_get_scale_factor()` at `batch_iteration = b`.
    func scaleFactor(_ b: Int) -> Double {
        let bi = Double(b)
        let cycle = (1 + bi / totalSize).rounded(.down)
        let x = 1.0 + bi / totalSize - cycle
        var scale: Double
        let stairs: Double
        if x <= stepRatio {
            scale = x / stepRatio
            stairs = firstStairCount
        } else {
            scale = (x - 1) / (stepRatio - 1)
            stairs = secondStairCount
        }
        if stairs > 0 {
            // batch_iteration % total_size: a float modulo (total_size > 0, so never raises).
            let c = (try? PythonMath.modulo(bi, totalSize)) ?? .nan
            let position = c <= firstStepSize ? c * stairs / firstStepSize : (totalSize - c) * stairs / secondStepSize
            scale = position.rounded(.down) / stairs
        }
        return scale
    }

    /// `get_lr()` at iteration `i ≥ 0`.
    func rate(_ i: Int) -> Double {
        if Double(i) < totalSize {
            return minLR + (maxLR - minLR) * scaleFactor(i + 1)
        }
        if skipsLRDecay { return minLR }
        // decay_batch_iteration = last_batch_iteration - total_size + 1
        let interval = Double(i) - totalSize + 1
        return minLR / (1 + decayLRRate * (interval / decayStepSize))
    }

    /// `get_mom()[0][0]` at iteration `i ≥ 0`.
    func momentum(_ i: Int) -> Double {
        if Double(i) < totalSize {
            return maxMomentum - (maxMomentum - minMomentum) * scaleFactor(i + 1)
        }
        if skipsMomentumDecay { return maxMomentum }
        let interval = Double(i) - totalSize + 1
        return maxMomentum * (1 + decayMomentumRate * (interval / decayStepSize))
    }

    func value(at step: Int) -> Double { step > 0 ? rate(step - 1) : minLR }

    func momentum(at step: Int) -> Double? {
        guard cycleMomentum else { return nil }
        return step > 0 ? momentum(step - 1) : minMomentum
    }

    /// The peak, the end of the cycle.
    func breakpoints(below steps: Int) -> [Int] {
        guard firstStepSize.isFinite, totalSize.isFinite, totalSize < 9e15 else { return [] }
        return HFParameters.marks([Int(saturating: firstStepSize.rounded(.up)), Int(saturating: totalSize.rounded(.up)) + 1], below: steps)
    }

    func start() -> any ScheduleState { State(schedule: self) }

    /// Walks the schedule, reporting the momentum when `cycle_momentum` is on.
    struct State: ScheduleState {
        let schedule: DeepSpeedOneCycle
        var step = 0
        var learningRate: Double
        var momentum: Double?

        init(schedule: DeepSpeedOneCycle) {
            self.schedule = schedule
            self.learningRate = schedule.value(at: 0)
            self.momentum = schedule.momentum(at: 0)
        }

        mutating func advance(metric: Double?) throws {
            step += 1
            learningRate = schedule.value(at: step)
            momentum = schedule.momentum(at: step)
        }
    }
}

extension ScheduleType {
    /// `deepspeed.OneCycle` — see ``DeepSpeedOneCycle``.
    public static let deepSpeedOneCycle = ScheduleType(
        name: "deepspeed.OneCycle",
        summary: "DeepSpeed 1Cycle: cycle_min_lr → cycle_max_lr → cycle_min_lr (optionally in stairs), then decay; cycles Adam's beta1 (deepspeed.runtime.lr_schedules.OneCycle).",
        formula: """
            DeepSpeed steps it once per optimizer step; values[0] = cycle_min_lr (momentum cycle_min_mom), \
            values[t] at b = t, S = first + second:
              t ≤ S: x = 1 + b/S - floor(1 + b/S); scale = x / (first/S) while x ≤ first/S, else (x - 1)/(first/S - 1);
                     with a stair count n > 0 for that half: scale = floor(c * n / first) / n (rising half,
                     c = b % S ≤ first) or floor((S - c) * n / second) / n (falling half);
                     lr = min + (max - min) * scale, momentum = max_mom - (max_mom - min_mom) * scale
              t > S: d = t - S; lr = cycle_min_lr / (1 + decay_lr_rate * d / decay_step_size),
                     momentum = cycle_max_mom * (1 + decay_mom_rate * d / decay_step_size)
                     (held at cycle_min_lr / cycle_max_mom when decay_step_size or the rate is 0).
            The momentum is Adam's beta1 (DeepSpeed sets betas = (momentum, 0.99)).
            cycle_first_step_size must be > 0 and cycle_second_step_size ≥ 0 (DeepSpeed raises ValueError).
            """,
        parameters: [
            .number("cycle_min_lr", "Lower learning rate of the cycle (and where it starts)."),
            .number("cycle_max_lr", "Upper learning rate of the cycle."),
            .number("decay_lr_rate", default: 0.0, "Post-cycle decay rate of the learning rate (0: no decay)."),
            .number("cycle_first_step_size", default: 2000, "Steps of the rising half."),
            ParameterSpec("cycle_second_step_size", .number, .none, "Steps of the falling half (null: as the rising half)."),
            .number("cycle_first_stair_count", default: 0, "Stairs in the rising half (0: continuous)."),
            ParameterSpec("cycle_second_stair_count", .number, .none, "Stairs in the falling half (null: as the rising half)."),
            .number("decay_step_size", default: 0, "Interval of the post-cycle decay (0: no decay)."),
            .bool("cycle_momentum", default: true, "Cycle Adam's beta1 inversely to the learning rate."),
            .number("cycle_min_mom", default: 0.8, "Lower momentum (beta1) of the cycle."),
            .number("cycle_max_mom", default: 0.9, "Upper momentum (beta1) of the cycle."),
            .number("decay_mom_rate", default: 0.0, "Post-cycle growth rate of the momentum (0: none)."),
        ],
        make: { p in
            let first = try p.number("cycle_first_step_size")
            let second = try p.optionalNumber("cycle_second_step_size") ?? first
            try p.check(first > 0, "cycle_first_step_size", "cycle_first_step_size must be positive, got \(first) (DeepSpeed raises ValueError)")
            try p.check(second >= 0, "cycle_second_step_size", "cycle_second_step_size must be non-negative, got \(second) (DeepSpeed raises ValueError)")
            let firstStairs = try p.number("cycle_first_stair_count")
            return DeepSpeedOneCycle(
                minLR: try p.number("cycle_min_lr"), maxLR: try p.number("cycle_max_lr"),
                decayLRRate: try p.number("decay_lr_rate"),
                firstStepSize: first, secondStepSize: second,
                firstStairCount: firstStairs,
                secondStairCount: try p.optionalNumber("cycle_second_stair_count") ?? firstStairs,
                decayStepSize: try p.number("decay_step_size"),
                cycleMomentum: try p.bool("cycle_momentum"),
                minMomentum: try p.number("cycle_min_mom"), maxMomentum: try p.number("cycle_max_mom"),
                decayMomentumRate: try p.number("decay_mom_rate"))
        })
}
