/// The schedule types of this family, in the order `lrplot list` shows them.
public enum GenericTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .constant,
        .step,
        .multistep,
        .exponential,
        .timeBased,
        .linear,
        .polynomial,
        .cosine,
        .cosineRestarts,
        .cyclic,
        .oneCycle,
        .plateau,
        .inverseSqrt,
        .wsd,
        .rex,
        .tanh,
        .piecewise,
        .expr,
        .warmup,
        .sequence,
        .product,
    ]
}
