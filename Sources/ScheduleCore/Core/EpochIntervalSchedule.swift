/// TEMPORARY stub (replaced by the generic branch).
public struct EpochIntervalSchedule: Schedule {
    public var perEpoch: any Schedule
    public var stepsPerEpoch: Int
    public init(perEpoch: any Schedule, stepsPerEpoch: Int) { self.perEpoch = perEpoch; self.stepsPerEpoch = stepsPerEpoch }
    public func start() -> any ScheduleState { perEpoch.start() }
}
