import Foundation

/// Reduces a schedule over steps `0 ..< steps` to one ``ColumnSummary`` per column of steps,
/// in memory proportional to the number of columns.
///
/// Column `c` (of `columns`) covers steps `⌊c·steps/columns⌋ ..< ⌊(c+1)·steps/columns⌋`:
/// columns are uniform in step space, each at least one step wide (`columns` is capped at
/// `steps`).
///
/// - A schedule conforming to ``RangeExtrema`` (and not metric-driven and not setting
///   momentum) is evaluated only at each column's ends, its ``RangeExtrema/criticalSteps(in:)``
///   and the step before each extreme: the cost grows with the number of columns, not of
///   steps. A column for which `criticalSteps` is `nil` is evaluated at every step; for a
///   ``RaisingClosedFormSchedule`` through `checkedValue(at:)`, so the series stops (with a
///   ``ScheduleStop``) where the framework raises. Conformers answer `nil` wherever they
///   could raise.
/// - Any other schedule is streamed step by step from ``Schedule/start()``, exactly as a
///   ``ScheduleCursor`` walks it (fed its metrics, stopping where it throws), reducing the
///   learning rate and, when it sets one at every step, the momentum.
///
/// Either way each column's minimum and maximum are exactly those over every step of the
/// column, and `first`/`last` are the values at its ends.
public struct ColumnSampler: Sendable {
    /// The number of steps, `0 ..< steps`.
    public let steps: Int
    /// The number of columns, `min(requested, steps)`.
    public let columns: Int

    /// - Parameters:
    ///   - steps: steps to cover (≥ 0).
    ///   - columns: the number of columns wanted (≥ 1).
    public init(steps: Int, columns: Int) {
        self.steps = max(steps, 0)
        self.columns = max(min(columns, self.steps), self.steps > 0 ? 1 : 0)
    }

    /// The first step of column `c` (`steps` for `c == columns`).
    public func start(ofColumn c: Int) -> Int {
        guard columns > 0 else { return 0 }
        return columns.dividingFullWidth(c.multipliedFullWidth(by: steps)).quotient
    }

    /// The steps of column `c`.
    public func range(ofColumn c: Int) -> Range<Int> { start(ofColumn: c)..<start(ofColumn: c + 1) }

    /// The reduced series.
    public struct Result: Sendable {
        /// One summary per column of learning rates, in order; fewer than ``ColumnSampler/columns``
        /// when the schedule stopped early (the last one then ends at the stop).
        public var learningRates: [ColumnSummary]
        /// The same for momentum, when the schedule sets it at every step.
        public var momenta: [ColumnSummary]?
        /// Where the framework would have raised, if it did.
        public var stop: ScheduleStop?
        /// The first NaN or infinite learning rate met, if any (not every step is evaluated
        /// on the closed-form path).
        public var nonFinite: SamplePoint?
        /// `true` when the closed-form path (``RangeExtrema``) was used.
        public var sampledClosedForm: Bool
    }

    /// Reduces `schedule` column by column.
    ///
    /// - Parameters:
    ///   - metrics: overrides the schedule's own metrics (as ``ScheduleCursor``).
    ///   - progress: called with the number of steps walked so far, after each block of a
    ///     schedule walked step by step (not called on the closed-form path).
    /// - Throws: ``EvaluationError`` when a metric-driven schedule has too few metrics.
    public func sample(_ schedule: any Schedule, metrics: [Double]? = nil,
                       progress: ((Int) -> Void)? = nil) throws -> Result {
        if Self.takesClosedFormPath(schedule), let fast = schedule as? any RangeExtrema {
            return sampleClosedForm(fast)
        }
        return try stream(schedule, metrics: metrics, progress: progress)
    }

    /// Whether ``sample(_:metrics:progress:)`` takes the closed-form path for `schedule`
    /// (evaluating a few steps per column) rather than walking every step.
    public static func takesClosedFormPath(_ schedule: any Schedule) -> Bool {
        schedule is any RangeExtrema && !schedule.usesMetrics && !schedule.setsMomentum
    }

