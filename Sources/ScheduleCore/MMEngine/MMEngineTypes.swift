/// The schedule types of this family, in the order `lrplot list` shows them.
public enum MMEngineTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .mmengineParamScheduler,
        .mmengineLinearLR,
        .mmengineConstantLR,
        .mmengineStepLR,
        .mmengineMultiStepLR,
        .mmengineExponentialLR,
        .mmengineCosineAnnealingLR,
        .mmenginePolyLR,
        .mmengineOneCycleLR,
        .mmengineCosineRestartLR,
    ]
}
