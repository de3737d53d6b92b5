import ScheduleCore

/// Evaluates a schedule at arbitrary steps, exactly as ``Schedule/evaluate(steps:metrics:)``
/// would give them, with memory independent of the step.
///
/// A closed-form schedule is evaluated directly. A recursive one (torch's schedulers, plateau
/// schedules) is walked forward from its current step, feeding round `t` `metrics[t − 1]`;
/// the last ``cacheSize`` values are kept, so a step a little behind the walk costs nothing,
/// and one further behind restarts the walk from step 0.
struct PlanProbe {
    /// Values kept behind the walk (a growing-lag search looks a few steps back).
    static let cacheSize = 256
    private var cache: [Double] = []
    private let schedule: any Schedule
    private let closedForm: (any ClosedFormSchedule)?
    private let metrics: [Double]?
    private var state: (any ScheduleState)?
    private var step = 0
    /// The first step with no value (where the framework would raise), once reached.
    private(set) var stop: Int?

    init(_ schedule: any Schedule) {
        self.schedule = schedule
        self.closedForm = schedule as? any ClosedFormSchedule
        self.metrics = schedule.usesMetrics ? schedule.metrics : nil
    }

    /// The planned value at `step`, or `nil` for a negative step, a step past where the
    /// schedule stops, or past the metrics a plateau schedule was given.
    mutating func value(at target: Int) -> Double? {
        guard target >= 0 else { return nil }
        if let closedForm { return closedForm.value(at: target) }
        if let stop, target >= stop { return nil }
        if state != nil && target < step && step - target < cache.count {
            return cache[(target % Self.cacheSize + Self.cacheSize) % Self.cacheSize]
        }
        if state == nil || target < step {
            let fresh = schedule.start()
            state = fresh
            step = 0
            cache = [Double](repeating: .nan, count: Self.cacheSize)
            cache[0] = fresh.learningRate
        }
        guard var current = state else { return nil }
        while step < target {
            var metric: Double?
            if let metrics {
                guard step < metrics.count else { return nil }
                metric = metrics[step]
            }
            do {
                try current.advance(metric: metric)
            } catch {
                stop = step + 1
                state = current
                return nil
            }
            step += 1
            cache[step % Self.cacheSize] = current.learningRate
        }
        state = current
        return current.learningRate
    }
}
