/// Walks a schedule one step at a time, feeding metric-driven schedules their metrics, so
/// several schedules can be evaluated in lockstep without storing their series.
///
/// ```swift
/// var cursor = try ScheduleCursor(schedule, steps: 1_000_000)
/// while let (step, lr) = cursor.next() { … }
/// if let stop = cursor.stop { print(stop) }
/// ```
public struct ScheduleCursor {
    private var state: any ScheduleState
    private let metrics: MetricFeed?
    private let steps: Int
    /// ``Schedule/setsMomentum`` of the schedule walked.
    private let setsMomentum: Bool
    /// The step the next call to ``next()`` returns.
    public private(set) var step = 0
    /// Set once the framework would have raised; ``next()`` then returns `nil`.
    public private(set) var stop: ScheduleStop?

    /// Prepares to walk steps `0 ..< steps`.
    ///
    /// - Parameter metrics: overrides the schedule's own `metrics` (round `t` gets `metrics[t-1]`).
    /// - Throws: ``EvaluationError`` when a metric-driven schedule has fewer than `steps − 1` metrics.
    public init(_ schedule: any Schedule, steps: Int, metrics: [Double]? = nil) throws {
        let feed = metrics.map(MetricFeed.init) ?? schedule.metricFeed
        if schedule.usesMetrics {
            let needed = max(steps - 1, 0)
            guard let feed, feed.count >= needed else {
                throw EvaluationError("needs \"metrics\": one value per step, at least \(needed) (steps − 1) for \(steps) steps; got \(feed?.count ?? 0)")
            }
        }
        self.state = schedule.start()
        self.setsMomentum = schedule.setsMomentum
        self.metrics = schedule.usesMetrics ? feed : nil
        self.steps = steps
    }

    /// The learning rate (and momentum, if the schedule sets one) at the next step, or `nil`
    /// past the last step or once the schedule has stopped.
    public mutating func next() -> (step: Int, learningRate: Double, momentum: Double?)? {
        guard step < steps, stop == nil else { return nil }
        if step > 0 {
            do {
                let metric = metrics.flatMap { step - 1 < $0.count ? $0[step - 1] : nil }
                try state.advance(metric: metric)
            } catch let s as ScheduleStop {
                stop = s
                return nil
            } catch {
                stop = ScheduleStop(step: step, "\(error)")
                return nil
            }
        }
        defer { step += 1 }
        return (step, state.learningRate, state.momentum)
    }

    /// Fills `block` with the values of up to `count` next steps (fewer at the last step or
    /// where the schedule stops) and returns whether it holds any.
    ///
    /// The values and the stop are exactly those of calling ``next()`` `count` times; this
    /// form crosses into the schedule's state once per block, which is what makes walking
    /// 10⁶ steps of several schedules cheap.
    @discardableResult
    public mutating func next(_ count: Int, into block: inout ScheduleBlock) -> Bool {
        let n = stop == nil ? max(0, min(count, steps - step)) : 0
        guard n > 0 else {
            block.reset(at: step, recordsMomenta: setsMomentum, capacity: 0)
            return false
        }
        stop = block.refill(from: &state, at: step, count: n, recordsMomenta: setsMomentum, metrics: metrics)
        step = block.firstStep + block.count
        return block.count > 0
    }
}
