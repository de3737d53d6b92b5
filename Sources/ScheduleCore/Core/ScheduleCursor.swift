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
        /// Round `t` gets `list[t − 1]`.
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
    /// - Parameter metrics: overrides the schedule's own `metrics` (round `t` gets `metrics[t-1]`).
    /// - Throws: ``EvaluationError`` when a metric-driven schedule has fewer than `steps − 1` metrics.
    public init(_ schedule: any Schedule, steps: Int, metrics: [Double]? = nil) throws {
        var feed = Feed.none
        if schedule.usesMetrics {
            let needed = max(steps - 1, 0)
            let list = metrics.map(MetricFeed.init) ?? schedule.metricFeed
            guard let list, list.count >= needed else {
                throw EvaluationError("needs \"metrics\": one value per step, at least \(needed) (steps − 1) for \(steps) steps; got \(list?.count ?? 0)")
            }
            feed = .list(list)
        }
        self.init(schedule, steps: steps, feed: feed)
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
