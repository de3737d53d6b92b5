import ScheduleCore

/// Turns a training config file into an lrplot spec. The one entry point of this module.
///
/// ```swift
/// let imported = try ConfigImporter.importConfig(text, file: "args.yaml",
///                                                overlay: .object([("dataset_size", .integer(1_281_167))]))
/// imported.spec        // {"title": …, "training": {…}, "schedules": [{"type": "timm.create_scheduler_v2", …}]}
/// ```
/// The format is detected from the content (``ConfigFormat``). Each importer is exact to what
/// its library builds from the file; the numbers a config does not hold (a data set's size, the
/// devices) come from `overlay`, a training block whose keys win over the config's.
public enum ConfigImporter {
    /// Imports `text` (the file's content; `file` names it in errors).
    ///
    /// - Parameters:
    ///   - overlay: a partial training block (`{"dataset_size": 50000, "devices": 8}`); `nil` for none.
    ///   - overrides: values that replace the config's own before it is read, as
    ///     `(path, value)` with dotted paths (`lr_noise` → null, `trainer.max_epochs` → 20),
    ///     the way timm's `--options` or an edited copy of the file would.
    /// - Throws: ``ConfigImportError``.
    public static func importConfig(_ text: String, file: String, overlay: JSONValue? = nil,
                                    overrides: [(path: String, value: JSONValue)] = []) throws -> ImportedConfig {
        let document = try ConfigDocument.parse(text, file: file)
        var overlayMembers: [(key: String, value: JSONValue)] = []
        if let overlay {
            guard case .object(let members) = overlay else {
                throw ConfigImportError(file: file, location: ConfigLocation(path: "training"), problem: "the overlay must be a training block object, found \(overlay.kindDescription)", fix: "give {\"dataset_size\": …}")
            }
            overlayMembers = members
        }
        // A W&B config is unwrapped first, so that a `set` path names the setting itself.
        var (root, unwrapNote) = try unwrap(document.root, file: file)
        let original = root
        // Each override's path, and whether the config (with the earlier overrides) lacked it.
        var sets: [(segments: [String], full: String, added: Bool)] = []
        for (path, value) in overrides {
            let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            sets.append((segments, path, root.value(at: segments) == nil))
            root = try override(root, path: segments, with: value, file: file, full: path)
        }
        let format = try format(of: root, file: file)
        var setNotes: [ImportNote] = []
        for (segments, path, added) in sets {
            if added {
                try checkAdded(segments, full: path, in: original, format: format, file: file)
            } else if !format.knownKeys.knows(segments) {
                setNotes.append(ImportNote("set \(path): the config has it, but lrplot's \(format.rawValue) importer does not read it, so it does not change the schedule",
                                           at: ConfigLocation(path: path)))
            }
        }
        var context = ImportContext(document: ConfigDocument(file: file, syntax: document.syntax, root: root), overlay: overlayMembers)
        if let unwrapNote { context.note(unwrapNote) }
        context.notes += setNotes
        var imported: ImportedConfig
        switch format {
        case .transformers: imported = try TransformersImporter.read(&context)
        case .timm: imported = try TimmImporter.read(&context)
        case .keras: imported = try KerasImporter.read(&context)
        case .deepspeed: imported = try DeepSpeedImporter.read(&context)
        case .lightning: imported = try LightningImporter.read(&context)
        case .mmengine: imported = try MMEngineImporter.read(&context)
        }
        imported.notes = context.notes
        return imported
    }

    /// Whether `document` is a config one of the importers reads (detection only).
    public static func looksLikeConfig(_ document: JSONValue) -> Bool {
        (try? detect(ConfigValue(json: document), file: "")) != nil
    }

    /// The format of `root`, the root to read (a W&B config unwrapped), and a note about it.
    static func detect(_ root: ConfigValue, file: String) throws -> (ConfigFormat, ConfigValue, String?) {
        let (root, note) = try unwrap(root, file: file)
        return (try format(of: root, file: file), root, note)
    }

