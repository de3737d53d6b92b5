/// A closed-form schedule whose framework can raise part way through (a Python error at
/// some step); the series then ends there.
///
/// `value(at:)` is `NaN` at steps where the framework raises; walking the schedule with
/// ``start()`` throws a ``ScheduleStop`` at the first such step.
public protocol RaisingClosedFormSchedule: ClosedFormSchedule {
    /// The value at `step`, or the Python error the framework raises computing it.
    func checkedValue(at step: Int) throws(PythonRaise) -> Double
}

extension RaisingClosedFormSchedule {
    public func value(at step: Int) -> Double {
        do { return try checkedValue(at: step) } catch { return .nan }
    }

    public func start() -> any ScheduleState { RaisingClosedFormState(schedule: self) }

    /// Throws the framework's construction-time error as a ``ScheduleError`` when step 0
    /// (computed while the scheduler is built) raises.
    func checkedAtConstruction(_ p: Parameters) throws -> Self {
        do {
            _ = try checkedValue(at: 0)
        } catch {
            throw ScheduleError(path: p.path, "\(p.typeName) raises while it is built: \(error.message)")
        }
        return self
    }
}

/// Walks a ``RaisingClosedFormSchedule`` step by step, stopping where the framework raises.
public struct RaisingClosedFormState<S: RaisingClosedFormSchedule>: ScheduleState {
    public let schedule: S
    public private(set) var step = 0
    public private(set) var learningRate: Double

    public init(schedule: S) {
        self.schedule = schedule
        self.learningRate = schedule.value(at: 0)
    }

    public mutating func advance(metric: Double?) throws {
        let next = step + 1
        do {
            learningRate = try schedule.checkedValue(at: next)
        } catch {
            throw ScheduleStop(step: next, error.message)
        }
        step = next
    }

    public mutating func advance(_ count: Int, metrics: ArraySlice<Double>?, into block: inout ScheduleBlock) throws {
        let schedule = self.schedule
        var step = self.step
        var value = learningRate
        defer {
            self.step = step
            learningRate = value
        }
        try block.appendValues(count) { rates, _, filled in
            for k in 0..<count {
                let next = step + 1
                do throws(PythonRaise) {
                    value = try schedule.checkedValue(at: next)
                } catch {
                    throw ScheduleStop(step: next, error.message)
                }
                step = next
                rates[k] = value
                filled = k + 1
            }
        }
    }
}
