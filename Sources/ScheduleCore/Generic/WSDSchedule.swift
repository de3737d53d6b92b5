import Foundation

/// `wsd`: warmup–stable–decay ("trapezoidal") schedule.
///
/// With `W = warmup_steps`, `D` decay steps and `T` total steps:
/// - `t < W`: linear warm-up from 0, `lr · t / W` (step 0 is 0 when `W > 0`);
/// - `W ≤ t < T − D`: stable at `lr`;
/// - `T − D ≤ t < T`: with `p = (t − (T − D)) / D`, `min_lr + (lr − min_lr) · f(p)` where
///   `f = 1 − p` (`linear`), `(1 + cos(π·p)) / 2` (`cosine`) or `1 − √p` (`sqrt`);
/// - `t ≥ T`: `min_lr`.
///
/// `D` is `decay_steps` if given, else `round(decay_fraction · T)` (halves round up).
/// `T` is `total_steps` if given, else `W + stable_steps + D` (then `decay_steps` is needed);
/// when `total_steps` and `stable_steps` are both given they must add up.
struct WSDSchedule: ClosedFormSchedule {
    enum Shape: String, Sendable { case linear, cosine, sqrt }

    var learningRate: Double
    var warmupSteps: Int
    var decaySteps: Int
    /// `T`, which may exceed `Int.max` (`warmup_steps + stable_steps + decay_steps`).
    var totalSteps: Int128
    var shape: Shape
    var minLearningRate: Double

    init(learningRate: Double, warmupSteps: Int, decaySteps: Int, totalSteps: Int128, shape: Shape, minLearningRate: Double) {
        self.learningRate = learningRate
        self.warmupSteps = warmupSteps
        self.decaySteps = decaySteps
        self.totalSteps = totalSteps
        self.shape = shape
        self.minLearningRate = minLearningRate
    }

    /// `T − D`, the first step of the decay.
    var decayStart: Int128 { totalSteps - Int128(decaySteps) }

    func value(at step: Int) -> Double {
        let t = Int128(step)
        if t >= totalSteps { return minLearningRate }
        if step < warmupSteps { return learningRate * Double(step) / Double(warmupSteps) }
        if t < decayStart { return learningRate }
        let p = Double(t - decayStart) / Double(decaySteps)
        let f: Double
        switch shape {
        case .linear: f = 1 - p
        case .cosine: f = GenericSupport.cosineFall(p)
        case .sqrt: f = 1 - p.squareRoot()
        }
        return minLearningRate + (learningRate - minLearningRate) * f
    }

    func breakpoints(below steps: Int) -> [Int] {
        GenericSupport.clean([warmupSteps, decayStart.clampedToInt, totalSteps.clampedToInt], below: steps)
    }
}

extension ScheduleType {
    /// `wsd` — see ``WSDSchedule``.
    public static let wsd = ScheduleType(
        name: "wsd",
        summary: "Warmup–stable–decay: linear warm-up from 0, a plateau at lr, then a short decay to min_lr.",
        formula: "t < W: lr·t/W; W ≤ t < T − D: lr; T − D ≤ t < T: min_lr + (lr − min_lr)·f(p), p = (t − T + D)/D, f = 1 − p | (1 + cos πp)/2 | 1 − √p; t ≥ T: min_lr; D = decay_steps or round(decay_fraction·T); T = total_steps or W + stable_steps + D",
        parameters: [
            .number("lr", "The stable (peak) learning rate."),
            ParameterSpec("total_steps", .integer, .none, "Total steps T including warm-up and decay (or give stable_steps and decay_steps)."),
            .integer("warmup_steps", default: 0, "Steps of linear warm-up from 0 (≥ 0)."),
            ParameterSpec("stable_steps", .integer, .none, "Steps at lr after warm-up (alternative to total_steps)."),
            ParameterSpec("decay_steps", .integer, .none, "Steps of decay at the end (≥ 0); overrides decay_fraction."),
            .number("decay_fraction", default: 0.1, "Fraction of total_steps spent decaying when decay_steps is not given, in [0, 1]."),
            .choice("decay_shape", ["linear", "cosine", "sqrt"], default: "linear", "Shape of the decay: 1 − p, (1 + cos πp)/2 or 1 − √p."),
            .number("min_lr", default: 0, "The learning rate at the end of the decay and after (≥ 0)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let total = try p.optionalInteger("total_steps")
            let warmup = try p.integer("warmup_steps", atLeast: 0)
            let stable = try p.optionalInteger("stable_steps")
            let decaySteps = try p.optionalInteger("decay_steps")
            let fraction = try p.number("decay_fraction")
            let shape = WSDSchedule.Shape(rawValue: try p.string("decay_shape")) ?? .linear
            let minLR = try p.number("min_lr", atLeast: 0)
            if let stable { try p.check(stable >= 0, "stable_steps", "must be ≥ 0, found \(stable)") }
            if let decaySteps {
                try p.check(decaySteps >= 0, "decay_steps", "must be ≥ 0, found \(decaySteps)")
                try p.check(!p.isGiven("decay_fraction"), "decay_fraction", "give decay_steps or decay_fraction, not both")
            }
            try p.check(fraction >= 0 && fraction <= 1, "decay_fraction", "must be in [0, 1], found \(fraction)")
            // Exact sums: a step count near Int.max plus another is still a step count.
            let T: Int128
            let D: Int
            if let total {
                try p.check(total >= 1, "total_steps", "must be ≥ 1, found \(total)")
                T = Int128(total)
                D = decaySteps ?? Int(saturating: (fraction * Double(total)).rounded(.toNearestOrAwayFromZero))
                if let stable {
                    try p.check(Int128(warmup) + Int128(stable) + Int128(D) == T, "stable_steps",
                                "warmup_steps + stable_steps + decay steps must equal total_steps: \(warmup) + \(stable) + \(D) ≠ \(T)")
                }
            } else {
                guard let stable, let decaySteps else {
                    throw ScheduleError(path: p.path, "wsd needs \"total_steps\", or \"stable_steps\" and \"decay_steps\"")
                }
                D = decaySteps
                T = Int128(warmup) + Int128(stable) + Int128(decaySteps)
                try p.check(T >= 1, "stable_steps", "warmup_steps + stable_steps + decay_steps must be ≥ 1")
            }
            try p.check(Int128(warmup) + Int128(D) <= T, "warmup_steps",
                        "warmup_steps + decay steps must be ≤ total_steps: \(warmup) + \(D) > \(T)")
            return WSDSchedule(learningRate: lr, warmupSteps: warmup, decaySteps: D, totalSteps: T, shape: shape, minLearningRate: minLR)
        })
}
