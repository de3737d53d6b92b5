import ScheduleCore

/// `torch.optim.RMSprop`: divides the gradient by a running root mean square, optionally
/// centered and with momentum.
///
/// Per parameter, exactly as `_single_tensor_rmsprop`:
/// ```
/// g = −grad if maximize else grad
/// if weight_decay ≠ 0:  g = g + weight_decay·w
/// s = s·alpha + (1 − alpha)·g·g
/// centered:  a = lerp(a, g, 1 − alpha);  avg = √(s + (−1·a)·a) + eps
/// otherwise: avg = √s + eps
/// momentum > 0:  buf = buf·momentum + g / avg;  w = w + (−lr)·buf
/// otherwise:     w = w + (−lr)·g / avg
/// ```
/// `momentum` is the group's value at this step (`OneCycleLR`/`CyclicLR` with
/// `cycle_momentum` overwrite it). Defaults as torch: `lr` 0.01, `alpha` 0.99, `eps` 1e-8,
/// `weight_decay` 0, `momentum` 0, `centered` false, `maximize` false.
///
/// Effective per-parameter learning rate reported per step: `lr / avg` — the factor applied
/// to the gradient (to the momentum buffer's increment when momentum is on).
public struct RMSprop: Optimizer, Equatable {
    public var lr: Double
    public var alpha: Double
    public var eps: Double
    public var weightDecay: Double
    public var momentum: Double
    public var centered: Bool
    public var maximize: Bool
    /// `state["square_avg"]`, `state["grad_avg"]` (centered), `state["momentum_buffer"]` (empty until needed).
    public private(set) var squareAvg: [Double] = []
    public private(set) var gradAvg: [Double] = []
    public private(set) var momentumBuffer: [Double] = []

    public var typeName: String { "torch.RMSprop" }
    public var learningRate: Double { lr }
    public var isAdaptive: Bool { true }
    public var supportsMomentumCycling: Bool { true }

    public init(lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
                momentum: Double = 0, centered: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize
    }

    /// Parameter declarations (torch's names and defaults).
    public static let parameters: [ParameterSpec] = [
        .number("lr", default: 0.01, "Learning rate (the initial lr of schedules that have none of their own)."),
        .number("alpha", default: 0.99, "Smoothing constant of the running average of the squared gradient."),
        .number("eps", default: 1e-8, "Added to the denominator for numerical stability."),
        .number("weight_decay", default: 0, "L2 penalty added to the gradient."),
        .number("momentum", default: 0, "Momentum factor."),
        .bool("centered", default: false, "Normalize by an estimate of the gradient's variance."),
        .bool("maximize", default: false, "Maximize the objective instead of minimizing."),
    ]

    /// Reads and checks the parameters as `RMSprop.__init__` does.
    public init(_ p: Parameters) throws {
        self.init(lr: try p.number("lr"), alpha: try p.number("alpha"), eps: try p.number("eps"),
                  weightDecay: try p.number("weight_decay"), momentum: try p.number("momentum"),
                  centered: try p.bool("centered"), maximize: try p.bool("maximize"))
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr)")
        try p.check(eps >= 0, "eps", "Invalid epsilon value: \(eps)")
        try p.check(momentum >= 0, "momentum", "Invalid momentum value: \(momentum)")
        try p.check(weightDecay >= 0, "weight_decay", "Invalid weight_decay value: \(weightDecay)")
        try p.check(alpha >= 0, "alpha", "Invalid alpha value: \(alpha)")
    }

    public mutating func step(
        parameters: inout [Double], gradient: [Double], learningRate lr: Double, momentum cycled: Double?,
        effectiveRates: inout [Double]
    ) {
        if let cycled { momentum = cycled }
        let n = parameters.count
        if squareAvg.count != n { squareAvg = [Double](repeating: 0, count: n) }
        if centered && gradAvg.count != n { gradAvg = [Double](repeating: 0, count: n) }
        if momentum > 0 && momentumBuffer.count != n { momentumBuffer = [Double](repeating: 0, count: n) }
        if effectiveRates.count != n { effectiveRates = [Double](repeating: 0, count: n) }
        let alpha = self.alpha, eps = self.eps, weightDecay = self.weightDecay, momentum = self.momentum
        let centered = self.centered, maximize = self.maximize
        let oneMinusAlpha = 1 - alpha, negLR = -lr
        var s = squareAvg, a = gradAvg, buf = momentumBuffer
        squareAvg = []; gradAvg = []; momentumBuffer = []
        parameters.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { grad in
                s.withUnsafeMutableBufferPointer { s in
                    a.withUnsafeMutableBufferPointer { a in
                        buf.withUnsafeMutableBufferPointer { buf in
                            effectiveRates.withUnsafeMutableBufferPointer { eff in
                                for i in 0..<n {
                                    var g = maximize ? -grad[i] : grad[i]
                                    if weightDecay != 0 { g = g + weightDecay * w[i] }
                                    s[i] = s[i] * alpha + oneMinusAlpha * g * g
                                    var avg: Double
                                    if centered {
                                        a[i] = Lerp.torch(a[i], g, oneMinusAlpha)
                                        avg = (s[i] + -1 * a[i] * a[i]).squareRoot()
                                    } else {
                                        avg = s[i].squareRoot()
                                    }
                                    avg = avg + eps
                                    if momentum > 0 {
                                        buf[i] = buf[i] * momentum + g / avg
                                        w[i] = w[i] + negLR * buf[i]
                                    } else {
                                        w[i] = w[i] + negLR * g / avg
                                    }
                                    eff[i] = lr / avg
                                }
                            }
                        }
                    }
                }
            }
        }
        squareAvg = s; gradAvg = a; momentumBuffer = buf
    }
}
