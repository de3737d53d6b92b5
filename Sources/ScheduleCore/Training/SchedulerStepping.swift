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
    /// Once every `n` optimizer steps: `c(k) = ⌊k / n⌋` (Lightning's `interval: "step"` with a
    /// `frequency` when every optimizer step is one batch).
    case every(Int)
    /// Once per batch, cycling each epoch of `batchesPerEpoch` batches with an optimizer step
    /// every `gradAccum` batches and at the epoch's end (an accelerate loop that steps the
    /// scheduler per batch): `u = ⌈L / A⌉` optimizer steps an epoch and, after `m < u` of them,
    /// `min(m·A, L)` calls — `c(k) = ⌊k / u⌋·L + (k mod u)·A`.
    case perBatch(batchesPerEpoch: Int, gradAccum: Int)
    /// Lightning's `interval: "step"` with a `frequency` `f` and gradient accumulation: after
    /// the `j`-th optimizer step of an epoch (`j = 1 … u`, `u = ⌈L / A⌉`) the scheduler steps
    /// when `min(j·A, L) mod f == 0` (`update_lr_schedulers("step")`: `batch_idx + 1`). For
    /// `j < u`, `j·A mod f == 0` exactly when `g = f / gcd(A, f)` divides `j`; the epoch's last
    /// step counts when `f` divides `L`.
    case batchFrequency(batchesPerEpoch: Int, gradAccum: Int, frequency: Int)

    /// Scheduler steps done after `k` optimizer steps (saturating at `Int.max`).
    public func count(after k: Int) -> Int {
        switch self {
        case .perStep: return k
        case .repeated(let n): return Self.saturatingProduct(k, n)
        case .perEpoch(let spe, let f): return k / Swift.max(spe, 1) / Swift.max(f, 1)
        case .every(let n): return k / Swift.max(n, 1)
        case .perBatch(let l, let a):
            guard l > 0 else { return 0 }
            let u = StepAccounting.ceilDiv(l, a)
            // (k mod u)·A ≤ (u − 1)·A < L: no overflow.
            return Self.saturatingSum(Self.saturatingProduct(k / u, l), (k % u) * a)
        case .batchFrequency(let l, let a, let f):
            guard l > 0 else { return 0 }
            let u = StepAccounting.ceilDiv(l, a), g = f / Self.gcd(a, f)
            let perEpoch = (u - 1) / g + (l % f == 0 ? 1 : 0)
            return Self.saturatingSum(Self.saturatingProduct(k / u, perEpoch), (k % u) / g)
        }
    }

    /// Scheduler steps after each of the first `n` optimizer steps of an epoch (for the
    /// description).
    func firstSteps(_ n: Int) -> [Int] {
        (1...Swift.max(n, 1)).map { count(after: $0) - count(after: $0 - 1) }
    }

    public var description: String {
        switch self {
        case .perStep: return "once per step"
        case .repeated(let n): return "\(n) times per optimizer step"
        case .perEpoch(let spe, let f): return f == 1 ? "once per epoch (every \(spe) steps)" : "once every \(f) epochs (of \(spe) steps)"
        case .every(let n): return "once every \(n) steps"
        case .perBatch(let l, let a), .batchFrequency(let l, let a, _):
            let u = StepAccounting.ceilDiv(Swift.max(l, 1), a)
            let shown = firstSteps(Swift.min(u, 12)).map(String.init).joined(separator: " ")
            return "per epoch of \(u) steps, \(count(after: u)) times: \(shown)\(u > 12 ? " …" : "")"
        }
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return Swift.max(x, 1)
    }

    static func saturatingProduct(_ x: Int, _ y: Int) -> Int {
        let (p, overflow) = x.multipliedReportingOverflow(by: y)
        return overflow ? Int.max : p
    }

    static func saturatingSum(_ x: Int, _ y: Int) -> Int {
        let (s, overflow) = x.addingReportingOverflow(y)
        return overflow ? Int.max : s
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
