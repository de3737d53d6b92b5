/// Keras's `InverseTimeDecay`: `initial_learning_rate / (1 + decay_rate * step / decay_steps)`.
///
/// Mirrors `keras/src/optimizers/schedules/learning_rate_schedule.py` (3.15) in float64:
/// ```
/// p = step / decay_steps            # floor(float32(p)) when staircase (Keras floors in float32)
/// lr = initial_learning_rate / (1 + decay_rate * p)
/// ```
/// Decays forever. Keras raises for `decay_steps ≤ 0`.
struct KerasInverseTimeDecay: ClosedFormSchedule {
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
        let denominator = 1.0 + decayRate * p
        return initialLearningRate / denominator
    }

    /// With `staircase`, each stair (when there are at most 100 below `steps`).
    func breakpoints(below steps: Int) -> [Int] {
        guard staircase, decaySteps == decaySteps.rounded(), decaySteps < 1e15 else { return [] }
        return XLAMath.periodic(start: Int(decaySteps), period: Int(decaySteps), below: steps)
    }
}

extension ScheduleType {
    /// `keras.InverseTimeDecay` — see ``KerasInverseTimeDecay``.
    public static let kerasInverseTimeDecay = ScheduleType(
        name: "keras.InverseTimeDecay",
        summary: "Keras: inverse time decay, continuous or staircase.",
        formula: """
            lr(step) = initial_learning_rate / (1 + decay_rate * step / decay_steps) \
            (step / decay_steps floored when staircase: changes at multiples of decay_steps; Keras floors it in \
            float32, so far out a stair can come a step early). Decays forever. \
            decay_steps must be > 0 (Keras raises).
            """,
        parameters: [
            .number("initial_learning_rate", "Initial learning rate."),
            .number("decay_steps", "How often to apply decay (> 0)."),
            .number("decay_rate", "Decay rate."),
            .bool("staircase", default: false, "Decay at discrete intervals."),
        ],
        make: { p in
            KerasInverseTimeDecay(
                initialLearningRate: try p.number("initial_learning_rate"),
                decaySteps: try KerasChecks.positiveSteps(p, "decay_steps"),
                decayRate: try p.number("decay_rate"), staircase: try p.bool("staircase"))
        })
}
