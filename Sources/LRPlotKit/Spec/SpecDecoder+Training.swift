import ConfigImport
import Foundation
import ScheduleCore

/// The training side of decoding: a spec's `"config"` (a training config imported as its
/// schedules and training block), the command line's training overlay, the keys that belong
/// to the training block, and the chart's length counted from it.
extension SpecDecoder {
    /// Merges the config named by `"config"` (a path relative to the spec, or `{"file": …,
    /// "set": {…}}` with values replacing the config's own) into the spec: its schedules come
    /// first (the spec's own `"schedules"` after them), its training block is overlaid by the
    /// spec's `"training"` and then the command line's, its title is used when the spec has none.
    func mergeConfig(_ config: JSONValue, into document: JSONValue, specFile: String) throws -> (JSONValue, ImportedSource) {
        var relative: String
        var overrides = configOverrides
        switch config {
        case .string(let s): relative = s
        case .object:
            let r = try ObjectReader(config, path: "config", allowed: ["file", "set"], what: "a config reference like {\"file\": \"args.yaml\", \"set\": {\"lr_noise\": null}}")
            guard let f = try r.string("file") else { throw ScheduleError(path: "config", "missing \"file\": the training config to import") }
            relative = f
            if case .object(let set)? = r["set"] {
                overrides = set.map { (path: $0.key, value: $0.value) } + overrides
            } else if let set = r["set"], set != .null {
                throw ScheduleError(path: "config.set", "expected an object of config keys and the values that replace them, found \(set.kindDescription)")
            }
        default:
            throw ScheduleError(path: "config", "expected the path of a training config (a string), found \(config.kindDescription)")
        }
        let directory = (specFile as NSString).deletingLastPathComponent
        let path = relative.hasPrefix("/") || directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LRPlotError(.input, file: specFile, path: "config", "cannot read the training config \(path) (a path relative to the spec)")
        }
        var overlay: [(key: String, value: JSONValue)] = []
        if case .object(let members)? = document["training"] { overlay = members }
        overlay = overlay.filter { o in !trainingOverlay.contains(where: { $0.key == o.key }) } + trainingOverlay
        let imported = try importConfig(text, file: path, overlay: overlay, overrides: overrides)
        guard case .object(var members) = document else { return (document, imported.source) }
        members.removeAll { $0.key == "config" || $0.key == "training" }
        var schedules: [JSONValue] = []
        if case .array(let items)? = imported.spec["schedules"] { schedules = items }
        if let i = members.firstIndex(where: { $0.key == "schedules" }) {
            if case .array(let own) = members[i].value { schedules += own }
            members[i].value = .array(schedules)
        } else {
            members.append(("schedules", .array(schedules)))
        }
        if let training = imported.spec["training"] { members.append(("training", training)) }
        if !members.contains(where: { $0.key == "title" }), let title = imported.spec["title"] { members.append(("title", title)) }
        return (.object(members), imported.source)
    }

    /// `document` with the command line's training keys laid over its `"training"`.
    static func withTraining(_ document: JSONValue, overlay: [(key: String, value: JSONValue)]) -> JSONValue {
        guard case .object(var members) = document else { return document }
        var block: [(key: String, value: JSONValue)] = []
        if let i = members.firstIndex(where: { $0.key == "training" }) {
            if case .object(let m) = members[i].value { block = m }
            members.remove(at: i)
        }
        block = block.filter { b in !overlay.contains(where: { $0.key == b.key }) } + overlay
        members.append(("training", .object(block)))
        return .object(members)
    }

    /// Keys users write on a schedule that belong to the training block, refused with where
    /// they go: `learning_rate` (transformers' name; a schedule takes `"lr"`), and
    /// `warmup_ratio` without a training block to take the ratio of.
    static func checkTrainingKeys(_ members: [(key: String, value: JSONValue)], path: String, training: TrainingSetup?) throws {
        let at = { (key: String) in path.isEmpty ? key : "\(path).\(key)" }
        if members.contains(where: { $0.key == "learning_rate" }) {
            throw ScheduleError(path: at("learning_rate"), "learning_rate is the training block's (transformers' TrainingArguments name): a schedule takes \"lr\", or put \"learning_rate\" in \"training\" for every schedule")
        }
        if training == nil, members.contains(where: { $0.key == "warmup_ratio" }) {
            throw ScheduleError(path: at("warmup_ratio"), "a warm-up ratio needs the run's steps: add a \"training\" block (dataset_size, batch_size, epochs or max_steps) — or give num_warmup_steps")
        }
    }

    /// The chart's length and steps per epoch from the entries' derivations: every counted
    /// schedule must be on the same kind of axis (steps, or epochs when the block cannot count
    /// the steps of an epoch); the chart covers the longest run.
    static func countedLength(_ entries: [ScheduleEntry], training: TrainingSetup, stepsGiven: Bool) throws -> (steps: Int, stepsPerEpoch: Int?, axis: String?) {
        let derivations = entries.compactMap { e in e.derivation.map { (e.path, $0) } }
        if let epochEntry = derivations.first(where: { $0.1.axis == .epoch }),
           let stepEntry = derivations.first(where: { $0.1.axis != .epoch }) {
            throw ScheduleError(path: epochEntry.0, "counted in epochs (the training block does not give the steps of an epoch) while \(stepEntry.0) is counted in \(stepEntry.1.axis.rawValue)s: give training.dataset_size and training.batch_size")
        }
        let lengths = derivations.compactMap { $0.1.steps }
        if lengths.isEmpty && !stepsGiven {
            let missing: TrainingError
            if training.datasetSize == nil {
                missing = .missing(key: "training.dataset_size", purpose: "the chart's length (the run's steps)", alternatives: ["training.max_steps", "a top-level \"steps\""])
            } else if training.batchSize == nil {
                missing = .missing(key: "training.batch_size", purpose: "the chart's length (the run's steps)", alternatives: ["training.max_steps", "a top-level \"steps\""])
            } else {
                missing = .missing(key: "training.epochs", purpose: "the chart's length (the run's steps)", alternatives: ["training.max_steps", "a top-level \"steps\""])
            }
            throw missing
        }
        let perEpoch = Set(derivations.compactMap { $0.1.stepsPerEpoch })
        let axes = Set(derivations.map { $0.1.axis.rawValue })
        return (lengths.max() ?? 0, perEpoch.count == 1 ? perEpoch.first : nil, axes.count == 1 ? axes.first : nil)
    }
}
