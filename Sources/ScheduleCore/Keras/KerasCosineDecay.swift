import Foundation

/// Keras's `CosineDecay`: an optional linear warmup from `initial_learning_rate` to
/// `warmup_target`, then cosine decay to `alpha` times the decay's starting value.
///
/// Mirrors `keras/src/optimizers/schedules/learning_rate_schedule.py` (3.15) on JAX with
/// `jax_enable_x64` and a float64 `initial_learning_rate`:
/// ```
/// decay(s, from) = from * ((1 - alpha) * 0.5 * (1 + cos(pi * (s / decay_steps))) + alpha)
///     # s / decay_steps and pi * … in float64; ops.cos computes in float32 (see
///     # ``KerasFloat32``), so 0.5 * (1 + cos) and (1 - alpha) * … + alpha (Python scalars,
///     # weakly typed) stay float32; `from` is a float64 tensor, so the product is float64.
///     # With warmup_target, Keras runs both phases inside ops.cond, compiled by XLA, which
///     # contracts `a * b + c` into fused multiply-adds: reproduced with `addingProduct`.
/// warmup_target is None:  lr = decay(min(step, decay_steps), initial_learning_rate)
/// otherwise:  s = min(step, decay_steps + warmup_steps)
///     s < warmup_steps:  lr = (warmup_target - initial_learning_rate) * (s / warmup_steps) + initial_learning_rate
///     else:              lr = decay(s - warmup_steps, warmup_target)
/// ```
/// Constant `alpha · from` once the decay is over. Without `warmup_target`, `warmup_steps` is
/// ignored. Keras raises for `decay_steps ≤ 0`. (With a Python-float `initial_learning_rate`
/// Keras keeps the product without warmup in float32: `float32(lr) * factor`; lrplot follows
/// the float64 convention of every Keras type.)
struct KerasCosineDecay: ClosedFormSchedule {
    var initialLearningRate: Double
    var decaySteps: Double
    var alpha: Double
    var warmupTarget: Double?
    var warmupSteps: Double

    init(initialLearningRate: Double, decaySteps: Double, alpha: Double = 0, warmupTarget: Double? = nil, warmupSteps: Double = 0) {
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.warmupTarget = warmupTarget
        self.warmupSteps = warmupSteps
    }

    /// Keras's `_decay_function`: the cosine and the factor are float32 (`ops.cos` computes in
    /// float32 and the Python scalars 0.5, 1.0, alpha stay weakly typed); `from` is float64.
    private func decay(_ step: Double) -> Float {
        let completedFraction = step / decaySteps
        let cosine = KerasFloat32.cos(Double.pi * completedFraction)
        let cosineDecayed: Float = 0.5 * (1.0 + cosine)
        return Float(1 - alpha) * cosineDecayed + Float(alpha)
    }

    /// The same inside `ops.cond` (the warmup case): XLA compiles the branch as one fused
    /// kernel and contracts `(1 - alpha) * c + alpha` into a fused multiply-add.
    private func fusedDecay(_ step: Double) -> Float {
        let completedFraction = step / decaySteps
        let cosine = KerasFloat32.cos(Double.pi * completedFraction)
        let cosineDecayed: Float = 0.5 * (1.0 + cosine)
        return Float(alpha).addingProduct(Float(1 - alpha), cosineDecayed)
    }

    func value(at step: Int) -> Double {
        guard let target = warmupTarget else {
            // initial_learning_rate is a float64 tensor: the float32 factor is promoted.
            return initialLearningRate * Double(decay(XLAMath.minimum(Double(step), decaySteps)))
        }
        let s = XLAMath.minimum(Double(step), decaySteps + warmupSteps)
        if s < warmupSteps {
            let completedFraction = s / warmupSteps
            let totalDelta = target - initialLearningRate
            return initialLearningRate.addingProduct(totalDelta, completedFraction)   // fused in the cond branch
        }
        // warmup_target is cast to a strong float64 tensor: the product is float64.
        return target * Double(fusedDecay(s - warmupSteps))
    }

    /// The end of warmup and the end of the decay.
    func breakpoints(below steps: Int) -> [Int] {
        let warmup = warmupTarget == nil ? 0 : max(warmupSteps, 0)
        return [warmup, warmup + decaySteps]
            .filter { $0 < 1e15 }
            .map { Int(saturating: $0.rounded(.up)) }
            .filter { $0 > 0 && $0 < steps }
    }
}

extension ScheduleType {
    /// `keras.CosineDecay` — see ``KerasCosineDecay``.
    public static let kerasCosineDecay = ScheduleType(
        name: "keras.CosineDecay",
        summary: "Keras: optional linear warmup to warmup_target, then cosine decay to alpha times it.",
        formula: """
            decay(s, from) = from * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decay_steps)) + alpha). \
            warmup_target None: lr = decay(min(step, decay_steps), initial_learning_rate). \
            Otherwise s = min(step, warmup_steps + decay_steps); s < warmup_steps: \
            (warmup_target - initial_learning_rate) * s / warmup_steps + initial_learning_rate; else decay(s - warmup_steps, warmup_target). \
            Keras computes the cosine factor in float32 (its ops.cos casts to float32) and multiplies it by the \
            float64 rate (initial_learning_rate, or warmup_target after warmup): reproduced bit for bit. \
            Constant alpha·from after the decay. decay_steps must be > 0 (Keras raises).
            """,
        parameters: [
            .number("initial_learning_rate", "Initial learning rate (start of warmup, or of the decay without warmup)."),
            .number("decay_steps", "Steps of the cosine decay (> 0)."),
            .number("alpha", default: 0.0, "Final learning rate as a fraction of the decay's starting value."),
            ParameterSpec("warmup_target", .number, .none, "Learning rate at the end of warmup; None: no warmup."),
            .number("warmup_steps", default: 0, "Steps of the linear warmup (used with warmup_target)."),
        ],
        make: { p in
            KerasCosineDecay(
                initialLearningRate: try p.number("initial_learning_rate"),
                decaySteps: try KerasChecks.positiveSteps(p, "decay_steps"),
                alpha: try p.number("alpha"), warmupTarget: try p.optionalNumber("warmup_target"),
                warmupSteps: try p.number("warmup_steps"))
        })
}
