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
    private let schedule: any Schedule
    private let closedForm: (any ClosedFormSchedule)?
    private let metrics: [Double]?
    private var state: any ScheduleState
    private var step = 0
    private var cache: [Double]
    /// The first step with no value (where the framework would raise), once reached.
    private(set) var stop: Int?

    init(_ schedule: any Schedule) {
        self.schedule = schedule
        self.closedForm = schedule as? any ClosedFormSchedule
        self.metrics = schedule.usesMetrics ? schedule.metrics : nil
        self.state = schedule.start()
        self.cache = closedForm == nil ? [Double](repeating: .nan, count: Self.cacheSize) : []
        if closedForm == nil { cache[0] = state.learningRate }
    }

    /// The planned value at `step`, or `nil` for a negative step, a step past where the
    /// schedule stops, or past the metrics a plateau schedule was given.
    mutating func value(at target: Int) -> Double? {
        guard target >= 0 else { return nil }
        if let closedForm { return closedForm.value(at: target) }
        if let stop, target >= stop { return nil }
        if target < step {
            if step - target < Self.cacheSize { return cache[target % Self.cacheSize] }
            state = schedule.start()
            step = 0
            cache[0] = state.learningRate
        }
        while step < target {
            var metric: Double?
            if let metrics {
                guard step < metrics.count else { return nil }
                metric = metrics[step]
            }
            do {
                try state.advance(metric: metric)
            } catch {
                stop = step + 1
                return nil
            }
            step += 1
            cache[step % Self.cacheSize] = state.learningRate
        }
        return state.learningRate
    }
}
