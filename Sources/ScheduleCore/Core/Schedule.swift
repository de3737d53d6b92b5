/// A learning-rate schedule: a learning rate for every step `t = 0, 1, 2, …`.
///
/// Step `t` means what the schedule's framework means by it (see each type's documentation):
/// for PyTorch, the optimizer's learning rate after `t` rounds of `optimizer.step();
/// scheduler.step()`; for optax and Keras, `schedule(t)`. A schedule is an immutable value;
/// ``start()`` gives a fresh ``ScheduleState`` that walks the steps in order.
public protocol Schedule: Sendable {
    /// A fresh state positioned at step 0.
    func start() -> any ScheduleState

    /// Steps at which the schedule changes phase (end of warmup, milestones, restarts), in
    /// ascending order, below `steps`. Used for markers on charts; the default is none.
    func breakpoints(below steps: Int) -> [Int]

    /// `true` when the schedule reacts to a metric (reduce-on-plateau): round `t` is fed
    /// `metrics[t - 1]`, as `scheduler.step(metrics[t - 1])` would be.
    var usesMetrics: Bool { get }

    /// The metric list given with the schedule, if any.
    var metrics: [Double]? { get }

    /// ``metrics`` as a feed (round `t` gets `feed[t − 1]`), without writing out a
    /// repetition: what cursors and samplers read. The default wraps ``metrics``.
    var metricFeed: MetricFeed? { get }

    /// `true` when the schedule also sets the optimizer's momentum (or Adam's beta1), as
    /// torch's `CyclicLR` and `OneCycleLR` do with `cycle_momentum`.
    var setsMomentum: Bool { get }
}

extension Schedule {
    public func breakpoints(below steps: Int) -> [Int] { [] }
    public var usesMetrics: Bool { false }
    public var metrics: [Double]? { nil }
    public var metricFeed: MetricFeed? { metrics.map(MetricFeed.init) }
    public var setsMomentum: Bool { false }
}

/// The evolving state of a schedule: the learning rate at the current step and the move to
/// the next one.
public protocol ScheduleState {
    /// The learning rate at the current step.
    var learningRate: Double { get }

    /// The momentum (or beta1) the schedule sets at the current step, if it sets one.
    var momentum: Double? { get }

    /// Moves to the next step. `metric` is the value passed to a metric-driven scheduler's
    /// `step(metric)` in this round (ignored by other schedules).
    ///
    /// - Throws: ``ScheduleStop`` where the real framework would raise (for example torch's
    ///   `OneCycleLR` stepped past `total_steps`); the series ends at the current step.
    mutating func advance(metric: Double?) throws

    /// Moves `count` steps, appending the learning rate (and, when `block` records momenta,
    /// the momentum) after each move to `block`; round `k` is fed `metrics[k]` when there is one.
    ///
    /// The default calls ``advance(metric:)`` `count` times. It is a requirement so that the
    /// loop is compiled for each state type: ``ScheduleCursor/next(_:into:)`` crosses the
    /// `any ScheduleState` boundary once a block instead of once a step.
    ///
    /// - Throws: what ``advance(metric:)`` throws; the values before it stay in `block`.
    mutating func advance(_ count: Int, metrics: ArraySlice<Double>?, into block: inout ScheduleBlock) throws
}

extension ScheduleState {
    public var momentum: Double? { nil }

    public mutating func advance(_ count: Int, metrics: ArraySlice<Double>?, into block: inout ScheduleBlock) throws {
        let records = block.recordsMomenta
        for k in 0..<count {
            try advance(metric: ScheduleBlock.metric(k, of: metrics))
            block.learningRates.append(learningRate)
            if records { block.momenta.append(momentum) }
        }
    }
}

/// A schedule whose value at a step is a pure function of the step.
///
/// Closed-form schedules can be evaluated at any step without walking the ones before it,
/// so a chart of 10⁹ steps costs what its width costs.
public protocol ClosedFormSchedule: Schedule {
    /// The learning rate at `step` (≥ 0).
    func value(at step: Int) -> Double
}

extension ClosedFormSchedule {
    public func start() -> any ScheduleState { ClosedFormState(schedule: self) }
}

/// Walks a ``ClosedFormSchedule`` step by step.
public struct ClosedFormState<S: ClosedFormSchedule>: ScheduleState {
    public let schedule: S
    public private(set) var step = 0
    public private(set) var learningRate: Double

    public init(schedule: S) {
        self.schedule = schedule
        self.learningRate = schedule.value(at: 0)
    }

    public mutating func advance(metric: Double?) throws {
        step += 1
        learningRate = schedule.value(at: step)
    }

    public mutating func advance(_ count: Int, metrics: ArraySlice<Double>?, into block: inout ScheduleBlock) throws {
        guard count > 0 else { return }
        let first = step + 1
        let schedule = self.schedule
        var last = learningRate
        block.appendValues(count) { rates, _, filled in
            for k in 0..<count { rates[k] = schedule.value(at: first + k) }
            filled = count
            last = rates[count - 1]
        }
        step = first + count - 1
        learningRate = last
    }
}

extension ClosedFormState: JumpingScheduleState {
    mutating func jump(to target: Int) {
        step = target
        learningRate = schedule.value(at: target)
    }
}

/// Raised by ``ScheduleState/advance(metric:)`` where the framework itself would raise.
public struct ScheduleStop: Error, CustomStringConvertible, Equatable, Sendable {
    /// The first step that has no value.
    public var step: Int
    /// What the framework would say.
    public var message: String

    public init(step: Int, _ message: String) {
        self.step = step
        self.message = message
    }

    public var description: String { "stops at step \(step): \(message)" }
}
