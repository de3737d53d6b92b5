import ScheduleCore
import Simulation

/// Prints simulated training losses as CSV or JSON (`lrplot simulate`).
///
/// CSV: a header `step,<label>,…`, then one row per step with each schedule's training loss
/// (the loss before that step's update); empty cells once a run has diverged or stopped.
/// JSON: `{"steps": […], "series": [{"label", "type", "optimizer", "losses", …}]}` with
/// `null` after a run ends, plus `validation_loss` and `validation_accuracy` (digits) and
/// `diverged_at` where it applies.
public enum SimulationWriter {
    /// The text for the runs of `spec`'s schedules (`results`) over `spec.steps` steps.
    public static func write(_ results: [SimulationJob.Result], of spec: Spec, format: ValuesFormat) -> String {
        let steps = spec.steps
        func cell(_ values: [Double], _ t: Int) -> Double? { t < values.count ? values[t] : nil }
        func number(_ v: Double?) -> String { v.map(JSONWriter.format) ?? "null" }
        var out = ""
        switch format {
        case .csv:
            out += "step" + results.map { "," + ValuesWriter.csvField(spec.schedules[$0.index].label) }.joined() + "\n"
            for t in 0..<steps {
                out += String(t)
                for r in results { out += "," + (cell(r.run.losses, t).map(JSONWriter.format) ?? "") }
                out += "\n"
            }
        case .json:
            out += "{\"steps\": [" + (0..<steps).map(String.init).joined(separator: ", ") + "],\n \"series\": ["
            for (i, r) in results.enumerated() {
                let entry = spec.schedules[r.index]
                out += (i == 0 ? "\n  " : ",\n  ") + "{\"label\": " + JSONWriter.quote(entry.label)
                out += ", \"type\": " + JSONWriter.quote(entry.typeName)
                if let optimizer = entry.simulation?.optimizer.typeName {
                    out += ", \"optimizer\": " + JSONWriter.quote(optimizer)
                }
                out += ", \"losses\": [" + (0..<steps).map { number(cell(r.run.losses, $0)) }.joined(separator: ", ") + "]"
                if !r.run.validationLoss.isEmpty {
                    let loss = r.run.validationLoss, accuracy = r.run.validationAccuracy
                    out += ", \"validation_loss\": [" + (0..<steps).map { number($0 < loss.count ? loss[$0] : nil) }.joined(separator: ", ") + "]"
                    out += ", \"validation_accuracy\": [" + (0..<steps).map { number($0 < accuracy.count ? accuracy[$0] : nil) }.joined(separator: ", ") + "]"
                }
                if let step = r.run.divergedAt { out += ", \"diverged_at\": \(step)" }
                if let stop = r.run.stop {
                    out += ", \"stopped\": {\"step\": \(stop.step), \"message\": " + JSONWriter.quote(stop.message) + "}"
                }
                out += "}"
            }
            out += "\n]}\n"
        }
        return out
    }
}
