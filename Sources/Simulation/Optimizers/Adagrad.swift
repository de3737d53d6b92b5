import ScheduleCore

/// `torch.optim.Adagrad`: divides the gradient by the root of the sum of all past squared
/// gradients, with an optionally decaying learning rate.
///
/// Per parameter, exactly as `_single_tensor_adagrad` (step count `t` starts at 1):
/// ```
/// g = −grad if maximize else grad
/// if weight_decay ≠ 0:  g = g + weight_decay·w
/// clr = lr / (1 + (t − 1)·lr_decay)
/// sum = sum + 1·g·g                    (sum starts at initial_accumulator_value)
/// std = √sum + eps
/// w = w + (−clr)·g / std
/// ```
/// Defaults as torch: `lr` 0.01, `lr_decay` 0, `weight_decay` 0, `initial_accumulator_value` 0,
/// `eps` 1e-10, `maximize` false. Adagrad has no momentum: schedules that cycle momentum
/// (`cycle_momentum` true) are rejected, as torch rejects them.
///
/// Effective per-parameter learning rate reported per step: `clr / std`.
public struct Adagrad: Optimizer, Equatable {
    public var lr: Double
    public var lrDecay: Double
    public var weightDecay: Double
    public var initialAccumulatorValue: Double
    public var eps: Double
    public var maximize: Bool
    /// `state["step"]`.
    public private(set) var stepCount = 0
    /// `state["sum"]` (empty until the first step; torch fills it with
    /// `initial_accumulator_value` at construction).
    public private(set) var sum: [Double] = []

    public var typeName: String { "torch.Adagrad" }
    public var learningRate: Double { lr }
    public var isAdaptive: Bool { true }
    public var supportsMomentumCycling: Bool { false }

    public init(lr: Double = 0.01, lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0,
                eps: Double = 1e-10, maximize: Bool = false) {
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
        self.maximize = maximize
    }

    /// Parameter declarations (torch's names and defaults).
    public static let parameters: [ParameterSpec] = [
        .number("lr", default: 0.01, "Learning rate (the initial lr of schedules that have none of their own)."),
        .number("lr_decay", default: 0, "Learning-rate decay: clr = lr / (1 + (t − 1)·lr_decay)."),
        .number("weight_decay", default: 0, "L2 penalty added to the gradient."),
        .number("initial_accumulator_value", default: 0, "Starting value of the sum of squared gradients."),
        .number("eps", default: 1e-10, "Added to the denominator for numerical stability."),
        .bool("maximize", default: false, "Maximize the objective instead of minimizing."),
    ]

    /// Reads and checks the parameters as `Adagrad.__init__` does.
    public init(_ p: Parameters) throws {
        self.init(lr: try p.number("lr"), lrDecay: try p.number("lr_decay"), weightDecay: try p.number("weight_decay"),
                  initialAccumulatorValue: try p.number("initial_accumulator_value"), eps: try p.number("eps"),
                  maximize: try p.bool("maximize"))
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr)")
        try p.check(lrDecay >= 0, "lr_decay", "Invalid lr_decay value: \(lrDecay)")
        try p.check(weightDecay >= 0, "weight_decay", "Invalid weight_decay value: \(weightDecay)")
        try p.check(initialAccumulatorValue >= 0, "initial_accumulator_value",
                    "Invalid initial_accumulator_value value: \(initialAccumulatorValue)")
        try p.check(eps >= 0, "eps", "Invalid epsilon value: \(eps)")
    }

    public mutating func step(
        parameters: inout [Double], gradient: [Double], learningRate lr: Double, momentum cycled: Double?,
        effectiveRates: inout [Double]
    ) {
        let n = parameters.count
        if sum.count != n { sum = [Double](repeating: initialAccumulatorValue, count: n) }
        if effectiveRates.count != n { effectiveRates = [Double](repeating: 0, count: n) }
        stepCount += 1
        let step = Double(stepCount)
        let weightDecay = self.weightDecay, eps = self.eps, maximize = self.maximize
        let clr = lr / (1 + (step - 1) * lrDecay)
        let negCLR = -clr
        var s = sum
        sum = []
        parameters.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { grad in
                s.withUnsafeMutableBufferPointer { s in
                    effectiveRates.withUnsafeMutableBufferPointer { eff in
                        for i in 0..<n {
                            var g = maximize ? -grad[i] : grad[i]
                            if weightDecay != 0 { g = g + weightDecay * w[i] }
                            s[i] = s[i] + 1 * g * g
                            let std = s[i].squareRoot() + eps
                            w[i] = w[i] + negCLR * g / std
                            eff[i] = clr / std
                        }
                    }
                }
            }
        }
        sum = s
    }
}
