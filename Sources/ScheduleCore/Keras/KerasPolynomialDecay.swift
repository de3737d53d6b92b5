import Foundation

/// Keras's `PolynomialDecay`: polynomial decay from `initial_learning_rate` to
/// `end_learning_rate` over `decay_steps`, optionally cycling.
///
/// Mirrors `keras/src/optimizers/schedules/learning_rate_schedule.py` (3.15) in float64:
/// ```
/// if cycle:
///     multiplier = 1.0 if step == 0 else ceil(float32(step / decay_steps))   # Keras's ceil is float32
///     decay = decay_steps * multiplier;  s = step
/// else:
///     decay = decay_steps;  s = min(step, decay_steps)
/// lr = (initial_learning_rate - end_learning_rate) * (1 - s / decay) ** power + end_learning_rate
/// ```
/// Without `cycle`, `end_learning_rate` from `decay_steps` on. With `cycle`, each multiple
/// `k·decay_steps` reaches `end_learning_rate` and the next step restarts the decay over a
/// span `(k+1)·decay_steps` long (from a lower value). Keras raises for `decay_steps ≤ 0`.
struct KerasPolynomialDecay: ClosedFormSchedule {
    var initialLearningRate: Double
    var decaySteps: Double
    var endLearningRate: Double
    var power: Double
    var cycle: Bool

    init(initialLearningRate: Double, decaySteps: Double, endLearningRate: Double = 0.0001, power: Double = 1, cycle: Bool = false) {
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.endLearningRate = endLearningRate
        self.power = power
        self.cycle = cycle
    }

    func value(at step: Int) -> Double {
        var s = Double(step)
        var decay = decaySteps
        if cycle {
            let multiplier = s == 0 ? 1.0 : KerasFloat32.ceil(s / decaySteps)
            decay = decay * multiplier
        } else {
            s = XLAMath.minimum(s, decay)
        }
        let p = s / decay
        return (initialLearningRate - endLearningRate) * pow(1 - p, power) + endLearningRate
    }

    /// The end of the decay; with `cycle`, each restart (the step after a multiple of
    /// `decay_steps`, when there are at most 100).
    func breakpoints(below steps: Int) -> [Int] {
        guard decaySteps < 1e15 else { return [] }
        let end = Int(saturating: decaySteps.rounded(.up))
        guard cycle else { return end > 0 && end < steps ? [end] : [] }
        var result: [Int] = []
        var k = 1.0
        while result.count <= 100 {
            let restart = Int(saturating: (k * decaySteps).rounded(.down)) &+ 1
            if restart >= steps { return result }
            result.append(restart)
            k += 1
        }
        return []
    }
}

extension ScheduleType {
    /// `keras.PolynomialDecay` — see ``KerasPolynomialDecay``.
    public static let kerasPolynomialDecay = ScheduleType(
        name: "keras.PolynomialDecay",
        summary: "Keras: polynomial decay to end_learning_rate, optionally cycling.",
        formula: """
            cycle = false: lr = (initial_learning_rate - end_learning_rate) * (1 - min(step, decay_steps) / decay_steps) ** power \
            + end_learning_rate, end_learning_rate from decay_steps on. cycle = true: the same with decay_steps × ceil(step / decay_steps) \
            (× 1 at step 0) in the denominator and no min: end_learning_rate at each multiple of decay_steps, a (smaller) restart \
            on the step after; Keras takes that ceil in float32, so beyond ~10^7 steps it can lag (p > 1, NaN for fractional powers). decay_steps must be > 0 (Keras raises).
            """,
        parameters: [
            .number("initial_learning_rate", "Initial learning rate."),
            .number("decay_steps", "Steps of the decay (> 0)."),
            .number("end_learning_rate", default: 0.0001, "Final learning rate."),
            .number("power", default: 1.0, "Power of the polynomial."),
            .bool("cycle", default: false, "Restart past decay_steps over the next multiple of decay_steps."),
        ],
        make: { p in
            KerasPolynomialDecay(
                initialLearningRate: try p.number("initial_learning_rate"),
                decaySteps: try KerasChecks.positiveSteps(p, "decay_steps"),
                endLearningRate: try p.number("end_learning_rate"), power: try p.number("power"),
                cycle: try p.bool("cycle"))
        })
}
