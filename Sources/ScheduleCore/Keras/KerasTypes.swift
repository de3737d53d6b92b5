/// The schedule types of this family, in the order `lrplot list` shows them.
public enum KerasTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .kerasExponentialDecay,
        .kerasPiecewiseConstantDecay,
        .kerasPolynomialDecay,
        .kerasInverseTimeDecay,
        .kerasCosineDecay,
        .kerasCosineDecayRestarts,
    ]
}
