import ScheduleCore

/// Writes the values of some steps only (`lrplot values --every N`, `--at …`,
/// `--per-epoch`): the rows, columns and text of the full output, restricted to those steps.
///
/// Each schedule's ``ScheduleCursor`` moves from one selected step to the next with
/// ``ScheduleCursor/skip(to:)``: a closed-form schedule jumps (its other steps are not
/// evaluated), any other is walked through every step up to the last one selected (fed its
/// metrics, ending where its framework raises) — never further. A non-finite learning rate
/// met on the way ends the CSV before the row that follows it and is an error, as for the
/// full output; JSON is surveyed first, so nothing is written before such an error.
struct SelectedRowsWriter {
    var spec: Spec
    var steps: SelectedSteps
    var momentumColumns: [Bool]
    var progress: (@Sendable (Int, Int) -> Void)?

    /// Bytes gathered before they are emitted.
    static let flushBytes = 1 << 16
    /// Steps walked between progress reports.
    static let progressStride = 1 << 20

    /// The value of schedule `i` at step `s` (the cursor at or before `s`), or `nil` once it
    /// has stopped.
    func value(_ cursor: inout ScheduleCursor, schedule i: Int, at s: Int) -> (learningRate: Double, momentum: Double?)? {
        while cursor.step < s && cursor.stop == nil {
            let next = Swift.min(s, cursor.step + Self.progressStride)
            cursor.skip(to: next)
            progress?(i, cursor.step)
        }
        guard let (_, learningRate, momentum) = cursor.next() else { return nil }
        return (learningRate, momentum)
    }

    func cursors() throws(LRPlotError) -> [ScheduleCursor] {
        var cursors: [ScheduleCursor] = []
        for entry in spec.schedules { cursors.append(try Evaluation.cursor(for: entry, in: spec)) }
        return cursors
    }

    /// The CSV: `header`, then one row per selected step, up to the first non-finite
    /// learning rate met.
    func writeCSV(header: String, emit: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void) throws(LRPlotError) -> [LRPlotWarning] {
        var cursors = try cursors()
        try withBytes(of: header, emit)
        let columns = momentumColumns.reduce(0) { $0 + ($1 ? 2 : 1) }
        var text = TextBuffer(capacity: Self.flushBytes + 4096)
        defer { text.free() }
        var fields = [FieldCache](repeating: FieldCache(), count: columns)
        var row: [(learningRate: Double, momentum: Double?)?] = Array(repeating: nil, count: cursors.count)
        var nonFinite: EvaluationDiagnostic?
        rows: for s in steps.steps(below: spec.steps) {
            for i in cursors.indices {
                row[i] = value(&cursors[i], schedule: i, at: s)
                if let bad = cursors[i].nonFinite {
                    // The earliest step, then the leftmost schedule: the row holding it or
                    // following it is not written.
                    if case let .nonFinite(_, step, _)? = nonFinite, step <= bad.step { continue }
                    nonFinite = .nonFinite(schedule: i, step: bad.step, value: bad.value)
                }
            }
            if nonFinite != nil { break rows }
            text.reserve(42 + columns * (1 + FieldCache.maximumLength))
            text.advance(ShortestDecimal.write(s, to: text.end))
            if let spe = spec.stepsPerEpoch {
                text.append(UInt8(ascii: ","))
                text.advance(ShortestDecimal.write(s / spe, to: text.end))
            }
            var column = 0
            for (i, hasMomentum) in momentumColumns.enumerated() {
                text.append(UInt8(ascii: ","))
                if let v = row[i] { fields[column].write(v.learningRate, to: &text) }
                if hasMomentum {
                    text.append(UInt8(ascii: ","))
                    if let m = row[i]?.momentum { fields[column + 1].write(m, to: &text) }
                }
                column += hasMomentum ? 2 : 1
            }
            text.append(UInt8(ascii: "\n"))
            if text.count >= Self.flushBytes {
                try emit(text.bytes)
                text.removeAll()
                // A field cache points into the text it wrote: start afresh with the buffer.
                fields = [FieldCache](repeating: FieldCache(), count: columns)
            }
        }
        if text.count > 0 { try emit(text.bytes) }
        var found = cursors.indices.flatMap { i in Evaluation.found(in: i, stop: cursors[i].stop, nonFinite: nil) }
        if let nonFinite { found.append(nonFinite) }
        return try Evaluation.apply(found, to: spec)
    }

    /// The JSON document of the selected steps: every schedule is walked first (so that a
    /// non-finite value is an error before anything is written), then again for its values
    /// and, when it sets momentum, once more for its momenta.
    func writeJSON(emit: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void) throws(LRPlotError) -> [LRPlotWarning] {
        var found: [EvaluationDiagnostic] = []
        var stops: [ScheduleStop?] = []
        for (i, start) in try cursors().enumerated() {
            var cursor = start
            for s in steps.steps(below: spec.steps) {
                guard value(&cursor, schedule: i, at: s) != nil, cursor.nonFinite == nil else { break }
            }
            found += Evaluation.found(in: i, stop: cursor.stop, nonFinite: cursor.nonFinite)
            stops.append(cursor.stop)
        }
        let warnings = try Evaluation.apply(found, to: spec)

        var text = TextBuffer(capacity: Self.flushBytes + 4096)
        defer { text.free() }
        func flush(_ text: inout TextBuffer, force: Bool) throws(LRPlotError) {
            if text.count >= Self.flushBytes || (force && text.count > 0) {
                try emit(text.bytes)
                text.removeAll()
            }
        }
        try ValuesDocument.writeJSON(
            steps: steps.steps(below: spec.steps), stepsPerEpoch: spec.stepsPerEpoch, entries: spec.schedules,
            momentumColumns: momentumColumns, stops: stops, into: &text, flush: flush
        ) { (i, momentum, text) throws(LRPlotError) in
            // The values (or momenta) of schedule `i` at the selected steps, `null` where it
            // has none.
            var cursor = try Evaluation.cursor(for: spec.schedules[i], in: spec)
            var field = FieldCache()
            var first = true
            for s in steps.steps(below: spec.steps) {
                text.reserve(2 + FieldCache.maximumLength)
                if !first { text.append(", ") }
                first = false
                let v = value(&cursor, schedule: i, at: s)
                if let number = momentum ? v?.momentum : v?.learningRate {
                    field.write(number, to: &text)
                } else {
                    text.append("null")
                }
                if text.count >= Self.flushBytes {
                    try flush(&text, force: false)
                    // A field cache points into the text it wrote: start afresh.
                    field = FieldCache()
                }
            }
        }
        return warnings
    }
}
