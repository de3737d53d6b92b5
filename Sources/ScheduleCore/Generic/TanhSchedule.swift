import Foundation

/// `tanh`: hyperbolic-tangent decay (Hsueh et al., "Stochastic Gradient Descent with
/// Hyperbolic-Tangent Decay on Classification", WACV 2019) from about `lr` to about `min_lr`.
///
/// With `p = min(t, total_steps) / total_steps`:
/// `lr(t) = min_lr + (lr − min_lr) · (1 − tanh(lower + (upper − lower) · p)) / 2`.
/// The paper's defaults `lower = −6`, `upper = 3` make step 0 ≈ `lr` (factor
/// `(1 − tanh(−6))/2 ≈ 0.999994`) and the end ≈ `min_lr + 0.0025 · (lr − min_lr)`; the
/// value reached at `total_steps` holds for every later step.
struct TanhSchedule: ClosedFormSchedule {
    var learningRate: Double
    var minLearningRate: Double
    var totalSteps: Int
    var lower: Double
    var upper: Double

    init(learningRate: Double, minLearningRate: Double, totalSteps: Int, lower: Double, upper: Double) {
        self.learningRate = learningRate
        self.minLearningRate = minLearningRate
        self.totalSteps = totalSteps
        self.lower = lower
        self.upper = upper
    }

    func value(at step: Int) -> Double {
        let p = GenericSupport.progress(step, totalSteps)
        return minLearningRate + (learningRate - minLearningRate) * (1 - tanh(lower + (upper - lower) * p)) / 2
    }

    func breakpoints(below steps: Int) -> [Int] {
        totalSteps < steps ? [totalSteps] : []
    }
}

extension ScheduleType {
    /// `tanh` — see ``TanhSchedule``.
    public static let tanh = ScheduleType(
        name: "tanh",
        summary: "Hyperbolic-tangent decay (Hsueh et al. 2019) from lr towards min_lr over total_steps.",
        formula: "p = min(t, total_steps) / total_steps; lr(t) = min_lr + (lr − min_lr) · (1 − tanh(lower + (upper − lower) · p)) / 2; holds its total_steps value after",
        parameters: [
            .number("lr", "The upper learning rate (step 0 is ≈ lr with the default lower bound)."),
            .number("min_lr", default: 0, "The lower learning rate (≥ 0)."),
            .integer("total_steps", "Steps of decay (≥ 1)."),
            .number("lower", default: -6, "tanh argument at step 0."),
            .number("upper", default: 3, "tanh argument at total_steps (> lower)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let minLR = try p.number("min_lr", atLeast: 0)
            let total = try p.integer("total_steps", atLeast: 1)
            let lower = try p.number("lower")
            let upper = try p.number("upper")
            try p.check(upper > lower, "upper", "must be > lower (\(lower)), found \(upper)")
            return TanhSchedule(learningRate: lr, minLearningRate: minLR, totalSteps: total, lower: lower, upper: upper)
        })
}
