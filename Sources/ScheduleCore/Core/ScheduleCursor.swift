/// Walks a schedule over steps `0 ..< steps`: the one loop through a schedule's states in
/// ScheduleCore, which every evaluation (values, charts, simulations) goes through.
///
/// The cursor owns the evaluation policy:
/// - **metrics**: round `t` of a metric-driven schedule (reduce-on-plateau) is fed
///   `metrics[t − 1]`, as `scheduler.step(metrics[t − 1])` would be — from the schedule's own
///   `metrics`, a list given to the cursor, or, in a closed loop, the value passed to
///   ``next(feeding:)``;
/// - **framework raises**: where the framework would raise (torch's `OneCycleLR` stepped past
///   `total_steps`), the walk ends and ``stop`` says at which step and why;
/// - **non-finite values**: ``nonFinite`` keeps the first learning rate that is NaN or infinite
///   (the walk goes on; what to do about it is the caller's decision).
///
/// Steps are moved a block at a time (``next(_:into:)``), crossing into the schedule's state
/// once per block; ``next()`` is the same walk with blocks of one step.
///
/// ```swift
/// var cursor = try ScheduleCursor(schedule, steps: 1_000_000)
/// while let (step, lr, momentum) = cursor.next() { … }
/// if let stop = cursor.stop { print(stop) }
/// ```
public struct ScheduleCursor {
    /// Where a metric-driven schedule's metrics come from.
    enum Feed {
        /// Not metric-driven: no metric is fed.
        case none
        /// Round `t` gets `list[t − 1]` (a metric per epoch repeats over the epoch's steps:
        /// round `t` then gets the metric of epoch `(t − 1) / steps_per_epoch`).
        case list(MetricFeed)
        /// Round `t` gets the value passed to ``ScheduleCursor/next(feeding:)``.
        case closedLoop
    }

    private var state: any ScheduleState
    private let feed: Feed
    private let steps: Int
    /// ``Schedule/setsMomentum`` of the schedule walked.
    private let setsMomentum: Bool
    /// The one-step block ``next()`` walks through.
    private var single = ScheduleBlock()
    /// The step the next call to ``next()`` returns.
    public private(set) var step = 0
    /// Set once the framework would have raised; the walk then yields nothing more.
    public private(set) var stop: ScheduleStop?
    /// The first step whose learning rate was NaN or infinite, with that value, if any.
    public private(set) var nonFinite: SamplePoint?

    /// Prepares to walk steps `0 ..< steps`.
    ///
    /// A metric-driven schedule takes one metric per step: round `t` gets `metrics[t − 1]`,
    /// so `steps − 1` values at least. Wrapped in an ``EpochIntervalSchedule`` (stepped once
    /// per epoch), it takes one metric per epoch instead: `epochs − 1` or `epochs` values
    /// (the last epoch's would be fed after the last step), exactly, so that a per-step
    /// list given to a per-epoch schedule is an error rather than mostly ignored.
    ///
    /// - Parameter metrics: overrides the schedule's own metrics (per epoch for an
    ///   ``EpochIntervalSchedule``).
    /// - Throws: ``EvaluationError`` when a metric-driven schedule has too few metrics, or
    ///   a per-epoch one a list of the wrong length.
    public init(_ schedule: any Schedule, steps: Int, metrics: [Double]? = nil) throws {
        var feed = Feed.none
        if schedule.usesMetrics {
            if let perEpoch = schedule as? EpochIntervalSchedule {
                feed = try Self.epochFeed(perEpoch, steps: steps, metrics: metrics ?? perEpoch.inner.metrics)
            } else {
                let needed = max(steps - 1, 0)
                let list = metrics.map(MetricFeed.init) ?? schedule.metricFeed
                guard let list, list.count >= needed else {
                    throw EvaluationError("needs \"metrics\": one value per step, at least \(needed) (steps − 1) for \(steps) steps; got \(list?.count ?? 0)")
                }
                feed = .list(list)
            }
        }
        self.init(schedule, steps: steps, feed: feed)
    }

    /// The feed of a schedule stepped once per epoch: one metric per epoch, `epochs − 1` or
    /// `epochs` of them.
    private static func epochFeed(_ schedule: EpochIntervalSchedule, steps: Int, metrics: [Double]?) throws -> Feed {
        let spe = schedule.stepsPerEpoch
        let epochs = steps / spe + (steps % spe == 0 ? 0 : 1)
        let count = metrics?.count ?? 0
        guard let metrics, count == epochs - 1 || count == epochs else {
            let stepsText = "\(steps) steps" + (steps % spe == 0 ? "" : ", the last epoch partial")
            let expected = epochs > 1 ? "\(epochs - 1) or \(epochs)" : "\(epochs)"
            var message = "takes one metric per epoch (\"interval\": \"epoch\"): \(expected) values for the \(epochs) epochs of \(spe) steps (\(stepsText)); got \(count)"
            if count >= max(steps - 1, 1) { message += "; these look like one per step: give one per epoch, or drop \"interval\": \"epoch\"" }
            throw EvaluationError(message)
        }
        return .list(MetricFeed(repeating: MetricFeed(metrics), times: spe))
    }

