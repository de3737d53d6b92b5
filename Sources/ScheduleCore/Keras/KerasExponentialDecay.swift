import Foundation

/// Keras's `ExponentialDecay`: `initial_learning_rate * decay_rate ** (step / decay_steps)`.
///
/// Mirrors `keras/src/optimizers/schedules/learning_rate_schedule.py` (3.15) in float64:
/// ```
/// p = step / decay_steps            # floor(float32(p)) when staircase (Keras floors in float32)
/// lr = initial_learning_rate * decay_rate ** p
/// ```
/// Decays forever; with `staircase` each factor takes effect at a multiple of `decay_steps`.
/// Keras raises for `decay_steps ≤ 0`.
struct KerasExponentialDecay: ClosedFormSchedule {
    var initialLearningRate: Double
    var decaySteps: Double
    var decayRate: Double
    var staircase: Bool

    init(initialLearningRate: Double, decaySteps: Double, decayRate: Double, staircase: Bool = false) {
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
    }

    func value(at step: Int) -> Double {
        var p = Double(step) / decaySteps
        if staircase { p = KerasFloat32.floor(p) }
        return initialLearningRate * pow(decayRate, p)
    }

    /// With `staircase`, each stair (when there are at most 100 below `steps`).
    func breakpoints(below steps: Int) -> [Int] {
        guard staircase, decaySteps == decaySteps.rounded(), decaySteps < 1e15 else { return [] }
        return XLAMath.periodic(start: Int(decaySteps), period: Int(decaySteps), below: steps)
    }
}

/// Keras's check shared by its decays: `decay_steps` must be > 0.
enum KerasChecks {
    static func positiveSteps(_ p: Parameters, _ name: String) throws -> Double {
        let steps = try p.number(name)
        try p.check(steps > 0, name, "Argument `\(name)` must be > 0. Received: \(name)=\(KerasChecks.format(steps))")
        return steps
    }

    /// A number as Python prints it for integers (`10`, not `10.0`).
    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension ScheduleType {
    /// `keras.ExponentialDecay` — see ``KerasExponentialDecay``.
    public static let kerasExponentialDecay = ScheduleType(
        name: "keras.ExponentialDecay",
        summary: "Keras: exponential decay, continuous or staircase.",
        formula: """
            lr(step) = initial_learning_rate * decay_rate ** (step / decay_steps) \
            (the exponent floored when staircase: factors take effect at multiples of decay_steps; Keras floors \
            float32(step / decay_steps), so far out a stair can come a step early). \
            Decays forever. decay_steps must be > 0 (Keras raises).
            """,
        parameters: [
            .number("initial_learning_rate", "Initial learning rate."),
            .number("decay_steps", "Steps per factor of decay_rate (> 0)."),
            .number("decay_rate", "Decay rate."),
            .bool("staircase", default: false, "Decay at discrete intervals (floor of the exponent)."),
        ],
        make: { p in
            KerasExponentialDecay(
                initialLearningRate: try p.number("initial_learning_rate"),
                decaySteps: try KerasChecks.positiveSteps(p, "decay_steps"),
                decayRate: try p.number("decay_rate"), staircase: try p.bool("staircase"))
        })
}
