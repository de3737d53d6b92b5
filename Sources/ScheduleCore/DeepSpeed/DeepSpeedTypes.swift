/// The schedule types of this family, in the order `lrplot list` shows them.
public enum DeepSpeedTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .deepSpeedWarmupLR,
        .deepSpeedWarmupDecayLR,
        .deepSpeedWarmupCosineLR,
        .deepSpeedOneCycle,
        .deepSpeedLRRangeTest,
    ]
}
