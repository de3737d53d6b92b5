/// The schedule types of this family, in the order `lrplot list` shows them.
public enum HFTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .hfLinear,
        .hfCosine,
        .hfCosineWithRestarts,
        .hfPolynomial,
        .hfConstant,
        .hfConstantWithWarmup,
        .hfInverseSqrt,
        .hfReduceLROnPlateau,
        .hfCosineWithMinLR,
        .hfCosineWarmupWithMinLR,
        .hfWarmupStableDecay,
        .hfGreedy,
    ]
}
