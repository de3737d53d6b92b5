import ScheduleCore
import Simulation

/// Trains the spec's problem once per schedule (the `"simulate"` block): the same model and
/// data, each schedule driving its optimizer.
public enum SimulationJob {
    /// One schedule's run.
    public struct Result: Sendable {
        /// The schedule's index in the spec's `schedules`.
        public var index: Int
        public var run: SimulationRun
    }

    /// Every run, with the warnings their evaluation leaves (stops, divergences).
    public struct Outcome: Sendable {
        public var results: [Result]
        public var warnings: [LRPlotWarning]
    }

    /// Runs every schedule of `spec` for `spec.steps` steps.
    ///
    /// What each run found (the framework raising, a non-finite learning rate, a diverged loss)
    /// goes through the evaluation policy (``Evaluation/apply(_:to:)``), as for charts and values.
    ///
    /// - Parameter progress: called with (schedule index, steps done) after every step.
    /// - Throws: ``LRPlotError``: `.spec` when the spec has no `"simulate"` block, its runs'
    ///   estimated work is over ``SimulationBudget/maximumWork`` together (without
    ///   `"allow_long": true`; checked before the first run), an optimizer
    ///   cannot follow its schedule (momentum cycling on Adagrad) or a schedule yields NaN;
    ///   `.runtime` when the bundled data cannot be read.
    public static func run(_ spec: Spec, progress: ((Int, Int) -> Void)? = nil) throws(LRPlotError) -> Outcome {
        guard let simulation = spec.simulation else {
            throw LRPlotError(.spec, file: spec.file, path: "", "no \"simulate\" block: add {\"optimizer\": {\"type\": \"torch.SGD\", \"lr\": 0.1}, \"problem\": \"digits\"} to simulate training")
        }
        // The budget covers the spec's runs together, checked before the first starts.
        do {
            try SimulationBudget.check(spec.schedules.compactMap { e in e.simulation.map { ($0, e.schedule) } },
                                       steps: spec.steps, allowLong: simulation.allowLong)
        } catch {
            throw LRPlotError(.spec, file: spec.file, path: "simulate", error.message)
        }
        var results: [Result] = []
        var diagnostics: [EvaluationDiagnostic] = []
        for (index, entry) in spec.schedules.enumerated() {
            guard let simulation = entry.simulation else { continue }
            let run: SimulationRun
            do {
                run = try simulate(schedule: entry.schedule, spec: simulation, steps: spec.steps,
                                   progress: progress.map { report in { report(index, $0) } })
            } catch {
                throw LRPlotError(error.kind == .data ? .runtime : .spec, file: spec.file, path: entry.path, error.message)
            }
            diagnostics += Evaluation.found(in: index, stop: run.stop, nonFinite: run.nonFiniteLearningRate)
            if let step = run.divergedAt { diagnostics.append(.diverged(schedule: index, step: step)) }
            results.append(Result(index: index, run: run))
        }
        return Outcome(results: results, warnings: try Evaluation.apply(diagnostics, to: spec))
    }
}
