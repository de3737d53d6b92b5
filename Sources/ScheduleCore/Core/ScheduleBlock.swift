/// Consecutive values of one schedule, filled by ``ScheduleCursor/next(_:into:)``: reusable
/// storage that a loop over millions of steps keeps refilling without allocating.
///
/// ```swift
/// var cursor = try ScheduleCursor(schedule, steps: 1_000_000)
/// var block = ScheduleBlock()
/// while cursor.next(65_536, into: &block) {
///     for (k, lr) in block.learningRates.enumerated() { use(block.firstStep + k, lr) }
/// }
/// ```
public struct ScheduleBlock {
    /// The step of `learningRates[0]`.
    public internal(set) var firstStep = 0
    /// The learning rate at steps `firstStep ..< firstStep + count`.
    public internal(set) var learningRates: [Double] = []
    /// The momentum at the same steps when the schedule can set one (see
    /// ``recordsMomenta``): `nil` at a step where it sets none (a ``SequenceSchedule`` part
    /// that does not); empty for schedules that never set one.
    public internal(set) var momenta: [Double?] = []
    /// Whether the schedule can set a momentum (``Schedule/setsMomentum``), so that `momenta`
    /// is filled.
    public internal(set) var recordsMomenta = false

    public init() {}

    /// The number of steps in the block.
    public var count: Int { learningRates.count }

    /// Empties the block, keeping its storage, for values starting at `step`.
    mutating func reset(at step: Int, recordsMomenta: Bool, capacity: Int) {
        firstStep = step
        self.recordsMomenta = recordsMomenta
        learningRates.removeAll(keepingCapacity: true)
        momenta.removeAll(keepingCapacity: true)
        learningRates.reserveCapacity(capacity)
        if recordsMomenta { momenta.reserveCapacity(capacity) }
    }

    /// Appends `count` values written by `body` straight into the arrays' storage: `body`
    /// gets where the learning rates go (and the momenta, when recorded) and counts in
    /// `filled` the values it has written; if it throws, those stay and the rest are dropped.
    @inline(__always)
    mutating func appendValues(
        _ count: Int,
        _ body: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double?>?, inout Int) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let start = learningRates.count
        learningRates.append(contentsOf: repeatElement(0, count: count))
        if recordsMomenta { momenta.append(contentsOf: repeatElement(nil, count: count)) }
        var filled = 0
        defer {
            learningRates.removeLast(count - filled)
            if recordsMomenta { momenta.removeLast(count - filled) }
        }
        let records = recordsMomenta
        try learningRates.withUnsafeMutableBufferPointer { rates in
            guard let rates = rates.baseAddress else { return }
            if records {
                try momenta.withUnsafeMutableBufferPointer { momenta in
                    try body(rates + start, momenta.baseAddress.map { $0 + start }, &filled)
                }
            } else {
                try body(rates + start, nil, &filled)
            }
        }
    }

    /// Refills the block with the values of `state` at steps `step ..< step + count`: `state`
    /// is at step `step − 1` (or at step 0 when `step` is 0) and moves to the last of them;
    /// `metrics(s, n)` gives the metrics fed to the `n` moves starting with the move to step
    /// `s` (`nil` when none are fed). Returns where the state threw, if it did: the block then
    /// holds the steps before. Called only by ``ScheduleCursor``, which owns the walk.
    mutating func refill(from state: inout some ScheduleState, at step: Int, count: Int, recordsMomenta: Bool,
                         metrics: (_ firstMove: Int, _ moves: Int) -> ArraySlice<Double>?) -> ScheduleStop? {
        reset(at: step, recordsMomenta: recordsMomenta, capacity: count)
        guard count > 0 else { return nil }
        var remaining = count
        if step == 0 {
            append(state)
            remaining -= 1
        }
        guard remaining > 0 else { return nil }
        let firstMove = step + self.count
        do {
            try state.advance(remaining, metrics: metrics(firstMove, remaining), into: &self)
        } catch let stop as ScheduleStop {
            return stop
        } catch {
            return ScheduleStop(step: step + self.count, "\(error)")
        }
        return nil
    }

    /// The metric for round `k` of an `advance(_:metrics:into:)`: `metrics[k]` when there is
    /// one.
    @inline(__always)
    static func metric(_ k: Int, of metrics: ArraySlice<Double>?) -> Double? {
        guard let metrics, k < metrics.count else { return nil }
        return metrics[metrics.startIndex + k]
    }

    /// Appends the current values of `state`.
    mutating func append(_ state: some ScheduleState) {
        learningRates.append(state.learningRate)
        if recordsMomenta { momenta.append(state.momentum) }
    }
}
