import ScheduleCore

/// Text of specs and derivations for `lrplot import` and `lrplot steps`.
public enum SpecText {
    /// `value` as indented JSON: objects one member per line, arrays of scalars on one line.
    public static func pretty(_ value: JSONValue, indent: String = "") -> String {
        switch value {
        case .object(let members) where !members.isEmpty:
            let inner = indent + "  "
            return "{\n" + members.map { inner + JSONWriter.quote($0.key) + ": " + pretty($0.value, indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items) where items.contains(where: { if case .object = $0 { return true }; if case .array = $0 { return true }; return false }):
            let inner = indent + "  "
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return JSONWriter.write(value)
        }
    }

    /// The derivation of every schedule of `spec` that has one: a summary line, each number's
    /// rule, and the notes.
    ///
    /// ```
    /// schedules[0] (hf.cosine): 1,221 optimizer steps (3 epochs × 407), warm-up 37
    ///   trainer: transformers; scheduler stepped once per step
    ///   len(DataLoader) = ceil(52002 / 4) = 13001
    ///   …
    ///   note: …
    /// ```
    public static func derivations(_ spec: Spec) -> String {
        var out = ""
        for entry in spec.schedules {
            guard let d = entry.derivation else {
                out += "\(entry.path) (\(entry.label)): no training block; \(ObjectReader.grouped(spec.steps)) steps from \"steps\"\n"
                continue
            }
            out += "\(entry.path) (\(entry.label)): \(d.summary)\n"
            out += "  trainer: \(d.trainer.rawValue); scheduler stepped \(d.stepping.description)\n"
            if let g = d.globalBatchSize { out += "  global batch: \(ObjectReader.grouped(g)) samples per optimizer step\n" }
            for rule in d.rules { out += "  \(rule.name): \(rule.rule)\n" }
            for note in d.notes { out += "  note: \(note)\n" }
        }
        if let imported = spec.imported {
            out += "imported from \(imported.file) (\(imported.format.rawValue))\n"
        }
        return out
    }
}
