/// The schedule types of this family, in the order `lrplot list` shows them.
public enum OptaxTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .optaxConstantSchedule,
        .optaxLinearSchedule,
        .optaxPolynomialSchedule,
        .optaxExponentialDecay,
        .optaxCosineDecaySchedule,
        .optaxWarmupCosineDecaySchedule,
        .optaxWarmupExponentialDecaySchedule,
        .optaxWarmupConstantSchedule,
        .optaxPiecewiseConstantSchedule,
        .optaxPiecewiseInterpolateSchedule,
        .optaxCosineOnecycleSchedule,
        .optaxLinearOnecycleSchedule,
        .optaxSgdrSchedule,
        .optaxJoinSchedules,
    ]
}
