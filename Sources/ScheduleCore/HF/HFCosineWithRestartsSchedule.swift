import Foundation

/// `hf.cosine_with_restarts`: transformers' `get_cosine_with_hard_restarts_schedule_with_warmup`.
///
/// After warmup, `num_cycles` cosine decays from `lr` to 0, each restarting at `lr`:
/// `lr_lambda = max(0, 0.5 * (1 + cos(pi * ((num_cycles * progress) % 1.0))))`, and 0 once
/// `progress ≥ 1`.
struct HFCosineWithRestartsSchedule: HFLambdaSchedule {
    var lr: Double
    var numWarmupSteps: Int
    var numTrainingSteps: Int
    var numCycles: Double

    init(lr: Double, numWarmupSteps: Int, numTrainingSteps: Int, numCycles: Double) {
        self.lr = lr
        self.numWarmupSteps = numWarmupSteps
        self.numTrainingSteps = numTrainingSteps
        self.numCycles = numCycles
    }

    /// `float(t - W) / float(max(1, T - W))` with exact (Python int) differences.
    func progress(_ step: Int128) -> Double {
        PythonMath.float(step - Int128(numWarmupSteps)) / PythonMath.float(max(1, Int128(numTrainingSteps) - Int128(numWarmupSteps)))
    }

    /// The cycle of step `s`: `⌊num_cycles · progress⌋`.
    func cycle(_ s: Int128) -> Double { (numCycles * progress(s)).rounded(.down) }

    /// The first step of cycle `k` (`k ≥ 1`) in `lo ..< hi`: near the real restart
    /// `W + k · (T − W) / num_cycles`, moved to where ``cycle(_:)`` reaches `k`.
    func restart(_ k: Double, from lo: Int128, to hi: Int128) -> Int128 {
        let span = Int128(numTrainingSteps) - Int128(numWarmupSteps)
        let guess = (k * PythonMath.float(span) / numCycles).rounded(.up)
        var s = Int128(numWarmupSteps) + (guess.isFinite ? Int128(guess) : span)
        s = min(max(s, lo), hi)
        while s > lo && cycle(s - 1) >= k { s -= 1 }
        while s < hi && cycle(s) < k { s += 1 }
        return s
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps { return HFParameters.linearWarmup(step, numWarmupSteps) }
        let progress = progress(Int128(step))
        if progress >= 1.0 { return 0.0 }
        let phase = try PythonMath.modulo(numCycles * progress, 1.0)
        return PythonMath.max(0.0, 0.5 * (1.0 + cos(Double.pi * phase)))
    }

    /// Warmup end, every restart (the first step whose `num_cycles * progress` reaches the
    /// next whole number) and the end of training.
    func breakpoints(below steps: Int) -> [Int] {
        let w = Int128(numWarmupSteps), t = Int128(numTrainingSteps)
        var marks = [w, t]
        if numCycles > 1, numCycles.isFinite, t - w > 1 {
            var k = 1
            while Double(k) < numCycles && marks.count < 10_000 {
                let s = restart(Double(k), from: w + 1, to: t)
                if s >= Int128(steps) || s >= t { break }
                marks.append(s)
                k += 1
            }
        }
        return HFParameters.marks(marks, below: steps)
    }
}

extension ScheduleType {
    /// `hf.cosine_with_restarts` — see ``HFCosineWithRestartsSchedule``.
    public static let hfCosineWithRestarts = ScheduleType(
        name: "hf.cosine_with_restarts",
        summary: "transformers cosine decays with hard restarts after a linear warmup (get_scheduler(\"cosine_with_restarts\")).",
        formula: """
            values[t] = lr * lr_lambda(t), W = num_warmup_steps, T = num_training_steps:
              t < W:  lr_lambda = t / max(1, W)
              t ≥ W:  progress = (t - W) / max(1, T - W)
                      lr_lambda = 0 if progress ≥ 1
                                  else max(0, 0.5 * (1 + cos(pi * ((num_cycles * progress) % 1.0))))
            Python's % (result with the sign of 1.0). 0 from t = T on.
            """,
        parameters: [
            HFParameters.lr, HFParameters.warmupRequired, HFParameters.trainingRequired,
            .number("num_cycles", default: 1, "Number of hard restarts (cosine cycles)."),
        ],
        makeGroups: { p in
            return try HFParameters.learningRates(p).map { lr in
                try HFCosineWithRestartsSchedule(
                    lr: lr,
                    numWarmupSteps: p.integer("num_warmup_steps"),
                    numTrainingSteps: p.integer("num_training_steps"),
                    numCycles: p.number("num_cycles")
                ).checkedAtConstruction(p)
            }
        })
}
