import Foundation

/// `warmup`: a warm-up phase in front of any nested schedule.
///
/// With `W = warmup_steps`, `v` = the nested schedule's value at the step where it takes
/// over (the *target*), `s` = `start_lr` if given, else `start_factor · v`, and `p = t / W`:
/// - `t < W`: `linear`: `s + (v − s) · p`; `cosine`: `s + (v − s) · (1 − cos(π·p)) / 2`;
///   `exponential`: `s · (v / s)^p` (needs `s > 0` and `v > 0`); `constant`: `s`;
/// - `t ≥ W`: the nested schedule, at its own step `t − W` (`child_steps = "after_warmup"`,
///   the default: the nested schedule starts at its step 0 when the warm-up ends, as optax's
///   `join_schedules`, Keras' `warmup_steps` and transformers' `get_*_schedule_with_warmup` do —
///   transformers' decay over `num_training_steps − num_warmup_steps` is this with a nested
///   schedule of `total_steps = num_training_steps − num_warmup_steps`), or at step `t`
///   (`child_steps = "global"`: its first `W` steps are replaced by the warm-up, as in timm's
///   default `warmup_prefix=False`).
///
/// The target `v` is the nested schedule's value at step 0 (`after_warmup`) or at step `W`
/// (`global`), so the curve is continuous where the warm-up ends and reaches `v` exactly at
/// `t = W`. A stateful nested schedule is walked step by step (in `global` mode also during
/// the warm-up, fed the metrics of those rounds; its target is found by walking a copy with its
/// own `metrics`). A metric-driven nested schedule's `metrics` are indexed by the global round.
struct WarmupSchedule: Schedule {
    enum Shape: String, Sendable { case linear, cosine, exponential, constant }

    var child: any Schedule
    var warmupSteps: Int
    var shape: Shape
    /// `true`: the child sees the global step; `false`: it starts at its step 0 after warm-up.
    var globalSteps: Bool
    /// The learning rate at step 0.
    var startLearningRate: Double
    /// The child's value where it takes over.
    var target: Double

    /// Builds the warm-up, finding the target from `child`.
    init(child: any Schedule, warmupSteps: Int, shape: Shape, globalSteps: Bool,
                startLearningRate: Double?, startFactor: Double) {
        self.child = child
        self.warmupSteps = warmupSteps
        self.shape = shape
        self.globalSteps = globalSteps
        let target = WarmupSchedule.handoffValue(child, at: globalSteps ? warmupSteps : 0)
        self.target = target
        self.startLearningRate = startLearningRate ?? startFactor * target
    }

    /// The most steps ``handoffValue(_:at:)`` walks a stateful nested schedule to find the
    /// target (10⁹, the most steps lrplot evaluates); `make` refuses a longer warm-up in
    /// `global` mode.
    static let handoffWalkLimit = 1_000_000_000

    /// The child's value at `step`, walking a fresh state when it is not closed-form (and
    /// stopping at its last value if it stops early).
    static func handoffValue(_ child: any Schedule, at step: Int) -> Double {
        if let closed = child as? any ClosedFormSchedule { return closed.value(at: step) }
        var state = child.start()
        let metrics = child.metricFeed
        for t in 0..<step {
            let m = metrics.flatMap { t < $0.count ? $0[t] : nil }
            do { try state.advance(metric: m) } catch { break }
        }
        return state.learningRate
    }

    /// The warm-up value at `step < warmupSteps`.
    func warmupValue(at step: Int) -> Double {
        let p = Double(step) / Double(warmupSteps)
        let s = startLearningRate, v = target
        switch shape {
        case .linear: return s + (v - s) * p
        case .cosine: return s + (v - s) * (1 - cos(Double.pi * p)) / 2
        case .exponential: return s * pow(v / s, p)
        case .constant: return s
        }
    }

    /// The step the child is at when the composite is at `step ≥ warmupSteps`.
    func childStep(_ step: Int) -> Int { globalSteps ? step : step - warmupSteps }

    var usesMetrics: Bool { child.usesMetrics }
    var metrics: [Double]? { child.metrics }
    var metricFeed: MetricFeed? { child.metricFeed }
    var setsMomentum: Bool { child.setsMomentum }

    func breakpoints(below steps: Int) -> [Int] {
        let inner: [Int] = globalSteps
            ? child.breakpoints(below: steps).filter { $0 > warmupSteps }
            : child.breakpoints(below: max(steps - warmupSteps, 0)).map { $0 + warmupSteps }
        return GenericSupport.clean([warmupSteps] + inner, below: steps)
    }

    func start() -> any ScheduleState { State(schedule: self) }

    /// Walks the warm-up, then the child's own state.
    struct State: ScheduleState {
        let schedule: WarmupSchedule
        var step = 0
        var child: any ScheduleState
        private(set) var learningRate: Double

