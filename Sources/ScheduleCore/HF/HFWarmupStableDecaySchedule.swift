import Foundation

/// `hf.warmup_stable_decay`: transformers' `get_wsd_schedule` (`get_scheduler("warmup_stable_decay")`).
///
/// Three phases: warmup from `min_lr_ratio` to 1 (`linear`, `cosine` or `1-sqrt`), a stable
/// phase at 1, and a decay back to `min_lr_ratio` (`linear`, `cosine` or `1-sqrt`); then
/// `min_lr_ratio` for good.
struct HFWarmupStableDecaySchedule: HFLambdaSchedule {
    /// The shape of the warmup or the decay.
    enum Shape: String, Sendable, CaseIterable {
        case linear
        case cosine
        case oneMinusSqrt = "1-sqrt"
    }

    var lr: Double
    var numWarmupSteps: Int
    /// `S`, a Python int (`num_training_steps - W - D` need not fit in 64 bits).
    var numStableSteps: Int128
    var numDecaySteps: Int
    var warmupType: Shape
    var decayType: Shape
    var minLRRatio: Double
    var numCycles: Double

    init(lr: Double, numWarmupSteps: Int, numStableSteps: Int128, numDecaySteps: Int,
                warmupType: Shape, decayType: Shape, minLRRatio: Double, numCycles: Double) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        self.numStableSteps = numStableSteps
        self.numDecaySteps = numDecaySteps
        self.warmupType = warmupType
        self.decayType = decayType
        self.minLRRatio = minLRRatio
        self.numCycles = numCycles
    }

    /// `W + S`, the first step of the decay (a Python int).
    var decayStart: Int128 { Int128(numWarmupSteps) + numStableSteps }
    /// `W + S + D`, the first step after it.
    var decayEnd: Int128 { decayStart + Int128(numDecaySteps) }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps {
            let progress = Double(step) / Double(max(1, numWarmupSteps))
            var factor: Double
            switch warmupType {
            case .linear: factor = progress
            case .cosine: factor = 0.5 * (1.0 - cos(Double.pi * progress))
            case .oneMinusSqrt: factor = 1.0 - (try PythonMath.sqrt(1.0 - progress))
            }
            factor = factor * (1.0 - minLRRatio) + minLRRatio
            return PythonMath.max(0.0, factor)
        }
        let t = Int128(step)
        if t < decayStart { return 1.0 }
        if t < decayEnd {
            let progress = PythonMath.float(t - decayStart) / Double(max(1, numDecaySteps))
            var factor: Double
            switch decayType {
            case .linear: factor = 1.0 - progress
            case .cosine: factor = 0.5 * (1.0 + cos(Double.pi * numCycles * 2.0 * progress))
            case .oneMinusSqrt: factor = 1.0 - (try PythonMath.sqrt(progress))
            }
            factor = factor * (1.0 - minLRRatio) + minLRRatio
            return PythonMath.max(0.0, factor)
        }
        return minLRRatio
    }

    /// Warmup end, decay start and decay end.
    func breakpoints(below steps: Int) -> [Int] {
        HFParameters.marks([Int128(numWarmupSteps), decayStart, decayEnd], below: steps)
    }
}

extension ScheduleType {
    /// `hf.warmup_stable_decay` — see ``HFWarmupStableDecaySchedule``.
    public static let hfWarmupStableDecay = ScheduleType(
        name: "hf.warmup_stable_decay",
        summary: "transformers warmup-stable-decay (get_scheduler(\"warmup_stable_decay\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, S = num_stable_steps
            (default num_training_steps - W - D), D = num_decay_steps, m = min_lr_ratio:
              t < W:          p = t / max(1, W); f = p | 0.5 * (1 - cos(pi * p)) | 1 - sqrt(1 - p)
                              lr_lambda = max(0, f * (1 - m) + m)
              t < W + S:      lr_lambda = 1
              t < W + S + D:  p = (t - W - S) / max(1, D)
                              f = 1 - p | 0.5 * (1 + cos(pi * num_cycles * 2 * p)) | 1 - sqrt(p)
                              lr_lambda = max(0, f * (1 - m) + m)
              later:          lr_lambda = m (held forever).
            num_stable_steps wins when both it and num_training_steps are given.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired,
            ParameterSpec("num_decay_steps", .integer, .required, "Steps of the decay phase."),
            ParameterSpec("num_training_steps", .integer, .none, "Total steps; the stable phase is what remains (give this or num_stable_steps)."),
            ParameterSpec("num_stable_steps", .integer, .none, "Steps of the stable phase (give this or num_training_steps)."),
            .choice("warmup_type", ["linear", "cosine", "1-sqrt"], default: "linear", "Shape of the warmup."),
            .choice("decay_type", ["linear", "cosine", "1-sqrt"], default: "cosine", "Shape of the decay."),
            .number("min_lr_ratio", default: 0, "Start of the warmup and end of the decay, as a fraction of lr."),
            .number("num_cycles", default: 0.5, "Cosine waves of a cosine decay (0.5: a half cosine)."),
        ],
        makeGroups: { p in
            let warmup = try p.integer("num_warmup_steps")
            let decay = try p.integer("num_decay_steps")
            let training = try p.optionalInteger("num_training_steps")
            let stable = try p.optionalInteger("num_stable_steps")
            // num_training_steps - W - D is a Python int: it need not fit in 64 bits.
            guard let stableSteps = stable.map({ Int128($0) }) ?? training.map({ Int128($0) - Int128(warmup) - Int128(decay) }) else {
                throw ScheduleError(path: p.path, "Either num_training_steps or num_stable_steps must be specified.")
            }
            func shape(_ name: String) throws -> HFWarmupStableDecaySchedule.Shape {
                let kind = name == "warmup_type" ? "warmup" : "decay"
                let value = try p.string(name) { "Unknown \(kind) type: \($0), expected 'linear', 'cosine' or '1-sqrt'" }
                guard let shape = HFWarmupStableDecaySchedule.Shape(rawValue: value) else {
                    throw p.error(name, "Unknown \(kind) type: \(value), expected 'linear', 'cosine' or '1-sqrt'")
                }
                return shape
            }
            return try HFParameters.learningRates(p).map { lr in
                try HFWarmupStableDecaySchedule(
                    lr: lr,
                    numWarmupSteps: warmup,
                    numStableSteps: stableSteps,
                    numDecaySteps: decay,
                    warmupType: shape("warmup_type"),
                    decayType: shape("decay_type"),
                    minLRRatio: p.number("min_lr_ratio"),
                    numCycles: p.number("num_cycles")
                ).checkedAtConstruction(p)
            }
        })
}
