import Foundation
import ScheduleCore

/// `torch.optim.Adam` and `torch.optim.AdamW` (Adam with decoupled weight decay).
///
/// Per parameter, exactly as `_single_tensor_adam` (step count `t` starts at 1):
/// ```
/// g = −grad if maximize else grad
/// if weight_decay ≠ 0:
///     AdamW:  w = w·(1 − lr·weight_decay)
///     Adam:   g = g + weight_decay·w
/// m = lerp(m, g, 1 − β₁)                       (= m + (1 − β₁)·(g − m))
/// v = v·β₂ + (1 − β₂)·g·g
/// bias_correction1 = 1 − β₁^t,  bias_correction2 = 1 − β₂^t
/// step_size = lr / bias_correction1
/// v_max = max(v_max, v)  (amsgrad; used instead of v below)
/// denom = √v / √bias_correction2 + eps
/// w = w + (−step_size)·m / denom
/// ```
/// β₁ is `betas[0]` of the group at this step: `OneCycleLR`/`CyclicLR` with `cycle_momentum`
/// overwrite it. Defaults as torch: `lr` 0.001, `betas` [0.9, 0.999], `eps` 1e-8,
/// `weight_decay` 0 (Adam) or 0.01 (AdamW), `amsgrad` false, `maximize` false.
///
/// Effective per-parameter learning rate reported per step: `lr / denom` = lr / (√v̂ + eps)
/// with v̂ = v / bias_correction2 — the factor applied to the bias-corrected first moment
/// m̂ = m / bias_correction1 (the update is −(lr/denom)·m̂).
public struct Adam: Optimizer, Equatable {
    public var lr: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var amsgrad: Bool
    public var maximize: Bool
    /// `true` for `torch.AdamW`: weight decay multiplies the weights instead of entering the gradient.
    public var decoupledWeightDecay: Bool
    /// `state["step"]`.
    public private(set) var stepCount = 0
    /// `state["exp_avg"]`, `state["exp_avg_sq"]`, `state["max_exp_avg_sq"]` (empty until the first step).
    public private(set) var expAvg: [Double] = []
    public private(set) var expAvgSq: [Double] = []
    public private(set) var maxExpAvgSq: [Double] = []

    public var typeName: String { decoupledWeightDecay ? "torch.AdamW" : "torch.Adam" }
    public var learningRate: Double { lr }
    public var isAdaptive: Bool { true }
    public var supportsMomentumCycling: Bool { true }

    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.maximize = maximize
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// Parameter declarations (torch's names and defaults); AdamW differs in the default weight decay.
    public static func parameters(decoupled: Bool) -> [ParameterSpec] {
        [
            .number("lr", default: 0.001, "Learning rate (the initial lr of schedules that have none of their own)."),
            ParameterSpec("betas", .numberList, .value(.array([.number(0.9), .number(0.999)])),
                          "Coefficients [β₁, β₂] of the running averages of the gradient and its square."),
            .number("eps", default: 1e-8, "Added to the denominator for numerical stability."),
            .number("weight_decay", default: decoupled ? 0.01 : 0,
                    decoupled ? "Decoupled weight decay: w ← w·(1 − lr·weight_decay) each step." : "L2 penalty added to the gradient."),
            .bool("amsgrad", default: false, "Use the maximum of past second moments (AMSGrad)."),
            .bool("maximize", default: false, "Maximize the objective instead of minimizing."),
        ]
    }

    /// Reads and checks the parameters as `Adam.__init__` does.
    public init(_ p: Parameters, decoupled: Bool) throws {
        let betas = try p.numberList("betas")
        try p.check(betas.count == 2, "betas", "expected two numbers [beta1, beta2], found \(betas.count)")
        self.init(lr: try p.number("lr"), beta1: betas[0], beta2: betas[1], eps: try p.number("eps"),
                  weightDecay: try p.number("weight_decay"), amsgrad: try p.bool("amsgrad"), maximize: try p.bool("maximize"),
                  decoupledWeightDecay: decoupled)
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr)")
        try p.check(eps >= 0, "eps", "Invalid epsilon value: \(eps)")
        try p.check(beta1 >= 0 && beta1 < 1, "betas", "Invalid beta parameter at index 0: \(beta1)")
        try p.check(beta2 >= 0 && beta2 < 1, "betas", "Invalid beta parameter at index 1: \(beta2)")
        try p.check(weightDecay >= 0, "weight_decay", "Invalid weight_decay value: \(weightDecay)")
    }

    public mutating func step(
        parameters: inout [Double], gradient: [Double], learningRate lr: Double, momentum cycled: Double?,
        effectiveRates: inout [Double]
    ) {
        if let cycled { beta1 = cycled }
        let n = parameters.count
        if expAvg.count != n {
            expAvg = [Double](repeating: 0, count: n)
            expAvgSq = [Double](repeating: 0, count: n)
            if amsgrad { maxExpAvgSq = [Double](repeating: 0, count: n) }
        }
        stepCount += 1
        let step = Double(stepCount)
        let beta1 = self.beta1, beta2 = self.beta2, eps = self.eps, weightDecay = self.weightDecay
        let maximize = self.maximize, decoupled = decoupledWeightDecay, amsgrad = self.amsgrad
        let biasCorrection1 = 1 - pow(beta1, step)
        let biasCorrection2 = 1 - pow(beta2, step)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Sqrt = pow(biasCorrection2, 0.5)
        let weight = 1 - beta1, oneMinusBeta2 = 1 - beta2
        let decay = 1 - lr * weightDecay
        if effectiveRates.count != n { effectiveRates = [Double](repeating: 0, count: n) }
        var m = expAvg, v = expAvgSq, vMax = maxExpAvgSq
        expAvg = []; expAvgSq = []; maxExpAvgSq = []
        parameters.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { grad in
                m.withUnsafeMutableBufferPointer { m in
                    v.withUnsafeMutableBufferPointer { v in
                        vMax.withUnsafeMutableBufferPointer { vMax in
                            effectiveRates.withUnsafeMutableBufferPointer { eff in
                                for i in 0..<n {
                                    var g = maximize ? -grad[i] : grad[i]
                                    if weightDecay != 0 {
                                        if decoupled { w[i] = w[i] * decay } else { g = g + weightDecay * w[i] }
                                    }
                                    m[i] = Lerp.torch(m[i], g, weight)
                                    v[i] = v[i] * beta2 + oneMinusBeta2 * g * g
                                    let second: Double
                                    if amsgrad {
                                        vMax[i] = Swift.max(vMax[i], v[i])
                                        second = vMax[i]
                                    } else {
                                        second = v[i]
                                    }
                                    let denom = second.squareRoot() / biasCorrection2Sqrt + eps
                                    w[i] = w[i] + -stepSize * m[i] / denom
                                    eff[i] = lr / denom
                                }
                            }
                        }
                    }
                }
            }
        }
        expAvg = m; expAvgSq = v; maxExpAvgSq = vMax
    }
}