    /// `root` with a W&B config's settings unwrapped (or W&B metadata's command line read), and a
    /// note saying so; `root` itself otherwise.
    static func unwrap(_ root: ConfigValue, file: String) throws -> (ConfigValue, String?) {
        guard root.isObject else {
            throw ConfigImportError(file: file, at: root, problem: "expected a config object (JSON object or YAML mapping), found \(root.kindDescription)",
                                    fix: "give a TrainingArguments JSON/YAML, timm args.yaml, Keras schedule, ds_config.json, LightningCLI YAML or mmengine config")
        }
        var root = root
        var note: String?
        if let unwrapped = WandbConfig.unwrap(root) {
            root = unwrapped
            note = "a W&B run config: each setting's \"value\" was read"
        } else if let arguments = try WandbConfig.commandLine(root, file: file) {
            root = arguments
            note = "W&B run metadata: the program's command-line arguments were read (HfArgumentParser's --name value pairs)"
        }
        return (root, note)
    }

    /// The format of an (unwrapped) config object.
    static func format(of root: ConfigValue, file: String) throws -> ConfigFormat {
        let keys = Set(root.members.map(\.key))
        if let scheduler = root["scheduler"], scheduler["type"] != nil,
           !keys.isDisjoint(with: ["train_batch_size", "train_micro_batch_size_per_gpu", "gradient_accumulation_steps", "optimizer", "zero_optimization", "fp16", "bf16", "steps_per_print"]) || scheduler["params"] != nil {
            return .deepspeed
        }
        if keys.contains("param_scheduler") || (keys.contains("optim_wrapper") && keys.contains("train_cfg")) {
            return .mmengine
        }
        if root["trainer"]?.isObject == true && !keys.isDisjoint(with: ["optimizer", "lr_scheduler", "model", "data"]) {
            return .lightning
        }
        if keys.contains("sched") && (keys.contains("epochs") || keys.contains("warmup_epochs") || keys.contains("lr_base") || keys.contains("model")) {
            return .timm
        }
        if keys.contains("lr_scheduler_type") || (keys.contains("per_device_train_batch_size") && keys.contains("learning_rate")) {
            return .transformers
        }
        if KerasImporter.findSchedules(root).isEmpty == false {
            return .keras
        }
        throw ConfigImportError(
            file: file, at: root,
            problem: "not a config lrplot recognizes (top-level keys \(root.members.prefix(6).map { "\"\($0.key)\"" }.joined(separator: ", "))\(root.members.count > 6 ? ", …" : ""))",
            fix: "give a TrainingArguments JSON/YAML (lr_scheduler_type), a W&B config.yaml, a timm args.yaml (sched, epochs), a Keras serialized schedule (class_name, config), a ds_config.json (scheduler), a LightningCLI YAML (trainer, optimizer, lr_scheduler) or a mmengine config dump (param_scheduler)")
    }

    /// Rejects a `set` path that the config did not hold and that the importer of `format` does
    /// not read: it would change nothing, so it is most likely misspelt (`learnig_rate`).
    ///
    /// - Parameter original: the (unwrapped) config before the overrides, for the keys it has.
    /// - Throws: ``ConfigImportError`` at the path, with the closest existing or read key.
    static func checkAdded(_ path: [String], full: String, in original: ConfigValue, format: ConfigFormat, file: String) throws {
        let known = format.knownKeys
        guard !known.knows(path) else { return }
        // The first segment that is neither in the config nor read is the one to name.
        var depth = 0
        while depth < path.count - 1, original.value(at: Array(path.prefix(depth + 1))) != nil { depth += 1 }
        let parent = Array(path.prefix(depth))
        let key = path[depth]
        var candidates = known.keys(under: parent)
        for m in original.value(at: parent)?.members ?? [] where !candidates.contains(m.key) { candidates.append(m.key) }
        let place = parent.isEmpty ? "the config" : parent.joined(separator: ".")
        var problem = "set \"\(key)\": not in \(place), and lrplot's \(format.rawValue) importer does not read it"
        if let close = Suggestion.closest(to: key, in: candidates) { problem += "; did you mean \"\(close)\"?" }
        throw ConfigImportError(file: file, location: ConfigLocation(path: full), problem: problem,
                                fix: "correct the key (a key the config lacks must be one the importer reads; README: \"Changing a config\")")
    }

    /// The document with the value at `path` replaced (members created as needed).
    static func override(_ value: ConfigValue, path: [String], with replacement: JSONValue, file: String, full: String) throws -> ConfigValue {
        guard let head = path.first else { return ConfigValue(json: replacement, at: value.location) }
        guard case .object(var members) = value.kind else {
            throw ConfigImportError(file: file, at: value, problem: "cannot set \"\(full)\": \(value.location.path.isEmpty ? "the document" : value.location.path) is \(value.kindDescription)", fix: "name a key of an object")
        }
        let location = ConfigLocation(path: value.location.member(head))
        if let i = members.firstIndex(where: { $0.key == head }) {
            members[i].value = try override(members[i].value, path: Array(path.dropFirst()), with: replacement, file: file, full: full)
        } else {
            let empty = ConfigValue(.object([]), at: location)
            members.append(.init(key: head, value: try override(path.count == 1 ? ConfigValue(.null, at: location) : empty, path: Array(path.dropFirst()), with: replacement, file: file, full: full)))
        }
        return ConfigValue(.object(members), at: value.location)
    }
}

