import ScheduleCore

/// Keras serialized learning-rate schedules → `keras.*` schedules (values per batch: Keras
/// schedules read `optimizer.iterations`).
///
/// Reads both serialization forms: Keras 3's `{"module": "keras.optimizers.schedules",
/// "class_name": …, "config": {…}, "registered_name": null}` (also `keras_core.…`) and tf.keras
/// 2's `{"class_name": …, "config": {…}}`. A schedule is found as the document itself or as a
/// serialized optimizer's `learning_rate` (Keras 3) or `lr` (tf.keras 2's legacy name) anywhere
/// in the document, e.g. in a hyper-parameter file; the config's `name` becomes the label. A
/// class registered by a library (`"kgcnn>LinearWarmupExponentialDecay"`) is not a Keras
/// schedule and is an error. A `fit` block (`batch_size`, `epochs`) beside it gives the training.
enum KerasImporter {
    /// Keras 3's schedule classes and lrplot's types for them.
    static let classes = ["ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay", "InverseTimeDecay", "CosineDecay", "CosineDecayRestarts"]

    /// Serialized schedules in `root`: the root itself, and every `learning_rate` / `lr` member
    /// whose value is a serialized object.
    static func findSchedules(_ root: ConfigValue) -> [ConfigValue] {
        var found: [ConfigValue] = []
        if isSerialized(root), looksLikeSchedule(root) { return [root] }
        func walk(_ v: ConfigValue) {
            switch v.kind {
            case .object(let members):
                for m in members {
                    if (m.key == "learning_rate" || m.key == "lr"), isSerialized(m.value) {
                        found.append(m.value)
                    } else {
                        walk(m.value)
                    }
                }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        walk(root)
        return found
    }

    static func isSerialized(_ v: ConfigValue) -> Bool {
        v["class_name"]?.string != nil && v["config"]?.isObject == true
    }

    static func looksLikeSchedule(_ v: ConfigValue) -> Bool {
        guard let name = v["class_name"]?.string else { return false }
        return classes.contains(name) || (v["module"]?.string ?? "").contains("schedules")
    }

    static func read(_ c: inout ImportContext) throws -> ImportedConfig {
        let root = c.document.root
        let found = findSchedules(root)
        var schedules: [JSONValue] = []
        for serialized in found {
            schedules.append(try schedule(serialized, &c, label: found.count > 1))
        }
        var training: [(key: String, value: JSONValue)] = [("trainer", .string("keras"))]
        let fits = fitBlocks(root)
        if fits.count == 1, let fit = fits.first {
            if let b = try c.integer(fit, "batch_size") { training.append(("batch_size", .integer(b))) }
            if let e = try c.integer(fit, "epochs") { training.append(("epochs", .integer(e))) }
            c.note("batch_size and epochs of model.fit read from \(fit.location.path.isEmpty ? "the document" : fit.location.path); Keras's batch_size is the global batch", at: fit)
        } else {
            c.note("no model.fit settings (batch_size, epochs) found: give training.batch_size and training.epochs (or training.max_steps in batches)")
        }
        if c.overlaid("dataset_size") == nil && c.overlaid("max_steps") == nil {
            c.note("the number of training samples is not in the file: give training.dataset_size (Keras steps per epoch = ceil(samples / batch_size))")
        }
        let spec = JSONValue.object([
            ("title", .string("\(c.name): Keras \(found.compactMap { $0["class_name"]?.string }.joined(separator: ", "))")),
            ("training", try c.trainingBlock(training)),
            ("schedules", .array(schedules)),
        ])
        return ImportedConfig(format: .keras, spec: spec, notes: [])
    }

    /// One serialized schedule as a `keras.*` object, checked by building it.
    static func schedule(_ v: ConfigValue, _ c: inout ImportContext, label: Bool) throws -> JSONValue {
        guard let nameValue = v["class_name"], let name = nameValue.string, let config = v["config"] else {
            throw c.error(v, "expected a serialized schedule with \"class_name\" and \"config\"", fix: "serialize it with keras.optimizers.schedules.serialize")
        }
        let registered = v["registered_name"]?.string
        guard classes.contains(name), registered == nil || registered == name else {
            let custom = registered ?? name
            throw c.error(nameValue, "\"\(custom)\" is a custom schedule class registered by its library, not one of Keras's (\(classes.joined(separator: ", ")))",
                          fix: "lrplot draws Keras's own schedules only; describe this one with lrplot's types (e.g. a warmup + keras.ExponentialDecay spec)")
        }
        if let module = v["module"]?.string, !module.hasSuffix("optimizers.schedules") {
            c.note("module \"\(module)\": read as keras.optimizers.schedules.\(name)", at: v["module"])
        }
        var object: [(key: String, value: JSONValue)] = [("type", .string("keras.\(name)"))]
        var display: String?
        for m in config.members {
            if m.key == "name" { display = m.value.string; continue }
            object.append((m.key, m.value.json))
        }
        if label || (display != nil && display != name) {
            object.insert(("label", .string(display ?? v.location.path)), at: 1)
        }
        if v.location.path != "" { c.note("\(name) read from \(v.location.path)", at: v) }
        // Keras's own checks (decay_steps > 0, boundaries vs values, …) at the file's location.
        do {
            _ = try ScheduleCatalog.standard.make(.object(object), path: "", ignoring: ["label"])
        } catch let e as ScheduleError {
            let key = e.path.split(separator: ".").first.map(String.init)
            let at = key.flatMap { config[$0] } ?? config
            throw c.error(at, "\(name): \(e.message)", fix: "correct the schedule's config")
        }
        return .object(object)
    }

    /// Objects holding `model.fit` settings: `batch_size` and `epochs` whole numbers.
    static func fitBlocks(_ root: ConfigValue) -> [ConfigValue] {
        var out: [ConfigValue] = []
        func walk(_ v: ConfigValue) {
            if v.isObject, v["batch_size"]?.integer != nil, v["epochs"]?.integer != nil { out.append(v) }
            for m in v.members { walk(m.value) }
            if case .array(let items) = v.kind { items.forEach(walk) }
        }
        walk(root)
        return out
    }
}
