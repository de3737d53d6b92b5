import ScheduleCore

/// transformers `TrainingArguments` (as `to_json_string()` writes them, a YAML of the same
/// fields, or a W&B `config.yaml`) → an `hf.*` schedule and a training block counted by the
/// transformers `Trainer` (5.24).
///
/// Read: `learning_rate` (5e-5), `lr_scheduler_type` ("linear"), `lr_scheduler_kwargs`,
/// `warmup_steps` (5.x: an int, or a float < 1 that is a ratio), `warmup_ratio` (4.x; used when
/// `warmup_steps` is 0), `num_train_epochs` (3.0), `max_steps` (−1: by epochs),
/// `per_device_train_batch_size` (8), `gradient_accumulation_steps` (1),
/// `dataloader_drop_last` (false), and a `deepspeed` config given inline. The data set's size
/// and the number of processes are not in `TrainingArguments`: they come from the overlay.
enum TransformersImporter {
    /// `get_scheduler` names lrplot has as `hf.<name>`.
    static let schedulers: Set<String> = [
        "linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup", "inverse_sqrt",
        "reduce_lr_on_plateau", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay", "greedy",
    ]

    static func read(_ c: inout ImportContext) throws -> ImportedConfig {
        let root = c.document.root
        let lr = try c.number(root, "learning_rate") ?? 5e-5
        if root["learning_rate"] == nil { c.note("learning_rate not given: TrainingArguments' default 5e-05") }
        var name = try c.string(root, "lr_scheduler_type") ?? "linear"
        if name.hasPrefix("SchedulerType.") { name = String(name.dropFirst("SchedulerType.".count)).lowercased() }
        guard schedulers.contains(name) else {
            throw c.error(root["lr_scheduler_type"] ?? root, "unknown lr_scheduler_type \"\(name)\"",
                          fix: "use one of transformers' SchedulerType names: " + schedulers.sorted().joined(separator: ", "))
        }
        var schedule: [(key: String, value: JSONValue)] = [("type", .string("hf.\(name)"))]
        if let kwargs = root["lr_scheduler_kwargs"], !kwargs.isNull {
            var object = kwargs
            if let text = kwargs.string {
                // TrainingArguments accepts the kwargs as a JSON string too.
                do {
                    object = ConfigValue(json: try JSONParser.parse(text), at: kwargs.location)
                } catch {
                    throw c.error(kwargs, "lr_scheduler_kwargs is a string that is not JSON (\(error))", fix: "write an object of keyword arguments")
                }
            }
            guard object.isObject else { throw c.error(kwargs, "expected an object of keyword arguments, found \(kwargs.kindDescription)", fix: "write an object") }
            for m in object.members { schedule.append((m.key, m.value.json)) }
        }
        if name == "reduce_lr_on_plateau" || name == "greedy" {
            c.note("\(name) is metric-driven: give the schedule \"metrics\" (one evaluation result per step) to draw it")
        }

        var training: [(key: String, value: JSONValue)] = [("trainer", .string("transformers")), ("learning_rate", .number(lr))]
        if let b = try c.integer(root, "per_device_train_batch_size") ?? (root["per_device_train_batch_size"] == nil ? 8 : nil) {
            training.append(("batch_size", .integer(b)))
            if root["per_device_train_batch_size"] == nil { c.note("per_device_train_batch_size not given: TrainingArguments' default 8") }
        }
        if let legacy = root["per_gpu_train_batch_size"], let b = legacy.integer {
            c.note("per_gpu_train_batch_size \(b) (deprecated) replaced per_device_train_batch_size in transformers 4.x; transformers 5 has only per_device_train_batch_size", at: legacy)
        }
        if let a = try c.integer(root, "gradient_accumulation_steps"), a != 1 { training.append(("grad_accum", .integer(a))) }
        if try c.bool(root, "dataloader_drop_last") == true { training.append(("drop_last", .bool(true))) }
        let maxSteps = try c.integer(root, "max_steps") ?? -1
        if maxSteps > 0 {
            training.append(("max_steps", .integer(maxSteps)))
        } else {
            let epochs = try c.number(root, "num_train_epochs") ?? 3.0
            if root["num_train_epochs"] == nil { c.note("num_train_epochs not given: TrainingArguments' default 3.0") }
            training.append(("epochs", epochs == epochs.rounded() && epochs < 1e15 ? .integer(Int(epochs)) : .number(epochs)))
        }
        try readWarmup(root, into: &training, &c)
        if let ds = root["deepspeed"], !ds.isNull {
            if ds.isObject {
                c.note("the arguments carry a DeepSpeed config: its scheduler, if it has one, is what the Trainer runs", at: ds)
                if ds["scheduler"] != nil {
                    var inner = ImportContext(document: ConfigDocument(file: c.file, syntax: c.document.syntax, root: ds), overlay: c.overlay)
                    let imported = try DeepSpeedImporter.read(&inner, trainingArguments: training)
                    c.notes += inner.notes
                    return imported
                }
            } else if let path = ds.string {
                c.note("the run used the DeepSpeed config \(path): if it has a \"scheduler\", that is what ran; import it with this file's numbers as the overlay", at: ds)
            }
        }
        if c.overlaid("devices") == nil {
            c.note("TrainingArguments does not record the number of processes: give training.devices (1 assumed)")
        }
        if c.overlaid("dataset_size") == nil && maxSteps <= 0 {
            c.note("the data set's size is not in TrainingArguments: give training.dataset_size to count the steps")
        }
        let spec = JSONValue.object([
            ("title", .string("\(c.name): transformers \(name)")),
            ("training", try c.trainingBlock(training)),
            ("schedules", .array([.object(schedule)])),
        ])
        return ImportedConfig(format: .transformers, spec: spec, notes: [])
    }