extension WandbConfig {
    /// W&B's `wandb-metadata.json` (`"args"`: the program's command line, `"program"`): the
    /// `--name value` pairs as an object (`--flag` alone is `true`; `True`/`False` are booleans;
    /// numbers are numbers, as HfArgumentParser's types read them), or `nil` for another document.
    static func commandLine(_ root: ConfigValue, file: String) throws -> ConfigValue? {
        guard case .array(let items)? = root["args"]?.kind, root["program"] != nil || root["codePath"] != nil else { return nil }
        var members: [ConfigValue.Member] = []
        var i = 0
        while i < items.count {
            guard let flag = items[i].string, flag.hasPrefix("--") else {
                throw ConfigImportError(file: file, at: items[i], problem: "expected an argument name (--name), found \(items[i].kindDescription)", fix: "the args list must be --name value pairs")
            }
            var name = String(flag.dropFirst(2))
            var text: String?
            if let eq = name.firstIndex(of: "=") {
                text = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            } else if i + 1 < items.count, let next = items[i + 1].string, !next.hasPrefix("--") {
                text = next
                i += 1
            }
            let location = items[i].location
            let kind: ConfigValue.Kind
            switch text {
            case nil: kind = .bool(true)
            case "True"?, "true"?: kind = .bool(true)
            case "False"?, "false"?: kind = .bool(false)
            case let t? where Int(t) != nil: kind = .integer(Int(t)!)
            case let t? where Double(t) != nil: kind = .number(Double(t)!)
            case let t?: kind = .string(t)
            }
            members.append(.init(key: name.replacingOccurrences(of: "-", with: "_"), value: ConfigValue(kind, at: location)))
            i += 1
        }
        return ConfigValue(.object(members), at: root.location)
    }
}

/// The W&B run `config.yaml` form: every setting is `{desc: …, value: …}` (older wandb) or
/// `{value: …}`, with W&B's own `_wandb` and `wandb_version` beside them.
enum WandbConfig {
    /// The settings with their values, or `nil` when `root` is not in this form.
    static func unwrap(_ root: ConfigValue) -> ConfigValue? {
        let settings = root.members.filter { !$0.key.hasPrefix("_") && $0.key != "wandb_version" }
        guard !settings.isEmpty else { return nil }
        let wrapped = settings.filter { m in
            guard case .object(let inner) = m.value.kind else { return false }
            let keys = Set(inner.map(\.key))
            return keys.contains("value") && keys.isSubset(of: ["value", "desc"])
        }
        guard wrapped.count == settings.count || (root["_wandb"] != nil && wrapped.count * 2 >= settings.count) else { return nil }
        let members = wrapped.compactMap { m -> ConfigValue.Member? in
            guard let v = m.value["value"] else { return nil }
            return .init(key: m.key, value: v)
        }
        return ConfigValue(.object(members), at: root.location)
    }
}
