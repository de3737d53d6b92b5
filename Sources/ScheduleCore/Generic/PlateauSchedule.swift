import Foundation

/// `plateau`: reduce the learning rate when a metric stops improving.
///
/// Metric-driven: round `t` (`t ≥ 1`) is fed `metrics[t − 1]`, the metric measured after
/// step `t − 1`. Starting from `lr`, each round:
/// 1. the metric is *better* than the best so far when, for `mode = min`,
///    `metric < best · (1 − threshold)` (`threshold_mode = rel`) or `metric < best − threshold`
///    (`abs`); for `mode = max`, `metric > best · (1 + threshold)` or `metric > best + threshold`.
///    The best starts at +∞ (`min`) or −∞ (`max`). A better metric becomes the best and
///    resets the count of bad rounds; otherwise the count grows by one.
/// 2. during a cooldown (the `cooldown` rounds after a reduction) the count is held at 0;
/// 3. when the count exceeds `patience`, the rate becomes `max(lr · factor, min_lr)` — only if
///    that lowers it by more than `eps` — the cooldown starts and the count resets.
///
/// This is the algorithm of `torch.optim.lr_scheduler.ReduceLROnPlateau`. The new rate takes
/// effect at the step of the round that triggered it. Once `min_lr` is reached it stays there.
struct PlateauSchedule: Schedule {
    var learningRate: Double
    var givenMetrics: [Double]?
    var maximize: Bool
    var factor: Double
    var patience: Int
    var threshold: Double
    var relativeThreshold: Bool
    var cooldown: Int
    var minLearningRate: Double
    var eps: Double

    init(learningRate: Double, metrics: [Double]?, maximize: Bool, factor: Double, patience: Int,
                threshold: Double, relativeThreshold: Bool, cooldown: Int, minLearningRate: Double, eps: Double) {
        self.learningRate = learningRate
        self.givenMetrics = metrics
        self.maximize = maximize
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.relativeThreshold = relativeThreshold
        self.cooldown = cooldown
        self.minLearningRate = minLearningRate
        self.eps = eps
    }

    var usesMetrics: Bool { true }
    var metrics: [Double]? { givenMetrics }

    func start() -> any ScheduleState { State(schedule: self) }

    /// The steps at which the rate was reduced, replaying the given metrics.
    func breakpoints(below steps: Int) -> [Int] {
        guard let metrics = givenMetrics else { return [] }
        var state = State(schedule: self)
        var points: [Int] = []
        var t = 1
        while t < steps && t - 1 < metrics.count && points.count <= GenericSupport.breakpointLimit {
            let before = state.learningRate
            state.step(metrics[t - 1])
            if state.learningRate != before { points.append(t) }
            t += 1
        }
        return points.count > GenericSupport.breakpointLimit ? [] : points
    }

    /// The reduce-on-plateau state machine.
    struct State: ScheduleState {
        let schedule: PlateauSchedule
        private(set) var learningRate: Double
        var best: Double
        var badRounds = 0
        var cooldownLeft = 0

        init(schedule: PlateauSchedule) {
            self.schedule = schedule
            self.learningRate = schedule.learningRate
            self.best = schedule.maximize ? -Double.infinity : Double.infinity
        }

        func isBetter(_ a: Double) -> Bool {
            let s = schedule
            switch (s.maximize, s.relativeThreshold) {
            case (false, true): return a < best * (1 - s.threshold)
            case (false, false): return a < best - s.threshold
            case (true, true): return a > best * (s.threshold + 1)
            case (true, false): return a > best + s.threshold
            }
        }

        mutating func step(_ metric: Double) {
            if isBetter(metric) {
                best = metric
                badRounds = 0
            } else {
                badRounds += 1
            }
            if cooldownLeft > 0 {
                cooldownLeft -= 1
                badRounds = 0
            }
            if badRounds > schedule.patience {
                let reduced = max(learningRate * schedule.factor, schedule.minLearningRate)
                if learningRate - reduced > schedule.eps { learningRate = reduced }
                cooldownLeft = schedule.cooldown
                badRounds = 0
            }
        }

        mutating func advance(metric: Double?) throws {
            // A round without a metric (never the case through `forEachStep`, which checks the
            // list's length) leaves the state unchanged.
            guard let metric else { return }
            step(metric)
        }
    }
}

extension ScheduleType {
    /// `plateau` — see ``PlateauSchedule``.
    public static let plateau = ScheduleType(
        name: "plateau",
        summary: "Reduces the learning rate by factor when the metric has not improved for patience rounds.",
        formula: "round t gets metrics[t−1]; better = metric < best·(1 − threshold) (min, rel) | < best − threshold (min, abs) | > best·(1 + threshold) (max, rel) | > best + threshold (max, abs); bad rounds counted (held at 0 during cooldown); when bad > patience: lr ← max(lr·factor, min_lr) if that lowers it by more than eps, then cooldown; takes effect at that round's step",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            ParameterSpec("metrics", .numberList, .none, "The metric after each step: round t uses metrics[t − 1]."),
            .choice("mode", ["min", "max"], default: "min", "min: lower metric is better; max: higher is better."),
            .number("factor", default: 0.1, "Multiplier applied on a plateau, in (0, 1)."),
            .integer("patience", default: 10, "Rounds without improvement tolerated before reducing (≥ 0)."),
            .number("threshold", default: 1e-4, "Minimum change that counts as an improvement (≥ 0)."),
            .choice("threshold_mode", ["rel", "abs"], default: "rel", "rel: threshold is relative to the best; abs: absolute."),
            .integer("cooldown", default: 0, "Rounds after a reduction during which bad rounds are not counted (≥ 0)."),
            .number("min_lr", default: 0, "The rate never goes below this (≥ 0)."),
            .number("eps", default: 1e-8, "Reductions smaller than this are skipped (≥ 0)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let metrics = try p.optionalNumberList("metrics")
            let mode = try p.string("mode")
            let factor = try p.number("factor")
            let patience = try p.integer("patience", atLeast: 0)
            let threshold = try p.number("threshold", atLeast: 0)
            let thresholdMode = try p.string("threshold_mode")
            let cooldown = try p.integer("cooldown", atLeast: 0)
            let minLR = try p.number("min_lr", atLeast: 0)
            let eps = try p.number("eps", atLeast: 0)
            try p.check(factor > 0 && factor < 1, "factor", "must be in (0, 1), found \(factor)")
            return PlateauSchedule(learningRate: lr, metrics: metrics, maximize: mode == "max", factor: factor,
                                   patience: patience, threshold: threshold, relativeThreshold: thresholdMode == "rel",
                                   cooldown: cooldown, minLearningRate: minLR, eps: eps)
        })
}
