import Foundation
import ScheduleCore

/// Streams the exact values of a spec's schedules as CSV or JSON (`lrplot values`).
///
/// Numbers are printed as the shortest text that reads back as the same `Double`, written
/// by ``ShortestDecimal`` (the text of `description`) straight into byte buffers; a value
/// equal to the one before it in its column reuses that text. Memory stays constant however
/// many steps there are.
///
/// - CSV: a header `step,<label>,…` (a `<label>:momentum` column for schedules that set
///   momentum), then one row per step; empty cells after a schedule stops. A
///   ``CSVPipeline`` computes, formats and emits blocks of steps concurrently; the rows before
///   a NaN are written, then the error.
/// - JSON: `{"steps": [...], "series": [{"label", "type", "values", "momentum"?, "stopped"?}]}`,
///   `null` after a stop. A ``JSONPipeline`` writes one schedule at a time; a NaN is found
///   before anything is written.
public struct ValuesWriter {
    public var spec: Spec
    public var format: ValuesFormat

    public init(spec: Spec, format: ValuesFormat) {
        self.spec = spec
        self.format = format
    }

    /// Writes the values through `emit` (called with chunks of UTF-8 bytes, valid during the
    /// call) and returns the warnings for schedules that stopped early.
    ///
    /// - Throws: ``LRPlotError`` (`.spec`) when a schedule lacks metrics or yields NaN or
    ///   infinity.
    public func writeBytes(_ emit: (UnsafeRawBufferPointer) -> Void) throws(LRPlotError) -> [LRPlotWarning] {
        let spec = self.spec
        let momentumColumns = spec.schedules.map(\.schedule.setsMomentum)
        guard format == .csv else {
            let pipeline = JSONPipeline(
                entries: spec.schedules, momentumColumns: momentumColumns, steps: spec.steps,
                makeCursor: { i throws(LRPlotError) in try Evaluation.cursor(for: spec.schedules[i], in: spec) })
            let found = try pipeline.survey()
            let warnings = try Evaluation.apply(found, to: spec)
            try pipeline.write(stops: Self.stops(found, count: spec.schedules.count), emit: emit)
            return warnings
        }
        var cursors: [ScheduleCursor] = []
        for entry in spec.schedules { cursors.append(try Evaluation.cursor(for: entry, in: spec)) }
        var header = "step"
        for (entry, hasMomentum) in zip(spec.schedules, momentumColumns) {
            header += "," + Self.csvField(entry.label)
            if hasMomentum { header += "," + Self.csvField(entry.label + ":momentum") }
        }
        header += "\n"
        header.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        let pipeline = CSVPipeline(cursors: cursors, momentumColumns: momentumColumns, steps: spec.steps)
        pipeline.run(emit: emit)
        return try Evaluation.apply(pipeline.diagnostics, to: spec)
    }

    /// Each schedule's stop, from what the walks found.
    static func stops(_ found: [EvaluationDiagnostic], count: Int) -> [ScheduleStop?] {
        var stops = [ScheduleStop?](repeating: nil, count: count)
        for case let .stopped(schedule, step, reason) in found { stops[schedule] = ScheduleStop(step: step, reason) }
        return stops
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
