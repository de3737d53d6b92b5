import ScheduleCore

/// The JSON document of `lrplot values` around its numbers, written once for the full output
/// (``JSONPipeline``) and for selected steps (``SelectedRowsWriter``):
///
/// ```
/// {"steps": [...], "epochs": [...],
///  "series": [
///   {"label": ..., "type": ..., "values": [...], "momentum": [...], "stopped": {...}}, ...
/// ]}
/// ```
/// `"epochs"` only with `steps_per_epoch`, `"parameter_group"` for one group's series of a
/// schedule with several, `"momentum"` for schedules that set it, `"stopped"` for those that
/// stopped, `"training"` (how the steps were counted) with a training block.
enum ValuesDocument {
    /// Writes the document into `text`, calling `flush(&text, force)` as it grows and
    /// `values(i, momentum, &text)` for the numbers of series `i` (its learning rates, or
    /// its momenta), between the brackets.
    static func writeJSON(
        steps: some Sequence<Int>, stepsPerEpoch: Int?, entries: [ScheduleEntry], momentumColumns: [Bool],
        stops: [ScheduleStop?], into text: inout TextBuffer,
        flush: (inout TextBuffer, Bool) throws(LRPlotError) -> Void,
        values: (Int, Bool, inout TextBuffer) throws(LRPlotError) -> Void
    ) throws(LRPlotError) {
        text.append("{\"steps\": [")
        try numbers(steps, into: &text, flush: flush) { $0 }
        if let stepsPerEpoch {
            text.append("],\n \"epochs\": [")
            try numbers(steps, into: &text, flush: flush) { $0 / stepsPerEpoch }
        }
        text.append("],\n \"series\": [")
        for (i, entry) in entries.enumerated() {
            text.append((i == 0 ? "\n  " : ",\n  ") + "{\"label\": " + JSONWriter.quote(entry.label)
                        + ", \"type\": " + JSONWriter.quote(entry.typeName)
                        + (entry.parameterGroup.map { ", \"parameter_group\": \($0)" } ?? "") + ", \"values\": [")
            try values(i, false, &text)
            text.append("]")
            if momentumColumns[i] {
                text.append(", \"momentum\": [")
                try values(i, true, &text)
                text.append("]")
            }
            if let stop = stops[i] {
                text.append(", \"stopped\": {\"step\": \(stop.step), \"message\": " + JSONWriter.quote(stop.message) + "}")
            }
            if let derivation = entry.derivation {
                text.append(", \"training\": " + JSONWriter.write(derivation.jsonValue))
            }
            text.append("}")
        }
        text.append("\n]}\n")
        try flush(&text, true)
    }

    /// `number(s)` for each of `steps`, separated by ", ".
    private static func numbers(_ steps: some Sequence<Int>, into text: inout TextBuffer,
                                flush: (inout TextBuffer, Bool) throws(LRPlotError) -> Void,
                                _ number: (Int) -> Int) throws(LRPlotError) {
        var first = true
        for step in steps {
            text.reserve(24)
            if !first {
                text.append(UInt8(ascii: ","))
                text.append(UInt8(ascii: " "))
            }
            first = false
            text.advance(ShortestDecimal.write(number(step), to: text.end))
            try flush(&text, false)
        }
    }
}
