import Foundation

/// `cyclic`: cyclical learning rates (Smith 2017) between `base_lr` and `max_lr`.
///
/// With `C = step_size_up + step_size_down`, `r = step_size_up / C`,
/// `cycle = ⌊1 + t / C⌋` and `x = 1 + t / C − cycle` (position in the cycle, `[0, 1)`):
/// `s = x / r` while `x ≤ r` (rising), else `s = (x − 1) / (r − 1)` (falling), and
///
/// `lr(t) = base_lr + (max_lr − base_lr) · s · scale`, with `scale = 1` (`triangular`),
/// `1 / 2^(cycle − 1)` (`triangular2`, the amplitude halves every cycle) or `gamma^t`
/// (`exp_range`).
///
/// The same arithmetic as `torch.optim.lr_scheduler.CyclicLR` (without momentum cycling):
/// it starts at `base_lr` at step 0 (not `lr`), peaks at `max_lr` at `t = step_size_up`,
/// is back at `base_lr` at `t = C`, and cycles forever.
struct CyclicSchedule: ClosedFormSchedule {
    enum Mode: String, Sendable { case triangular, triangular2, expRange = "exp_range" }

    var baseLearningRate: Double
    var maxLearningRate: Double
    var stepSizeUp: Int
    var stepSizeDown: Int
    var mode: Mode
    var gamma: Double

    init(baseLearningRate: Double, maxLearningRate: Double, stepSizeUp: Int, stepSizeDown: Int, mode: Mode, gamma: Double) {
        self.baseLearningRate = baseLearningRate
        self.maxLearningRate = maxLearningRate
        self.stepSizeUp = stepSizeUp
        self.stepSizeDown = stepSizeDown
        self.mode = mode
        self.gamma = gamma
    }

    func value(at step: Int) -> Double {
        // Floats, as torch's `float(step_size_up) + float(step_size_down)`.
        let totalSize = Double(stepSizeUp) + Double(stepSizeDown)
        let stepRatio = Double(stepSizeUp) / totalSize
        let cycle = (1 + Double(step) / totalSize).rounded(.down)
        let x = 1 + Double(step) / totalSize - cycle
        let scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
        let baseHeight = (maxLearningRate - baseLearningRate) * scaleFactor
        let scale: Double
        switch mode {
        case .triangular: scale = 1
        case .triangular2: scale = 1 / pow(2, cycle - 1)
        case .expRange: scale = pow(gamma, Double(step))
        }
        return baseLearningRate + baseHeight * scale
    }

    /// `step_size_up + step_size_down`, exactly (it may exceed `Int.max`).
    var cycleLength: Int128 { Int128(stepSizeUp) + Int128(stepSizeDown) }

    func breakpoints(below steps: Int) -> [Int] {
        let total = cycleLength
        let peaks = GenericSupport.periodic(first: Int128(stepSizeUp), period: total, below: steps)
        let troughs = GenericSupport.periodic(first: total, period: total, below: steps)
        if peaks.count + troughs.count > GenericSupport.breakpointLimit { return [] }
        return (peaks + troughs).sorted()
    }
}

extension ScheduleType {
    /// `cyclic` — see ``CyclicSchedule``.
    public static let cyclic = ScheduleType(
        name: "cyclic",
        summary: "Cyclical learning rate between base_lr and max_lr (triangular, triangular2, exp_range).",
        formula: "C = step_size_up + step_size_down; cycle = ⌊1 + t/C⌋; x = 1 + t/C − cycle; s = x/r if x ≤ r else (x − 1)/(r − 1) with r = step_size_up/C; lr(t) = base_lr + (max_lr − base_lr)·s·scale, scale = 1 | 1/2^(cycle−1) | gamma^t; starts at base_lr, peaks at t = step_size_up + k·C; cycles forever",
        parameters: [
            .number("base_lr", "The lowest learning rate (step 0)."),
            .number("max_lr", "The highest learning rate (before scaling)."),
            .integer("step_size_up", default: 2000, "Steps from base_lr up to max_lr (≥ 1)."),
            ParameterSpec("step_size_down", .integer, .none, "Steps from max_lr back down (≥ 1); null means step_size_up."),
            .choice("mode", ["triangular", "triangular2", "exp_range"], default: "triangular",
                    "triangular: constant amplitude; triangular2: amplitude halves every cycle; exp_range: amplitude × gamma^t."),
            .number("gamma", default: 1, "Per-step amplitude factor for exp_range (> 0)."),
        ],
        make: { p in
            let base = try p.number("base_lr", atLeast: 0)
            let maxLR = try p.number("max_lr")
            let up = try p.integer("step_size_up", atLeast: 1)
            let down = try p.optionalInteger("step_size_down") ?? up
            let mode = CyclicSchedule.Mode(rawValue: try p.string("mode")) ?? .triangular
            let gamma = try p.number("gamma")
            try p.check(maxLR >= base, "max_lr", "must be ≥ base_lr (\(base)), found \(maxLR)")
            try p.check(down >= 1, "step_size_down", "must be ≥ 1, found \(down)")
            try p.check(gamma > 0, "gamma", "must be > 0, found \(gamma)")
            return CyclicSchedule(baseLearningRate: base, maxLearningRate: maxLR, stepSizeUp: up, stepSizeDown: down, mode: mode, gamma: gamma)
        })
}
