/// The schedule types of this family, in the order `lrplot list` shows them.
public enum TorchTypes {
    /// Every type of this family. Add one line per new type file.
    public static let all: [ScheduleType] = [
        .torchLambdaLR,
        .torchMultiplicativeLR,
        .torchStepLR,
        .torchMultiStepLR,
        .torchConstantLR,
        .torchLinearLR,
        .torchExponentialLR,
        .torchPolynomialLR,
        .torchCosineAnnealingLR,
        .torchCosineAnnealingWarmRestarts,
        .torchCyclicLR,
        .torchOneCycleLR,
        .torchReduceLROnPlateau,
        .torchSequentialLR,
        .torchChainedScheduler,
        .torchSWALR,
    ]
}
