import Foundation
@testable import LRPlotKit
import ScheduleCore

/// The plain oracle for ``ValuesWriter/writeBytes(_:)``: one step at a time through
/// ``ScheduleCursor/next()`` and `String`, every JSON value held in memory. The pipelines must
/// give exactly its bytes, its warnings and its errors.
struct ReferenceValuesWriter {
    var spec: Spec
    var format: ValuesFormat
    /// The steps printed (increasing), or `nil` for every step; the walk ends at the last.
    var rows: [Int]? = nil

    /// The text of the values and the warnings; throws what the policy throws, after writing
    /// (CSV) the rows before the first non-finite value.
    func write(_ emit: (String) -> Void) throws(LRPlotError) -> [LRPlotWarning] {
        var cursors: [ScheduleCursor] = []
        for entry in spec.schedules { cursors.append(try Evaluation.cursor(for: entry, in: spec)) }
        let momentumColumns = spec.schedules.map(\.schedule.setsMomentum)
        var out = ""
        var values: [[Double?]] = Array(repeating: [], count: cursors.count)
        var momenta: [[Double?]] = Array(repeating: [], count: cursors.count)
        let selected = rows.map(Set.init)
        let walked = rows.map { ($0.last ?? -1) + 1 } ?? spec.steps
        if format == .csv {
            out += "step" + (spec.stepsPerEpoch != nil ? ",epoch" : "")
            for (entry, hasMomentum) in zip(spec.schedules, momentumColumns) {
                out += "," + ValuesWriter.csvField(entry.label)
                if hasMomentum { out += "," + ValuesWriter.csvField(entry.label + ":momentum") }
            }
            out += "\n"
        }
        var found: [EvaluationDiagnostic] = []
        rowLoop: for step in 0..<walked {
            var line = String(step)
            if let spe = spec.stepsPerEpoch { line += ",\(step / spe)" }
            for i in cursors.indices {
                let sample = cursors[i].next()
                if let sample, !sample.learningRate.isFinite {
                    found.append(.nonFinite(schedule: i, step: step, value: sample.learningRate))
                }
                line += "," + (sample.map { JSONWriter.format($0.learningRate) } ?? "")
                if momentumColumns[i] { line += "," + (sample?.momentum.map(JSONWriter.format) ?? "") }
                if selected?.contains(step) ?? true {
                    values[i].append(sample?.learningRate)
                    if momentumColumns[i] { momenta[i].append(sample?.momentum) }
                }
            }
            if !found.isEmpty { break rowLoop }
            if format == .csv && selected?.contains(step) ?? true { out += line + "\n" }
        }
        for i in cursors.indices {
            found += Evaluation.found(in: i, stop: cursors[i].stop, nonFinite: nil)
        }
        if format == .csv {
            emit(out)
            return try Evaluation.apply(found, to: spec)
        }
        let warnings = try Evaluation.apply(found, to: spec)
        let steps = rows ?? Array(0..<spec.steps)
        out += "{\"steps\": [" + steps.map(String.init).joined(separator: ", ")
        if let spe = spec.stepsPerEpoch { out += "],\n \"epochs\": [" + steps.map { String($0 / spe) }.joined(separator: ", ") }
        out += "],\n \"series\": ["
        for i in cursors.indices {
            let entry = spec.schedules[i]
            out += (i == 0 ? "\n  " : ",\n  ") + "{\"label\": " + JSONWriter.quote(entry.label)
            out += ", \"type\": " + JSONWriter.quote(entry.typeName) + ", \"values\": ["
            out += values[i].map { $0.map(JSONWriter.format) ?? "null" }.joined(separator: ", ") + "]"
            if momentumColumns[i] {
                out += ", \"momentum\": [" + momenta[i].map { $0.map(JSONWriter.format) ?? "null" }.joined(separator: ", ") + "]"
            }
            if let stop = cursors[i].stop {
                out += ", \"stopped\": {\"step\": \(stop.step), \"message\": " + JSONWriter.quote(stop.message) + "}"
            }
            if let derivation = entry.derivation {
                out += ", \"training\": " + JSONWriter.write(derivation.jsonValue)
            }
            out += "}"
        }
        out += "\n]}\n"
        emit(out)
        return warnings
    }
}

extension LRPlotError {
    /// `path: message`, or the message alone: what tests compare (the executable's
    /// diagnostic text adds the file and the `lrplot: error:` prefix).
    var pathAndMessage: String {
        guard let path = location.path, !path.isEmpty else { return message }
        return path + ": " + message
    }
}
