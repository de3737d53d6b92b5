/// `hf.greedy`: transformers' `GreedyLR` (`get_scheduler("greedy")`), an adaptive schedule
/// that raises the learning rate while the metric keeps improving and lowers it on plateaus.
///
/// Metric-driven: round `t` calls `scheduler.step(metrics[t - 1])`. `values[0] = lr`.
/// `num_warmup_steps` and `num_training_steps` are accepted by `get_scheduler` and ignored.
///
/// GreedyLR couples its parameter groups: the reset countdown runs only while every group sits
/// at its `min_lr`, and a reset restores every group. So the state walks all groups (`lrs`,
/// `minLRs`, `maxLRs`, one entry each) and reports group `index`.
struct HFGreedySchedule: Schedule {
    enum Mode: String, Sendable { case min, max }
    enum ThresholdMode: String, Sendable { case rel, abs }

    /// The initial learning rate of each parameter group (`_init_lrs`).
    var lrs: [Double]
    /// The group this schedule reports.
    var index: Int
    var mode: Mode
    var factor: Double
    var patience: Int
    var threshold: Double
    var thresholdMode: ThresholdMode
    var cooldown: Int
    var warmup: Int
    var minLRs: [Double]
    var maxLRs: [Double]
    var eps: Double
    var smooth: Bool
    var windowSize: Int
    var resetStart: Int
    let metrics: [Double]?

    init(lrs: [Double], index: Int = 0, mode: Mode, factor: Double, patience: Int, threshold: Double,
         thresholdMode: ThresholdMode, cooldown: Int, warmup: Int, minLRs: [Double], maxLRs: [Double],
         eps: Double, smooth: Bool, windowSize: Int, resetStart: Int, metrics: [Double]?) {
        self.lrs = lrs
        self.index = index
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.warmup = warmup
        self.minLRs = minLRs
        self.maxLRs = maxLRs
        self.eps = eps
        self.smooth = smooth
        self.windowSize = windowSize
        self.resetStart = resetStart
        self.metrics = metrics
    }

    var usesMetrics: Bool { true }

    func start() -> any ScheduleState { State(schedule: self) }

    /// `GreedyLR`'s state after some rounds of `step(metric)`, for every group.
    struct State: ScheduleState {
        let schedule: HFGreedySchedule
        /// Each group's lr.
        var learningRates: [Double]
        var best: Double
        var numBadEpochs = 0
        var numGoodEpochs = 0
        var cooldownCounter = 0
        var warmupCounter = 0
        var resetStart: Int
        var window: [Double] = []
        var windowStart = 0
        var windowSum = 0.0
        var step = 0

        init(schedule: HFGreedySchedule) {
            self.schedule = schedule
            self.learningRates = schedule.lrs
            self.best = schedule.mode == .min ? .infinity : -.infinity
            self.resetStart = schedule.resetStart
        }

        var learningRate: Double { learningRates[schedule.index] }

        /// `StreamingAverage.streamavg`: a running sum over the last `window_size` values.
        mutating func streamAverage(_ value: Double) throws -> Double {
            window.append(value)
            windowSum += value
            if window.count - windowStart > schedule.windowSize {
                let removed = window[windowStart]
                windowStart += 1
                windowSum -= removed
                if windowStart > 1024 && windowStart * 2 > window.count {
                    window.removeFirst(windowStart)
                    windowStart = 0
                }
            }
            let count = window.count - windowStart
            guard count > 0 else {
                throw ScheduleStop(step: step + 1, "ZeroDivisionError: float division by zero (StreamingAverage with window_size \(schedule.windowSize))")
            }
            return windowSum / Double(count)
        }

        func isBetter(_ a: Double, than best: Double) -> Bool {
            switch (schedule.mode, schedule.thresholdMode) {
            case (.min, .rel): return a < best * (1.0 - schedule.threshold)
            case (.min, .abs): return a < best - schedule.threshold
            case (.max, .rel): return a > best * (1.0 + schedule.threshold)
            case (.max, .abs): return a > best + schedule.threshold
            }
        }

        mutating func advance(metric: Double?) throws {
            guard var current = metric else {
                throw ScheduleStop(step: step + 1, "GreedyLR.step needs a metric (float(None) raises TypeError)")
            }
            if schedule.smooth { current = try streamAverage(current) }
            if cooldownCounter > 0 {
                cooldownCounter -= 1
                numBadEpochs = 0
                numGoodEpochs = 0
            } else if warmupCounter > 0 {
                warmupCounter -= 1
                numBadEpochs = 0
                numGoodEpochs = 0
            } else {
                if isBetter(current, than: best) {
                    best = current
                    numBadEpochs = 0
                    numGoodEpochs += 1
                } else {
                    numBadEpochs += 1
                    numGoodEpochs = 0
                }
                if numGoodEpochs > schedule.patience {
                    try increase()
                    warmupCounter = schedule.warmup
                    numGoodEpochs = 0
                } else if numBadEpochs > schedule.patience {
                    reduce()
                    cooldownCounter = schedule.cooldown
                    numBadEpochs = 0
                }
            }
            step += 1
        }

        /// `_increase_lr`: for each group `new = min(lr / factor, max_lr)`, applied when it
        /// raises lr by more than `eps`; restarts the reset countdown.
        mutating func increase() throws {
            guard schedule.factor != 0 else {
                throw ScheduleStop(step: step + 1, "ZeroDivisionError: float division by zero (lr / factor with factor 0)")
            }
            for g in learningRates.indices {
                let old = learningRates[g]
                let newLR = PythonMath.min(old / schedule.factor, schedule.maxLRs[g])
                if newLR - old > schedule.eps { learningRates[g] = newLR }
            }
            resetStart = schedule.resetStart
        }

