import Foundation
import ScheduleCore

/// Streams the exact values of a spec's schedules as CSV or JSON (`lrplot values`).
///
/// Numbers are printed as the shortest text that reads back as the same `Double`, written
/// by ``ShortestDecimal`` (the text of `description`) straight into byte buffers; a value
/// equal to the one before it in its column reuses that text. Memory stays constant however
/// many steps there are.
///
/// - CSV: a header `step,<label>,…` (`step,epoch,<label>,…` when the spec has
///   `steps_per_epoch`; a `<label>:momentum` column for schedules that set momentum), then
///   one row per step; empty cells after a schedule stops. A ``CSVPipeline`` computes,
///   formats and emits blocks of steps concurrently; the rows before a NaN are written, then
///   the error.
/// - JSON: `{"steps": [...], "epochs"?: [...], "series": [{"label", "type", "values",
///   "momentum"?, "stopped"?}]}`, `null` after a stop. A ``JSONPipeline`` writes one
///   schedule at a time; a NaN is found before anything is written.
/// - A ``RowSelection`` other than `.all` (`--every`, `--at`, `--per-epoch`) prints the
///   same rows, restricted to the steps selected (``SelectedRowsWriter``): closed-form
///   schedules are evaluated at those steps only; the others are walked up to each.
public struct ValuesWriter {
    public var spec: Spec
    public var format: ValuesFormat
    /// The steps printed.
    public var rows: RowSelection

    public init(spec: Spec, format: ValuesFormat, rows: RowSelection = .all) {
        self.spec = spec
        self.format = format
        self.rows = rows
    }

    /// Writes the values through `emit` (called with chunks of UTF-8 bytes, valid during the
    /// call) and returns the warnings for schedules that stopped early.
    ///
    /// - Throws: ``LRPlotError`` (`.spec`) when a schedule lacks metrics or yields NaN or
    ///   infinity; (`.arguments`) for a row selection that does not fit the spec.
    public func writeBytes(_ emit: (UnsafeRawBufferPointer) -> Void) throws(LRPlotError) -> [LRPlotWarning] {
        try write(emit: { emit($0) })
    }

    /// Writes the values through `emit`, which may fail (a full disk, a closed standard
    /// output): the first failure stops the work and is thrown.
    ///
    /// - Parameter progress: (schedule index, steps done) as the work goes, for a progress
    ///   bar on long runs.
    /// - Throws: what `emit` throws; ``LRPlotError`` (`.spec`) when a schedule lacks metrics
    ///   or yields NaN or infinity; (`.arguments`) for a row selection that does not fit.
    public func write(emit: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws(LRPlotError) -> [LRPlotWarning] {
        let spec = self.spec
        let momentumColumns = spec.schedules.map(\.schedule.setsMomentum)
        if let selected = try rows.steps(in: spec) {
            let writer = SelectedRowsWriter(spec: spec, steps: selected, momentumColumns: momentumColumns, progress: progress)
            return try format == .csv ? writer.writeCSV(header: csvHeader(momentumColumns), emit: emit)
                                      : writer.writeJSON(emit: emit)
        }
        guard format == .csv else {
            let pipeline = JSONPipeline(
                entries: spec.schedules, momentumColumns: momentumColumns, steps: spec.steps,
                stepsPerEpoch: spec.stepsPerEpoch,
                makeCursor: { i throws(LRPlotError) in try Evaluation.cursor(for: spec.schedules[i], in: spec) })
            let found = try pipeline.survey()
            let warnings = try Evaluation.apply(found, to: spec)
            try pipeline.write(stops: Self.stops(found, count: spec.schedules.count), emit: emit,
                               progress: progress.map { report in { report($0, $1) } })
            return warnings
        }
        var cursors: [ScheduleCursor] = []
        for entry in spec.schedules { cursors.append(try Evaluation.cursor(for: entry, in: spec)) }
        try withBytes(of: csvHeader(momentumColumns), emit)
        let pipeline = CSVPipeline(cursors: cursors, momentumColumns: momentumColumns, steps: spec.steps,
                                   stepsPerEpoch: spec.stepsPerEpoch)
        var failure: LRPlotError?
        pipeline.run(emit: { bytes in
            do throws(LRPlotError) {
                try emit(bytes)
                return true
            } catch {
                failure = error
                return false
            }
        }, progress: progress.map { report in
            { done in for i in spec.schedules.indices { report(i, done) } }
        })
        if let failure { throw failure }
        return try Evaluation.apply(pipeline.diagnostics, to: spec)
    }

    /// `step,[epoch,]<label>[,<label>:momentum],…` and a line break.
    func csvHeader(_ momentumColumns: [Bool]) -> String {
        var header = "step"
        if spec.stepsPerEpoch != nil { header += ",epoch" }
        for (entry, hasMomentum) in zip(spec.schedules, momentumColumns) {
            header += "," + Self.csvField(entry.label)
            if hasMomentum { header += "," + Self.csvField(entry.label + ":momentum") }
        }
        return header + "\n"
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
