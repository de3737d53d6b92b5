/// The schedule types of this family, in the order `lrplot list` shows them.
public enum TimmTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .timmCosineLRScheduler,
        .timmTanhLRScheduler,
        .timmPolyLRScheduler,
        .timmStepLRScheduler,
        .timmMultiStepLRScheduler,
        .timmPlateauLRScheduler,
        .timmWSDLRScheduler,
        .timmCreateSchedulerV2,
    ]
}