        /// `_reduce_lr`: for each group `new = max(lr * factor, min_lr)`, applied when it lowers
        /// lr by more than `eps`; while every group sits at its `min_lr` the reset countdown
        /// runs, and at 0 everything returns to the initial state.
        mutating func reduce() {
            var allAtMin = true
            for g in learningRates.indices {
                let old = learningRates[g]
                let newLR = PythonMath.max(old * schedule.factor, schedule.minLRs[g])
                if old - newLR > schedule.eps { learningRates[g] = newLR }
                if learningRates[g] > schedule.minLRs[g] { allAtMin = false }
            }
            if allAtMin {
                // `reset_start -= 1; if reset_start <= 0: reset()` (without going below Int.min).
                if resetStart <= 1 { reset() } else { resetStart -= 1 }
            }
        }

        /// `_reset`: initial lrs, best, counters and smoothing window.
        mutating func reset() {
            learningRates = schedule.lrs
            best = schedule.mode == .min ? .infinity : -.infinity
            numBadEpochs = 0
            numGoodEpochs = 0
            cooldownCounter = 0
            warmupCounter = 0
            resetStart = schedule.resetStart
            window = []
            windowStart = 0
            windowSum = 0
        }
    }
}

extension ScheduleType {
    /// `hf.greedy` — see ``HFGreedySchedule``.
    public static let hfGreedy = ScheduleType(
        name: "hf.greedy",
        summary: "transformers GreedyLR: raises lr while the metric improves, lowers it on plateaus (get_scheduler(\"greedy\")).",
        formula: """
            values[0] = lr; round t calls step(metrics[t-1]) with a = metric (or its running mean
            over window_size values when smooth):
              cooldown > 0: cooldown -= 1, good = bad = 0
              elif warmup > 0: warmup -= 1, good = bad = 0
              else: better = a < best - threshold (min, abs) | a < best*(1-threshold) (min, rel)
                             | a > best + threshold (max, abs) | a > best*(1+threshold) (max, rel)
                    better: best = a, bad = 0, good += 1; else bad += 1, good = 0
                    good > patience: lr = min(lr/factor, max_lr) if that raises it by > eps;
                                     warmup = warmup steps; good = 0
                    elif bad > patience: lr = max(lr*factor, min_lr) if that lowers it by > eps;
                                     cooldown = cooldown steps; bad = 0; after reset_start
                                     reductions at min_lr everything resets to the start.
            Needs one metric per round (steps - 1 of them). With parameter groups, each group is
            raised and lowered against its own min_lr and max_lr, the reset countdown runs only
            while every group is at its min_lr, and a reset restores every group.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupIgnored, HFParameters.trainingIgnored,
            .choice("mode", ["min", "max"], default: "min", "min: the metric should decrease; max: increase."),
            .number("factor", default: 0.95, "lr is multiplied by factor on a plateau and divided by it on improvement (< 1)."),
            .integer("patience", default: 10, "Rounds of improvement (or of none) before lr changes."),
            .number("threshold", default: 1e-6, "Minimum change that counts as an improvement."),
            .choice("threshold_mode", ["rel", "abs"], default: "abs", "rel: relative to best; abs: absolute."),
            .integer("cooldown", default: 0, "Rounds to wait after a decrease."),
            .integer("warmup", default: 0, "Rounds to wait after an increase."),
            ParameterSpec("min_lr", .numberPerGroup, .value(.number(1e-3)), "Lower bound on the learning rate; a list gives one per parameter group."),
            ParameterSpec("max_lr", .numberPerGroup, .value(.number(1.0)), "Upper bound on the learning rate; a list gives one per parameter group."),
            .number("eps", default: 1e-8, "Changes smaller than this are skipped."),
            .bool("verbose", default: false, "Prints each change (no effect on values)."),
            .bool("smooth", default: false, "Use the running mean of the last window_size metrics."),
            .integer("window_size", default: 50, "Window of the running mean when smooth."),
            .integer("reset_start", default: 500, "Reductions at min_lr before everything resets."),
            HFParameters.metrics,
        ],
        makeGroups: { p in
            _ = try p.optionalInteger("num_warmup_steps")
            _ = try p.optionalInteger("num_training_steps")
            _ = try p.bool("verbose")
            let lrs = try HFParameters.learningRates(p)
            let factor = try p.number("factor")
            try p.check(factor < 1.0, "factor", "Factor should be < 1.0. (found \(PythonFormat.float(factor)))")
            func perGroup(_ name: String) throws -> [Double] {
                let given = try p.perGroupNumbers(name)
                guard given.isList else { return Array(repeating: given.values[0], count: lrs.count) }
                try p.check(given.values.count == lrs.count, name, "expected \(lrs.count) \(name)s, got \(given.values.count)")
                return given.values
            }
            let minLRs = try perGroup("min_lr"), maxLRs = try perGroup("max_lr")
            let mode = try p.string("mode") { "mode \($0) is unknown!" }
            let thresholdMode = try p.string("threshold_mode") { "threshold mode \($0) is unknown!" }
            let schedule = try HFGreedySchedule(
                lrs: lrs,
                mode: mode == "min" ? .min : .max,
                factor: factor,
                patience: p.integer("patience"),
                threshold: p.number("threshold"),
                thresholdMode: thresholdMode == "rel" ? .rel : .abs,
                cooldown: p.integer("cooldown"),
                warmup: p.integer("warmup"),
                minLRs: minLRs,
                maxLRs: maxLRs,
                eps: p.number("eps"),
                smooth: p.bool("smooth"),
                windowSize: p.integer("window_size"),
                resetStart: p.integer("reset_start"),
                metrics: p.optionalNumberList("metrics"))
            return lrs.indices.map { g in
                var group = schedule
                group.index = g
                return group
            }
        })
}
