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

    private func progress(_ step: Int) -> Double {
        Double(step - numWarmupSteps) / Double(max(1, numTrainingSteps - numWarmupSteps))
    }

    func lambda(_ step: Int) throws(PythonRaise) -> Double {
        if step < numWarmupSteps { return HFParameters.linearWarmup(step, numWarmupSteps) }
        let progress = progress(step)
        if progress >= 1.0 { return 0.0 }
        let phase = try PythonMath.modulo(numCycles * progress, 1.0)
        return PythonMath.max(0.0, 0.5 * (1.0 + cos(Double.pi * phase)))
    }

    /// Warmup end, every restart (the first step whose `num_cycles * progress` reaches the
    /// next whole number) and the end of training.
    func breakpoints(below steps: Int) -> [Int] {
        var marks = [numWarmupSteps, numTrainingSteps]
        let span = numTrainingSteps - numWarmupSteps
        if numCycles > 1, numCycles.isFinite, span > 1 {
            func cycle(_ s: Int) -> Double { (numCycles * progress(s)).rounded(.down) }
            var k = 1
            while Double(k) < numCycles && marks.count < 10_000 {
                var s = numWarmupSteps &+ Int(saturating: (Double(k) * Double(span) / numCycles).rounded(.up))
                while s > numWarmupSteps + 1 && cycle(s - 1) >= Double(k) { s -= 1 }
                while s < numTrainingSteps && cycle(s) < Double(k) { s += 1 }
                if s >= steps || s >= numTrainingSteps { break }
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
        make: { p in
            try HFCosineWithRestartsSchedule(
                lr: HFParameters.learningRate(p),
                numWarmupSteps: p.integer("num_warmup_steps"),
                numTrainingSteps: p.integer("num_training_steps"),
                numCycles: p.number("num_cycles")
            ).checkedAtConstruction(p)
        })
}
