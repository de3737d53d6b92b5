import Foundation

/// Keras's `CosineDecayRestarts` (SGDR): cosine decays restarted after periods growing by
/// `t_mul`, each from `m_mul` times the previous peak.
///
/// Mirrors `keras/src/optimizers/schedules/learning_rate_schedule.py` (3.15) in float64, in
/// its order of operations:
/// ```
/// f = step / first_decay_steps
/// t_mul == 1:  i = floor(float32(f));  f = f - i
/// otherwise:   i = floor(float32(log(1 - f * (1 - t_mul)) / log(t_mul)))
///              f = (f - (1 - t_mul ** i) / (1 - t_mul)) / t_mul ** i
/// lr = initial_learning_rate * ((1 - alpha) * (0.5 * m_mul ** i * float32(1 + cos32(pi * f))) + alpha)
/// ```
/// Keras's `ops.floor` and `ops.cos` compute in float32 (see ``KerasFloat32``); everything
/// else is float64. The restart index is the float32 floor of a float64 logarithm ratio: near
/// an exact restart the ratio may land just below an integer (staying one step in the old
/// period, at its end value) or round up to it in float32; far out (steps/first_decay_steps
/// beyond ~10^7) float32 rounding moves restarts by whole steps. `t_mul < 1` eventually takes the log of
/// a negative number (NaN), as in Keras. Runs forever. Keras raises for `first_decay_steps ≤ 0`.
struct KerasCosineDecayRestarts: ClosedFormSchedule {
    var initialLearningRate: Double
    var firstDecaySteps: Double
    var tMul: Double
    var mMul: Double
    var alpha: Double

    init(initialLearningRate: Double, firstDecaySteps: Double, tMul: Double = 2, mMul: Double = 1, alpha: Double = 0) {
        self.initialLearningRate = initialLearningRate
        self.firstDecaySteps = firstDecaySteps
        self.tMul = tMul
        self.mMul = mMul
        self.alpha = alpha
    }

    /// Keras's restart index and fraction of the current period at `step`.
    func period(at step: Int) -> (restart: Double, fraction: Double) {
        let completedFraction = Double(step) / firstDecaySteps
        if tMul == 1.0 {
            let i = KerasFloat32.floor(completedFraction)
            return (i, completedFraction - i)
        }
        // Inside ops.cond: XLA fuses the branch and contracts 1 - f * (1 - t_mul) into one FMA.
        let i = KerasFloat32.floor(log(1.0.addingProduct(-completedFraction, 1.0 - tMul)) / log(tMul))
        let sumR = (1.0 - pow(tMul, i)) / (1.0 - tMul)
        return (i, (completedFraction - sumR) / pow(tMul, i))
    }

    func value(at step: Int) -> Double {
        let (i, fraction) = period(at: step)
        let mFac = pow(mMul, i)
        let cosinePlusOne: Float = 1.0 + KerasFloat32.cos(Double.pi * fraction)
        let cosineDecayed = 0.5 * mFac * Double(cosinePlusOne)
        let decayed = (1 - alpha) * cosineDecayed + alpha
        return initialLearningRate * decayed
    }

    /// Each restart: the first step whose restart index is higher than the step before's
    /// (at most 100; none once the index stops being finite).
    func breakpoints(below steps: Int) -> [Int] {
        var result: [Int] = []
        var start = 0.0, length = firstDecaySteps
        var attempts = 0
        while result.count < 100 && attempts < 10_000 {
            attempts += 1
            start += length
            length *= tMul
            guard start.isFinite, start < Double(steps), length >= 1 else { break }
            // The float restart index may move the exact step by one; look around the real boundary.
            let guess = Int(saturating: start.rounded(.up))
            let previous = result.last ?? 0
            var found: Int?
            let low = max(guess - 1, previous + 1), high = guess < Int.max ? guess + 1 : guess
            guard low <= high else { continue }
            for s in low...high where s > 0 && s < steps {
                let (i, _) = period(at: s), (j, _) = period(at: s - 1)
                if i.isFinite, j.isFinite, i > j { found = s; break }
            }
            if let s = found { result.append(s) }
        }
        return result
    }
}

extension ScheduleType {
    /// `keras.CosineDecayRestarts` — see ``KerasCosineDecayRestarts``.
    public static let kerasCosineDecayRestarts = ScheduleType(
        name: "keras.CosineDecayRestarts",
        summary: "Keras: cosine decay with warm restarts (SGDR).",
        formula: """
            f = step / first_decay_steps; t_mul = 1: i = floor(f), f -= i; otherwise \
            i = floor(log(1 - f * (1 - t_mul)) / log(t_mul)), f = (f - (1 - t_mul**i) / (1 - t_mul)) / t_mul**i. \
            lr = initial_learning_rate * ((1 - alpha) * 0.5 * m_mul**i * (1 + cos(pi * f)) + alpha); the floor and cos are float32 as in Keras. \
            Period k lasts first_decay_steps·t_mul^k and peaks at initial_learning_rate·m_mul^k; the float log may \
            put an exact restart step one step late (as in Keras). Runs forever. first_decay_steps must be > 0 (Keras raises).
            """,
        parameters: [
            .number("initial_learning_rate", "Initial learning rate."),
            .number("first_decay_steps", "Steps of the first decay period (> 0)."),
            .number("t_mul", default: 2.0, "Factor on the length of each next period."),
            .number("m_mul", default: 1.0, "Factor on the peak of each next period."),
            .number("alpha", default: 0.0, "Minimum learning rate as a fraction of initial_learning_rate."),
        ],
        make: { p in
            KerasCosineDecayRestarts(
                initialLearningRate: try p.number("initial_learning_rate"),
                firstDecaySteps: try KerasChecks.positiveSteps(p, "first_decay_steps"),
                tMul: try p.number("t_mul"), mMul: try p.number("m_mul"), alpha: try p.number("alpha"))
        })
}
