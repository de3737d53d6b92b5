import ScheduleCore
import Simulation

/// Trains the spec's problem once per schedule (the `"simulate"` block): the same model and
/// data, each schedule driving its optimizer.
public enum SimulationJob {
    /// One schedule's run.
    public struct Result: Sendable {
        public var entry: ScheduleEntry
        public var run: SimulationRun
    }

    /// Runs every schedule of `spec` for `spec.steps` steps.
    ///
    /// - Parameter progress: called with (schedule index, steps done) after every step.
    /// - Throws: ``LRPlotError`` (exit 2) when the spec has no `"simulate"` block or an
    ///   optimizer cannot follow its schedule (momentum cycling on Adagrad); exit 1 when the
    ///   bundled data cannot be read.
    public static func run(
        _ spec: Spec, file: String, progress: ((Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> [Result] {
        guard spec.simulation != nil else {
            throw LRPlotError(.badInput, file: file, path: "", "no \"simulate\" block: add {\"optimizer\": {\"type\": \"torch.SGD\", \"lr\": 0.1}, \"problem\": \"digits\"} to simulate training")
        }
        var results: [Result] = []
        for (index, entry) in spec.schedules.enumerated() {
            guard let simulation = entry.simulation else { continue }
            do {
                let run = try simulate(schedule: entry.schedule, spec: simulation, steps: spec.steps,
                                       progress: progress.map { report in { report(index, $0) } })
                results.append(Result(entry: entry, run: run))
            } catch {
                let isData = error.message.lowercased().contains("digits")
                throw LRPlotError(isData ? .runtime : .badInput, file: file, path: entry.path, error.message)
            }
        }
        return results
    }

    /// The warnings a run leaves for stderr: divergence and framework stops, with their steps.
    public static func warnings(_ results: [Result], file: String) -> [String] {
        results.flatMap { r -> [String] in
            var out: [String] = []
            if let step = r.run.divergedAt {
                out.append("\(file): \(r.entry.path) (\(r.entry.label)): the loss diverged (NaN or infinity) at step \(step); the run stops there")
            }
            if let stop = r.run.stop {
                out.append(ValuesWriter.stopWarning(entry: r.entry, stop: stop, file: file))
            }
            return out
        }
    }
}