    /// Prepares to walk steps `0 ..< steps` in a closed loop: a metric-driven schedule is fed,
    /// in round `t`, the metric passed to ``next(feeding:)`` for step `t` (a training loop's
    /// validation loss after update `t − 1`, say). Its own `metrics` are not used.
    public init(closedLoop schedule: any Schedule, steps: Int) {
        self.init(schedule, steps: steps, feed: schedule.usesMetrics ? .closedLoop : .none)
    }

    private init(_ schedule: any Schedule, steps: Int, feed: Feed) {
        self.state = schedule.start()
        self.setsMomentum = schedule.setsMomentum
        self.feed = feed
        self.steps = max(steps, 0)
    }

    /// The learning rate (and momentum, if the schedule sets one) at the next step, or `nil`
    /// past the last step or once the schedule has stopped.
    public mutating func next() -> (step: Int, learningRate: Double, momentum: Double?)? {
        next(feeding: nil)
    }

    /// The next step's values; in a closed loop (``init(closedLoop:steps:)``), `metric` is what
    /// the move to that step feeds a metric-driven schedule (ignored at step 0 and otherwise).
    public mutating func next(feeding metric: Double?) -> (step: Int, learningRate: Double, momentum: Double?)? {
        var block = single
        single = ScheduleBlock()
        defer { single = block }
        guard fill(&block, count: 1, closedLoopMetric: metric) else { return nil }
        return (block.firstStep, block.learningRates[0], setsMomentum ? block.momenta[0] : nil)
    }

    /// Moves on to `target` without yielding the steps before it, so that the next value is
    /// that of step `target` (nothing happens for a target at or before ``step``; a target
    /// past the last step ends the walk).
    ///
    /// A closed-form schedule that cannot raise jumps there: its steps in between are not
    /// evaluated. Any other schedule is walked through them as ``next(_:into:)`` walks (fed
    /// its metrics, ending where the framework raises, noting the first non-finite value),
    /// since its value depends on every step before.
    public mutating func skip(to target: Int) {
        let target = Swift.min(target, steps)
        guard target > step, stop == nil else { return }
        if var jumping = state as? any JumpingScheduleState {
            jumping.jump(to: target - 1)
            state = jumping
            step = target
            return
        }
        var scratch = ScheduleBlock()
        while step < target, fill(&scratch, count: Swift.min(target - step, 65_536), closedLoopMetric: nil) {}
    }

    /// Fills `block` with the values of up to `count` next steps (fewer at the last step or
    /// where the schedule stops) and returns whether it holds any.
    ///
    /// The values and the stop are exactly those of calling ``next()`` `count` times; this
    /// form crosses into the schedule's state once per block, which is what makes walking
    /// 10⁶ steps of several schedules cheap.
    @discardableResult
    public mutating func next(_ count: Int, into block: inout ScheduleBlock) -> Bool {
        fill(&block, count: count, closedLoopMetric: nil)
    }

    /// The walk: refills `block` with up to `count` steps from the current one, feeding the
    /// metrics of the moves, and records where the schedule stopped and its first non-finite
    /// learning rate.
    private mutating func fill(_ block: inout ScheduleBlock, count: Int, closedLoopMetric: Double?) -> Bool {
        let n = stop == nil ? max(0, min(count, steps - step)) : 0
        guard n > 0 else {
            block.reset(at: step, recordsMomenta: setsMomentum, capacity: 0)
            return false
        }
        let feed = self.feed
        stop = block.refill(from: &state, at: step, count: n, recordsMomenta: setsMomentum) { firstMove, moves in
            switch feed {
            case .none: return nil
            case .closedLoop: return closedLoopMetric.map { [$0][...] } ?? []
            case .list(let m):
                return m.slice((firstMove - 1) ..< (firstMove - 1 + moves))
            }
        }
        if nonFinite == nil, let k = block.learningRates.firstIndex(where: { !$0.isFinite }) {
            nonFinite = SamplePoint(step: block.firstStep + k, value: block.learningRates[k])
        }
        step = block.firstStep + block.count
        return block.count > 0
    }
}

/// A state that can be moved to any step directly: a closed-form schedule's, which holds no
/// history (see ``ScheduleCursor/skip(to:)``).
protocol JumpingScheduleState: ScheduleState {
    /// Puts the state at `step` (≥ its current step), as if walked there.
    mutating func jump(to step: Int)
}
