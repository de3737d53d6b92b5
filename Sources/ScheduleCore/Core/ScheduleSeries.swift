/// The values of a schedule over steps `0 ..< count`.
public struct ScheduleSeries: Sendable, Equatable {
    /// `learningRates[t]` is the learning rate at step `t`.
    public var learningRates: [Double]
    /// `momenta[t]` is the momentum the schedule sets at step `t`, when it sets one.
    public var momenta: [Double]?
    /// Set when the framework would have raised before the requested number of steps;
    /// `learningRates` then ends at `stop.step`.
    public var stop: ScheduleStop?
}

/// Why a schedule cannot be evaluated with the inputs given.
public struct EvaluationError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Schedule {
    /// Evaluates steps `0 ..< steps`, streaming each value to `body` without storing the series.
    ///
    /// Metric-driven schedules are fed `metrics[t - 1]` in round `t` (the spec's `metrics`
    /// unless `metrics` is given here). Returns the ``ScheduleStop`` if the series ended early.
    ///
    /// - Throws: ``EvaluationError`` when a metric-driven schedule has too few metrics.
    @discardableResult
    public func forEachStep(
        _ steps: Int,
        metrics: [Double]? = nil,
        _ body: (_ step: Int, _ learningRate: Double, _ momentum: Double?) -> Void
    ) throws -> ScheduleStop? {
        var cursor = try ScheduleCursor(self, steps: steps, metrics: metrics)
        while let (t, lr, m) = cursor.next() { body(t, lr, m) }
        return cursor.stop
    }

    /// Evaluates steps `0 ..< steps` into arrays.
    public func evaluate(steps: Int, metrics: [Double]? = nil) throws -> ScheduleSeries {
        var rates: [Double] = []
        rates.reserveCapacity(steps)
        var momenta: [Double] = []
        let stop = try forEachStep(steps, metrics: metrics) { _, lr, m in
            rates.append(lr)
            if let m { momenta.append(m) }
        }
        return ScheduleSeries(
            learningRates: rates,
            momenta: momenta.count == rates.count && !momenta.isEmpty ? momenta : nil,
            stop: stop)
    }
}
