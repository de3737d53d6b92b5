import ScheduleCore

/// Training on the bundled handwritten digits (``DigitsData``) with mini-batches.
///
/// - Split: images 0…1499 train, images 1500…1796 (the last 297) validate, always.
/// - Model: `linear` (softmax regression with bias, 64 → 10, 650 parameters) or `mlp`
///   (64 → `hidden` → 10 with biases and a tanh (or relu) hidden layer; 2410 parameters at
///   the default 32 hidden units). Cross-entropy loss; see ``SoftmaxNetwork``.
/// - Randomness: one ``SplitMix64`` seeded with `seed` first draws the initial weights
///   (torch.nn.Linear's default uniform init) and then, at the start of every epoch, a
///   Fisher–Yates permutation of the 1500 training images. Same seed, same run.
/// - Mini-batches: consecutive slices of `batch_size` images of the epoch's permutation; the
///   last slice of an epoch is smaller when 1500 is not a multiple (as a torch `DataLoader`
///   with `shuffle=True, drop_last=False`). One step is one mini-batch update.
/// - Validation (loss and accuracy on all 297 validation images) is measured at step t on the
///   weights before update t, when t is a multiple of `eval_every`, and at the last step.
///   `eval_every` defaults to min(⌈1500 / batch_size⌉, max(1, ⌊steps / 100⌋)): at least once
///   an epoch, and about 100 points over a short run (see ``evalInterval(steps:)``). With a
///   metric-driven schedule (reduce-on-plateau) it is measured after every update.
public struct DigitsProblem: Sendable, Equatable {
    /// The classifier.
    public enum Model: Sendable, Equatable {
        /// Softmax regression with bias.
        case linear
        /// One hidden layer of `hidden` units.
        case mlp(hidden: Int, activation: Activation)
    }

    /// The nonlinearity of the mlp's hidden layer.
    public enum Activation: String, Sendable, Equatable, CaseIterable {
        /// tanh(a); derivative 1 − tanh²(a).
        case tanh
        /// max(a, 0); derivative 1 where a > 0, else 0.
        case relu
    }

    /// Training images: indices 0 ..< trainingCount.
    public static let trainingCount = 1500
    /// Validation images: indices trainingCount ..< 1797.
    public static let validationCount = 297

    public var model: Model
    public var batchSize: Int
    public var seed: Int
    /// Steps between validation measurements as given (`nil`: automatic, see ``evalInterval(steps:)``).
    public var evalEvery: Int?

    public init(model: Model = .mlp(hidden: 32, activation: .tanh), batchSize: Int = 32, seed: Int = 0, evalEvery: Int? = nil) {
        self.model = model
        self.batchSize = batchSize
        self.seed = seed
        self.evalEvery = evalEvery
    }

    /// Steps between validation measurements in a run of `steps` steps: `eval_every` when
    /// given, else min(⌈1500 / batch_size⌉, max(1, ⌊steps / 100⌋)).
    public func evalInterval(steps: Int) -> Int {
        evalEvery ?? Swift.min(Self.stepsPerEpoch(batchSize: batchSize), Swift.max(1, steps / 100))
    }

    /// ⌈1500 / batch_size⌉.
    public static func stepsPerEpoch(batchSize: Int) -> Int {
        (trainingCount + batchSize - 1) / batchSize
    }

    /// Keys of the `"simulate"` object that belong to a digits problem.
    public static let parameters: [ParameterSpec] = [
        .choice("model", ["linear", "mlp"], default: "mlp", "linear (softmax regression) or mlp (one hidden layer)."),
        .integer("hidden", default: 32, "Hidden units of the mlp."),
        .choice("activation", Activation.allCases.map(\.rawValue), default: "tanh", "Nonlinearity of the mlp's hidden layer."),
        .integer("batch_size", default: 32, "Images per mini-batch (1…1500)."),
        .integer("seed", default: 0, "Seed of the initial weights and the mini-batch order (SplitMix64)."),
        ParameterSpec("eval_every", .integer, .none, "Steps between validation measurements (default: min(one epoch, steps / 100))."),
    ]

    /// Reads the digits keys (validated by the caller).
    static func decode(_ p: Parameters) throws -> DigitsProblem {
        let batchSize = try p.integer("batch_size")
        try p.check(batchSize >= 1 && batchSize <= trainingCount, "batch_size",
                    "expected a batch size in 1…\(trainingCount) (the training images), found \(batchSize)")
        let model: Model
        if try p.string("model") == "mlp" {
            let hidden = try p.integer("hidden")
            try p.check(hidden >= 1 && hidden <= 4096, "hidden", "expected 1…4096 hidden units, found \(hidden)")
            model = .mlp(hidden: hidden, activation: Activation(rawValue: try p.string("activation")) ?? .tanh)
        } else {
            for key in ["hidden", "activation"] where p.isGiven(key) {
                throw p.error(key, "only used with \"model\": \"mlp\"")
            }
            model = .linear
        }
        let evalEvery = try p.optionalInteger("eval_every")
        if let evalEvery { try p.check(evalEvery >= 1, "eval_every", "expected a whole number ≥ 1, found \(evalEvery)") }
        return DigitsProblem(model: model, batchSize: batchSize, seed: try p.integer("seed"), evalEvery: evalEvery)
    }

    /// The network this problem trains.
    var network: SoftmaxNetwork {
        switch model {
        case .linear:
            return SoftmaxNetwork(inputs: DigitsData.featureCount, hidden: nil, classes: DigitsData.classCount, bias: true, activation: .tanh)
        case .mlp(let hidden, let activation):
            return SoftmaxNetwork(inputs: DigitsData.featureCount, hidden: hidden, classes: DigitsData.classCount, bias: true,
                                  activation: activation)
        }
    }
}