        init(schedule: WarmupSchedule) {
            self.schedule = schedule
            self.child = schedule.child.start()
            self.learningRate = schedule.warmupSteps > 0 ? schedule.warmupValue(at: 0) : child.learningRate
        }

        var momentum: Double? { child.momentum }

        mutating func advance(metric: Double?) throws {
            let next = step + 1
            if schedule.globalSteps || next > schedule.warmupSteps {
                do {
                    try child.advance(metric: metric)
                } catch let stop as ScheduleStop {
                    throw ScheduleStop(step: next, stop.message)
                }
            }
            step = next
            learningRate = next < schedule.warmupSteps ? schedule.warmupValue(at: next) : child.learningRate
        }
    }
}

/// A ``WarmupSchedule`` whose nested schedule is closed-form, and so is itself.
struct ClosedFormWarmupSchedule: ClosedFormSchedule {
    var warmup: WarmupSchedule
    var child: any ClosedFormSchedule

    init(warmup: WarmupSchedule, child: any ClosedFormSchedule) {
        self.warmup = warmup
        self.child = child
    }

    func value(at step: Int) -> Double {
        step < warmup.warmupSteps ? warmup.warmupValue(at: step) : child.value(at: warmup.childStep(step))
    }

    func breakpoints(below steps: Int) -> [Int] { warmup.breakpoints(below: steps) }
    var usesMetrics: Bool { warmup.usesMetrics }
    var metrics: [Double]? { warmup.metrics }
    var metricFeed: MetricFeed? { warmup.metricFeed }
}

extension ScheduleType {
    /// `warmup` — see ``WarmupSchedule``.
    public static let warmup = ScheduleType(
        name: "warmup",
        summary: "A warm-up (linear, cosine, exponential or constant) in front of any nested schedule.",
        formula: "v = nested value where it takes over, s = start_lr or start_factor·v, p = t/W; t < W: linear s + (v − s)·p | cosine s + (v − s)(1 − cos πp)/2 | exponential s·(v/s)^p | constant s; t ≥ W: nested(t − W) (child_steps = after_warmup) or nested(t) (global); reaches v at t = W",
        parameters: [
            .integer("warmup_steps", "Steps of warm-up W (≥ 0); the nested schedule takes over at t = W."),
            ParameterSpec("schedule", .schedule, .required, "The schedule after (or under) the warm-up; any type."),
            .choice("warmup", ["linear", "cosine", "exponential", "constant"], default: "linear", "Shape of the warm-up."),
            ParameterSpec("start_lr", .number, .none, "The learning rate at step 0 (overrides start_factor)."),
            .number("start_factor", default: 0, "The learning rate at step 0 as a fraction of the target (≥ 0)."),
            .choice("child_steps", ["after_warmup", "global"], default: "after_warmup",
                    "after_warmup: the nested schedule starts at its step 0 at t = W; global: it sees t and its first W steps are replaced."),
            ParameterSpec("lr", .number, .none, "Passed to the nested schedule when it does not give its own lr."),
        ],
        make: { p in
            let warmupSteps = try p.integer("warmup_steps", atLeast: 0)
            var inherit: [String: JSONValue] = [:]
            if let lr = try p.optionalNumber("lr") { inherit["lr"] = .number(lr) }
            let child = try p.schedule("schedule", inherit: inherit)
            let shape = WarmupSchedule.Shape(rawValue: try p.string("warmup")) ?? .linear
            let startLR = try p.optionalNumber("start_lr")
            let startFactor = try p.number("start_factor", atLeast: 0)
            if let startLR { try p.check(startLR >= 0, "start_lr", "must be ≥ 0, found \(startLR)") }
            let global = try p.string("child_steps") == "global"
            if global, !(child is any ClosedFormSchedule) {
                try p.check(warmupSteps <= WarmupSchedule.handoffWalkLimit, "warmup_steps",
                            "with child_steps \"global\" the warm-up ends at the value the stateful nested schedule reaches at step warmup_steps, which means walking it that far: at most \(WarmupSchedule.handoffWalkLimit) steps, found \(warmupSteps)")
            }
            let warmup = WarmupSchedule(child: child, warmupSteps: warmupSteps, shape: shape, globalSteps: global,
                                        startLearningRate: startLR, startFactor: startFactor)
            if shape == .exponential && warmupSteps > 0 {
                try p.check(warmup.target > 0, "warmup",
                            "exponential warm-up needs a target > 0, but the nested schedule starts at \(warmup.target)")
                try p.check(warmup.startLearningRate > 0, startLR == nil ? "start_factor" : "start_lr",
                            "exponential warm-up needs a start > 0 (e.g. \"start_factor\": 0.01), found \(warmup.startLearningRate)")
            }
            if let closed = child as? any ClosedFormSchedule {
                return ClosedFormWarmupSchedule(warmup: warmup, child: closed)
            }
            return warmup
        })
}
