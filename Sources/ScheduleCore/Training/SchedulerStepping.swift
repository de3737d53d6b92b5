/// How many times a trainer steps the scheduler after each optimizer step: the map from
/// optimizer steps done, `k`, to scheduler steps done, `c(k)`.
///
/// A schedule's `values[c]` is its lr after `c` scheduler steps; on the trainer's axis the lr
/// after `k` optimizer steps is `values[c(k)]` (see ``SteppedSchedule``).
public enum SchedulerStepping: Sendable, Equatable, CustomStringConvertible {
    /// Once per optimizer step: `c(k) = k` (transformers, DeepSpeed, a plain loop).
    case perStep
    /// `n` times per optimizer step: `c(k) = n·k` (accelerate's prepared scheduler on `n`
    /// processes).
    case repeated(Int)
    /// Once at the end of every `frequency`-th epoch of `stepsPerEpoch` optimizer steps:
    /// `c(k) = ⌊⌊k / stepsPerEpoch⌋ / frequency⌋` (Lightning's `interval: "epoch"`, timm
    /// `step(epoch)`, `"interval": "epoch"`).
    case perEpoch(stepsPerEpoch: Int, frequency: Int)
    /// Within every epoch, `pattern[j]` scheduler steps after its `j`-th optimizer step,
    /// cycling each epoch (Lightning's `interval: "step"` with a `frequency`, an accelerate
    /// loop that steps the scheduler per batch).
    case pattern([Int])

    /// Scheduler steps done after `k` optimizer steps.
    public func count(after k: Int) -> Int {
        switch self {
        case .perStep: return k
        case .repeated(let n): return k.multipliedReportingOverflow(by: n).overflow ? Int.max : k * n
        case .perEpoch(let spe, let f): return k / Swift.max(spe, 1) / Swift.max(f, 1)
        case .pattern(let p):
            guard !p.isEmpty else { return 0 }
            let perEpoch = p.reduce(0, +)
            return (k / p.count) * perEpoch + p[..<(k % p.count)].reduce(0, +)
        }
    }

    public var description: String {
        switch self {
        case .perStep: return "once per step"
        case .repeated(let n): return "\(n) times per optimizer step"
        case .perEpoch(let spe, let f): return f == 1 ? "once per epoch (every \(spe) steps)" : "once every \(f) epochs (of \(spe) steps)"
        case .pattern(let p): return "per epoch of \(p.count) steps, \(p.reduce(0, +)) times: \(p.prefix(12).map(String.init).joined(separator: " "))\(p.count > 12 ? " …" : "")"
        }
    }
}

/// A schedule on a trainer's axis: `lr(k) = inner(c(k))`, the inner schedule stepped as
/// ``SchedulerStepping`` says.
///
/// With ``AccelerateOneCycleGuard``, accelerate's special case for schedulers with a
/// `total_steps` (torch's `OneCycleLR`) applies: each of the `n` steps happens only while the
/// scheduler's `_step_count ≤ total_steps`, so the schedule holds its last value instead of
/// raising.
public struct SteppedSchedule: Schedule {
    public var inner: any Schedule
    public var stepping: SchedulerStepping
    public var oneCycleGuard: AccelerateOneCycleGuard?

    public init(inner: any Schedule, stepping: SchedulerStepping, oneCycleGuard: AccelerateOneCycleGuard? = nil) {
        self.inner = inner
        self.stepping = stepping
        self.oneCycleGuard = oneCycleGuard
    }

    /// `inner` on the trainer's axis: `inner` itself for ``SchedulerStepping/perStep``, a
    /// closed-form wrapper when `inner` is closed-form (and no guard applies).
    public static func wrap(_ inner: any Schedule, stepping: SchedulerStepping, oneCycleGuard: AccelerateOneCycleGuard? = nil) -> any Schedule {
        if stepping == .perStep && oneCycleGuard == nil { return inner }
        if case .perEpoch(let spe, 1) = stepping, oneCycleGuard == nil {
            return EpochIntervalSchedule.wrap(inner, stepsPerEpoch: spe)
        }
        if oneCycleGuard == nil, let closed = inner as? any ClosedFormSchedule, !inner.setsMomentum {
            return ClosedFormSteppedSchedule(inner: closed, stepping: stepping)
        }
        return SteppedSchedule(inner: inner, stepping: stepping, oneCycleGuard: oneCycleGuard)
    }

    public var setsMomentum: Bool { inner.setsMomentum }

    public func breakpoints(below steps: Int) -> [Int] { [] }

    public func start() -> any ScheduleState {
        State(inner: inner.start(), stepping: stepping, oneCycleGuard: oneCycleGuard)
    }

    /// Advances the inner state `c(k + 1) − c(k)` times per round (or as the guard allows).
    public struct State: ScheduleState {
        var inner: any ScheduleState
        let stepping: SchedulerStepping
        let oneCycleGuard: AccelerateOneCycleGuard?
        var step = 0
        var done = 0
        /// torch's `_step_count` (1 after construction), for the accelerate guard.
        var stepCount = 1

        public var learningRate: Double { inner.learningRate }
        public var momentum: Double? { inner.momentum }

        public mutating func advance(metric: Double?) throws {
            step += 1
            if let g = oneCycleGuard {
                for _ in 0..<g.processes where stepCount <= g.totalSteps {
                    do { try inner.advance(metric: metric) } catch let stop as ScheduleStop {
                        throw ScheduleStop(step: step, stop.message)
                    }
                    stepCount += 1
                }
                return
            }
            let target = stepping.count(after: step)
            while done < target {
                do { try inner.advance(metric: metric) } catch let stop as ScheduleStop {
                    throw ScheduleStop(step: step, stop.message)
                }
                done += 1
            }
        }
    }
}

/// ``SteppedSchedule`` of a closed-form schedule: `value(k) = inner.value(c(k))`.
public struct ClosedFormSteppedSchedule: ClosedFormSchedule {
    public var inner: any ClosedFormSchedule
    public var stepping: SchedulerStepping

    public func value(at step: Int) -> Double { inner.value(at: stepping.count(after: step)) }
}

/// accelerate's guard for prepared schedulers that have a `total_steps` (torch's
/// `OneCycleLR`): `if self.scheduler._step_count <= self.scheduler.total_steps: step()`.
///
/// `_step_count` is 1 after construction plus one per real step: accelerate's
/// `adjust_scheduler` (adding one per micro-batch that does not sync) never takes effect in
/// 1.15, because `GradientState` reads it from the plugin's `to_kwargs()`, which leaves out
/// values equal to their default (True), and then defaults to False.
public struct AccelerateOneCycleGuard: Sendable, Equatable {
    /// The scheduler's `total_steps`.
    public var totalSteps: Int
    /// Scheduler steps attempted per optimizer step (`num_processes`, 1 with `split_batches`).
    public var processes: Int

    public init(totalSteps: Int, processes: Int) {
        self.totalSteps = totalSteps
        self.processes = processes
    }
}