    /// `warmup_steps` / `warmup_ratio` as the Trainer reads them: 5.x `get_warmup_steps` takes
    /// `int(warmup_steps)` when it is ≥ 1, else `ceil(steps × warmup_steps)`; 4.x files also carry
    /// `warmup_ratio`, used when `warmup_steps` is 0.
    static func readWarmup(_ root: ConfigValue, into training: inout [(key: String, value: JSONValue)], _ c: inout ImportContext) throws {
        let steps = try c.number(root, "warmup_steps") ?? 0
        let ratio = try c.number(root, "warmup_ratio")
        if steps < 0, let v = root["warmup_steps"] {
            throw c.error(v, "warmup_steps must be ≥ 0, found \(steps)", fix: "write a number of steps or a ratio in [0, 1)")
        }
        if steps >= 1 {
            training.append(("warmup_steps", .integer(Int(steps))))
            if steps != steps.rounded(), let v = root["warmup_steps"] { c.note("warmup_steps \(steps): the Trainer takes int(\(steps)) = \(Int(steps))", at: v) }
            if let ratio, ratio > 0, let v = root["warmup_ratio"] {
                c.note("warmup_ratio \(ratio) is not used: warmup_steps \(Int(steps)) wins (transformers 4.x; 5.x has no warmup_ratio)", at: v)
            }
        } else if steps > 0 {
            training.append(("warmup_ratio", .number(steps)))
            if let ratio, ratio > 0, let v = root["warmup_ratio"] {
                c.note("warmup_ratio \(ratio) is not used: warmup_steps \(steps) is the ratio (transformers 5.x)", at: v)
            }
        } else if let ratio, ratio > 0 {
            training.append(("warmup_ratio", .number(ratio)))
            if let v = root["warmup_ratio"] { c.note("warmup_ratio (transformers 4.x): ceil(steps × \(ratio)) warm-up steps, as 4.x and 5.x's fractional warmup_steps count them", at: v) }
        }
    }
}
