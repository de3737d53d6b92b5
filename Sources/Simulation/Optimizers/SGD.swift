import ScheduleCore

/// `torch.optim.SGD`: stochastic gradient descent with optional momentum, dampening,
/// Nesterov momentum and L2 weight decay.
///
/// Per parameter, exactly as `_single_tensor_sgd`:
/// ```
/// g = −grad if maximize else grad
/// if weight_decay ≠ 0:  g = g + weight_decay·w
/// if momentum ≠ 0:
///     buf = g                                   (first step with momentum: clone of g)
///     buf = momentum·buf + (1 − dampening)·g    (later steps)
///     g = g + momentum·buf  if nesterov  else  buf
/// w = w + (−lr)·g
/// ```
/// Defaults as torch: `lr` 0.001, `momentum` 0, `dampening` 0, `weight_decay` 0,
/// `nesterov` false, `maximize` false. Nesterov needs `momentum > 0` and `dampening == 0`.
public struct SGD: Optimizer, Equatable {
    public var lr: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    public var maximize: Bool
    /// `state["momentum_buffer"]`; `nil` until the first step with a non-zero momentum.
    public private(set) var momentumBuffer: [Double]?

    public var typeName: String { "torch.SGD" }
    public var learningRate: Double { lr }
    public var isAdaptive: Bool { false }
    public var supportsMomentumCycling: Bool { true }

    public init(lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
                nesterov: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.maximize = maximize
    }

    /// Parameter declarations (torch's names and defaults).
    public static let parameters: [ParameterSpec] = [
        .number("lr", default: 0.001, "Learning rate (the initial lr of schedules that have none of their own)."),
        .number("momentum", default: 0, "Momentum factor."),
        .number("dampening", default: 0, "Dampening for momentum."),
        .number("weight_decay", default: 0, "L2 penalty added to the gradient."),
        .bool("nesterov", default: false, "Nesterov momentum."),
        .bool("maximize", default: false, "Maximize the objective instead of minimizing."),
    ]

    /// Reads and checks the parameters as `SGD.__init__` does.
    public init(_ p: Parameters) throws {
        self.init(lr: try p.number("lr"), momentum: try p.number("momentum"), dampening: try p.number("dampening"),
                  weightDecay: try p.number("weight_decay"), nesterov: try p.bool("nesterov"), maximize: try p.bool("maximize"))
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr)")
        try p.check(momentum >= 0, "momentum", "Invalid momentum value: \(momentum)")
        try p.check(weightDecay >= 0, "weight_decay", "Invalid weight_decay value: \(weightDecay)")
        try p.check(!nesterov || (momentum > 0 && dampening == 0), "nesterov", "Nesterov momentum requires a momentum and zero dampening")
    }

    public mutating func step(
        parameters: inout [Double], gradient: [Double], learningRate: Double, momentum cycled: Double?,
        effectiveRates: inout [Double]
    ) {
        if let cycled { momentum = cycled }
        let n = parameters.count
        let momentum = self.momentum, dampening = self.dampening, weightDecay = self.weightDecay
        let nesterov = self.nesterov, maximize = self.maximize
        let alpha = -learningRate
        if momentum != 0 {
            let first = momentumBuffer == nil
            var buf = momentumBuffer ?? []
            momentumBuffer = nil
            if first { buf = [Double](repeating: 0, count: n) }
            parameters.withUnsafeMutableBufferPointer { w in
                gradient.withUnsafeBufferPointer { grad in
                    buf.withUnsafeMutableBufferPointer { b in
                        for i in 0..<n {
                            var g = maximize ? -grad[i] : grad[i]
                            if weightDecay != 0 { g = g + weightDecay * w[i] }
                            if first {
                                b[i] = g
                            } else {
                                b[i] = b[i] * momentum + (1 - dampening) * g
                            }
                            g = nesterov ? g + momentum * b[i] : b[i]
                            w[i] = w[i] + alpha * g
                        }
                    }
                }
            }
            momentumBuffer = buf
        } else {
            parameters.withUnsafeMutableBufferPointer { w in
                gradient.withUnsafeBufferPointer { grad in
                    for i in 0..<n {
                        var g = maximize ? -grad[i] : grad[i]
                        if weightDecay != 0 { g = g + weightDecay * w[i] }
                        w[i] = w[i] + alpha * g
                    }
                }
            }
        }
    }
}