    /// Streams every step through a ``ScheduleCursor`` (which feeds the metrics, stops where
    /// the framework raises and finds the first non-finite value), a block at a time, reducing
    /// the learning rate and, when the schedule sets one at every step, the momentum.
    func stream(_ schedule: any Schedule, metrics: [Double]?, progress: ((Int) -> Void)? = nil) throws -> Result {
        var cursor = try ScheduleCursor(schedule, steps: steps, metrics: metrics)
        var rates: [ColumnSummary] = []
        var momenta: [ColumnSummary] = []
        rates.reserveCapacity(columns)
        var momentumEverywhere = schedule.setsMomentum
        var block = ScheduleBlock()
        var position = 0        // the next value of `block` to read
        outer: for c in 0..<columns {
            let range = range(ofColumn: c)
            var lr = ColumnAccumulator()
            var m = ColumnAccumulator()
            for t in range {
                if position == block.count {
                    position = 0
                    if !cursor.next(Self.streamBlock, into: &block) {
                        if let s = lr.summary(range) { rates.append(s) }
                        if momentumEverywhere, let s = m.summary(range) { momenta.append(s) }
                        break outer
                    }
                    progress?(block.firstStep)
                }
                lr.add(t, block.learningRates[position])
                if momentumEverywhere {
                    if let momentum = block.momenta[position] { m.add(t, momentum) } else { momentumEverywhere = false }
                }
                position += 1
            }
            if let s = lr.summary(range) { rates.append(s) }
            if momentumEverywhere, let s = m.summary(range) { momenta.append(s) }
        }
        let hasMomenta = momentumEverywhere && !momenta.isEmpty && momenta.count == rates.count
        return Result(learningRates: rates, momenta: hasMomenta ? momenta : nil, stop: cursor.stop,
                      nonFinite: cursor.nonFinite, sampledClosedForm: false)
    }

    /// Steps per block when streaming.
    static let streamBlock = 4_096

    /// Evaluates each column at its ends, its critical steps and the steps before its extremes.
    func sampleClosedForm(_ schedule: any RangeExtrema) -> Result {
        let raising = schedule as? any RaisingClosedFormSchedule
        var rates: [ColumnSummary] = []
        rates.reserveCapacity(columns)
        var nonFinite: SamplePoint?
        var candidates: [Int] = []
        for c in 0..<columns {
            let range = range(ofColumn: c)
            var acc = ColumnAccumulator()
            if let critical = schedule.criticalSteps(in: range), critical.count < range.count {
                candidates.removeAll(keepingCapacity: true)
                candidates.append(range.lowerBound)
                for s in critical where range.contains(s) { candidates.append(s) }
                candidates.append(range.upperBound - 1)
                candidates.sort()
                var previous = Int.min
                for s in candidates where s != previous {
                    acc.add(s, schedule.value(at: s))
                    previous = s
                }
                if acc.low.step > range.lowerBound {
                    acc.beforeLow = SamplePoint(step: acc.low.step - 1, value: schedule.value(at: acc.low.step - 1))
                }
                if acc.high.step > range.lowerBound {
                    acc.beforeHigh = SamplePoint(step: acc.high.step - 1, value: schedule.value(at: acc.high.step - 1))
                }
            } else if let raising {
                for t in range {
                    let v: Double
                    do {
                        v = try raising.checkedValue(at: t)
                    } catch {
                        if let s = acc.summary(range) { rates.append(s) }
                        return Result(learningRates: rates, momenta: nil,
                                      stop: ScheduleStop(step: t, error.message),
                                      nonFinite: nonFinite, sampledClosedForm: true)
                    }
                    acc.add(t, v)
                }
            } else {
                for t in range { acc.add(t, schedule.value(at: t)) }
            }
            if nonFinite == nil {
                for p in [acc.first, acc.low, acc.high, acc.last] where !p.value.isFinite {
                    nonFinite = p
                    break
                }
            }
            if let s = acc.summary(range) { rates.append(s) }
        }
        return Result(learningRates: rates, momenta: nil, stop: nil, nonFinite: nonFinite,
                      sampledClosedForm: true)
    }
}

extension ColumnSampler {
    /// Reduces several schedules, each on its own thread when there are cores to spare
    /// (schedules are independent values; the results are those of ``sample(_:metrics:)``).
    ///
    /// - Parameter progress: called with (schedule index, steps walked) for schedules walked
    ///   step by step, from the thread walking it.
    public func sampleAll(_ schedules: [any Schedule],
                          progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Swift.Result<Result, any Error>] {
        let box = ResultBox(count: schedules.count)
        DispatchQueue.concurrentPerform(iterations: schedules.count) { i in
            let r = Swift.Result { try self.sample(schedules[i], progress: progress.map { report in { report(i, $0) } }) }
            box.set(i, r)
        }
        return box.results.map { $0 ?? .failure(EvaluationError("not evaluated")) }
    }
}

/// Collects results written from concurrent iterations, each index exactly once.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [Swift.Result<ColumnSampler.Result, any Error>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Swift.Result<ColumnSampler.Result, any Error>) {
        lock.lock()
        results[i] = r
        lock.unlock()
    }
}

extension Schedule {
    /// Reduces steps `0 ..< steps` to `columns` uniform columns of first/min/max/last values;
    /// see ``ColumnSampler``.
    public func decimate(steps: Int, columns: Int, metrics: [Double]? = nil) throws -> ColumnSampler.Result {
        try ColumnSampler(steps: steps, columns: columns).sample(self, metrics: metrics)
    }
}
