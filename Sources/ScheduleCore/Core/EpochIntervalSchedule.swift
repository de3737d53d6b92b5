/// Turns a per-epoch schedule into a per-step one: each epoch's value holds for
/// `stepsPerEpoch` steps.
///
/// `lr(s) = inner(⌊s / stepsPerEpoch⌋)`: epoch `e` covers steps `e·spe … (e+1)·spe − 1`, and
/// the inner schedule's epoch `e` takes effect at step `e·spe`. A stateful inner schedule is
/// advanced once per epoch, in the round that reaches step `e·spe`, and is fed that round's
/// metric — the metric after step `e·spe − 1`, the last step of epoch `e − 1` (the way a
/// per-epoch `scheduler.step(val_loss)` is called at the end of each epoch).
///
/// Metrics: the inner schedule's own `metrics` are per epoch (its round `e` gets
/// `metrics[e − 1]`); ``metrics`` spreads them over steps so that the round reaching
/// step `e·spe` gets exactly the inner `metrics[e − 1]` (each epoch's value repeated
/// `stepsPerEpoch` times). Breakpoints are the inner ones times `stepsPerEpoch`.
/// Use ``wrap(_:stepsPerEpoch:)`` to keep closed-form inner schedules closed-form.
public struct EpochIntervalSchedule: Schedule {
    public var inner: any Schedule
    /// Steps per epoch, ≥ 1.
    public var stepsPerEpoch: Int

    public init(inner: any Schedule, stepsPerEpoch: Int) {
        self.inner = inner
        self.stepsPerEpoch = max(stepsPerEpoch, 1)
    }

    /// The wrapper for `inner`: a ``ClosedFormEpochIntervalSchedule`` when `inner` is
    /// closed-form, else an ``EpochIntervalSchedule``; `inner` itself when `stepsPerEpoch ≤ 1`.
    public static func wrap(_ inner: any Schedule, stepsPerEpoch: Int) -> any Schedule {
        if stepsPerEpoch <= 1 { return inner }
        if let closed = inner as? any ClosedFormSchedule {
            return ClosedFormEpochIntervalSchedule(inner: closed, stepsPerEpoch: stepsPerEpoch)
        }
        return EpochIntervalSchedule(inner: inner, stepsPerEpoch: stepsPerEpoch)
    }

    public var usesMetrics: Bool { inner.usesMetrics }
    public var setsMomentum: Bool { inner.setsMomentum }

    /// The inner per-epoch metrics, each repeated `stepsPerEpoch` times. This writes the
    /// repetition out (`count × stepsPerEpoch` values); ``metricFeed`` does not.
    public var metrics: [Double]? {
        inner.metrics.map { perEpoch in perEpoch.flatMap { Array(repeating: $0, count: stepsPerEpoch) } }
    }

    /// The inner per-epoch metrics, each repeated `stepsPerEpoch` times, in the memory of
    /// the inner list.
    public var metricFeed: MetricFeed? {
        inner.metricFeed.map { MetricFeed(repeating: $0, times: stepsPerEpoch) }
    }

    public func breakpoints(below steps: Int) -> [Int] {
        EpochIntervalSchedule.scale(inner.breakpoints(below: EpochIntervalSchedule.epochs(below: steps, spe: stepsPerEpoch)),
                                    by: stepsPerEpoch, below: steps)
    }

    /// The epochs that start below step `steps`: `⌈steps / spe⌉` (without overflow).
    static func epochs(below steps: Int, spe: Int) -> Int {
        steps <= 0 ? 0 : (steps - 1) / spe + 1
    }

    static func scale(_ epochs: [Int], by spe: Int, below steps: Int) -> [Int] {
        epochs.compactMap { e in
            let (s, overflow) = e.multipliedReportingOverflow(by: spe)
            return !overflow && s < steps ? s : nil
        }
    }

    public func start() -> any ScheduleState { State(stepsPerEpoch: stepsPerEpoch, inner: inner.start()) }

    /// Advances the inner state at each epoch boundary.
    public struct State: ScheduleState {
        let stepsPerEpoch: Int
        var inner: any ScheduleState
        var step = 0

        public var learningRate: Double { inner.learningRate }
        public var momentum: Double? { inner.momentum }

        public mutating func advance(metric: Double?) throws {
            let next = step + 1
            if next % stepsPerEpoch == 0 {
                do {
                    try inner.advance(metric: metric)
                } catch let stop as ScheduleStop {
                    throw ScheduleStop(step: stop.step * stepsPerEpoch, stop.message)
                }
            }
            step = next
        }
    }
}

/// ``EpochIntervalSchedule`` over a closed-form inner schedule: `value(at: s) = inner.value(at: ⌊s / spe⌋)`.
public struct ClosedFormEpochIntervalSchedule: ClosedFormSchedule {
    public var inner: any ClosedFormSchedule
    public var stepsPerEpoch: Int

    public init(inner: any ClosedFormSchedule, stepsPerEpoch: Int) {
        self.inner = inner
        self.stepsPerEpoch = max(stepsPerEpoch, 1)
    }

    public func value(at step: Int) -> Double { inner.value(at: step / stepsPerEpoch) }

    public func breakpoints(below steps: Int) -> [Int] {
        EpochIntervalSchedule.scale(inner.breakpoints(below: EpochIntervalSchedule.epochs(below: steps, spe: stepsPerEpoch)),
                                    by: stepsPerEpoch, below: steps)
    }
}
