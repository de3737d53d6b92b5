import ScheduleCore

/// A DeepSpeed `ds_config.json` → its `"scheduler"` as a `deepspeed.*` schedule (or the
/// `torch.*` one DeepSpeed falls back to for a torch scheduler name), and a training block.
///
/// DeepSpeed builds `getattr(lr_schedules, type)(optimizer, **params)` and steps it once per
/// optimizer step. `"auto"` values are the transformers integration's: they stay in the
/// schedule and the training block's numbers fill them as `HfTrainerDeepSpeedConfig` does (so a
/// config with `"auto"` is counted by the transformers Trainer). The batch keys give the
/// training block: `train_micro_batch_size_per_gpu` (batch_size), `gradient_accumulation_steps`,
/// `train_batch_size = micro × accumulation × processes` (devices), `dataloader_drop_last`.
enum DeepSpeedImporter {
    static let deepSpeedSchedulers = ["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "OneCycle", "LRRangeTest"]

    /// - Parameter trainingArguments: the training block of transformers arguments that carry
    ///   this config inline (then counted by the Trainer).
    static func read(_ c: inout ImportContext, trainingArguments: [(key: String, value: JSONValue)]? = nil) throws -> ImportedConfig {
        let root = c.document.root
        guard let scheduler = try c.object(root, "scheduler") else {
            throw c.error(root, "the DeepSpeed config has no \"scheduler\"", fix: "lrplot draws the configured scheduler; without one the Trainer's or your own scheduler runs — import that instead")
        }
        guard let typeValue = scheduler["type"], let type = typeValue.string else {
            throw c.error(scheduler, "the scheduler has no \"type\"", fix: "give \"type\": one of \(deepSpeedSchedulers.joined(separator: ", ")) or a torch.optim.lr_scheduler class")
        }
        let params = try c.object(scheduler, "params") ?? ConfigValue(.object([]), at: ConfigLocation(path: "scheduler.params"))
        let optimizerLR = try root["optimizer"].flatMap { try c.object($0, "params") }.flatMap { $0["lr"] }
        var object: [(key: String, value: JSONValue)]
        if deepSpeedSchedulers.contains(type) {
            object = [("type", .string("deepspeed.\(type)"))] + params.members.map { ($0.key, $0.value.json) }
            let maxNull = params["warmup_max_lr"]?.isNull == true || params["warmup_max_lr"]?.string == "auto"
            let usesOptimizerLR = type == "WarmupCosineLR" || ((type == "WarmupLR" && (params["warmup_max_lr"] == nil || maxNull)) || (type == "WarmupDecayLR" && maxNull))
            if let optimizerLR {
                if usesOptimizerLR {
                    object.append(("lr", optimizerLR.json))
                } else {
                    c.note("the optimizer's lr \(JSONWriter.write(optimizerLR.json)) is not used: \(type) writes its own rates into the optimizer", at: optimizerLR)
                }
            }
        } else {
            object = [("type", .string("torch.\(type)"))] + params.members.map { ($0.key, $0.value.json) }
            c.note("\(type) is not a DeepSpeed scheduler: DeepSpeed builds torch.optim.lr_scheduler.\(type)", at: typeValue)
            if let optimizerLR { object.append(("lr", optimizerLR.json)) }
            guard ScheduleCatalog.standard.type(named: "torch.\(type)") != nil else {
                throw c.error(typeValue, "unknown scheduler type \"\(type)\" (DeepSpeed asserts \"DeepSpeed does not recognize LR scheduler \(type)\")",
                              fix: "use one of \(deepSpeedSchedulers.joined(separator: ", ")) or a torch.optim.lr_scheduler class")
            }
        }
        if object.contains(where: { $0.key == "last_batch_iteration" }), let v = params["last_batch_iteration"] {
            throw c.error(v, "last_batch_iteration resumes a scheduler; lrplot draws a fresh one", fix: "remove it (or set -1) to draw the schedule from its start")
        }

        var training = trainingArguments ?? []
        let hasAuto = containsAuto(root)
        if trainingArguments == nil {
            training.append(("trainer", .string(hasAuto ? "transformers" : "deepspeed")))
            if hasAuto {
                c.note("\"auto\" values are filled by the transformers Trainer's DeepSpeed integration: the training block (the Trainer's arguments: learning_rate, warmup, batch, epochs) fills them")
            }
            let micro = root["train_micro_batch_size_per_gpu"]?.integer
            let accum = root["gradient_accumulation_steps"]?.integer
            let total = root["train_batch_size"]?.integer
            if let micro { training.append(("batch_size", .integer(micro))) }
            if let accum, accum != 1 { training.append(("grad_accum", .integer(accum))) }
            if let micro, let accum, let total {
                guard total % (micro * accum) == 0 else {
                    throw c.error(root["train_batch_size"]!, "train_batch_size \(total) is not train_micro_batch_size_per_gpu \(micro) × gradient_accumulation_steps \(accum) × a number of processes (DeepSpeed asserts it)",
                                  fix: "make train_batch_size a multiple of \(micro * accum)")
                }
                training.append(("devices", .integer(total / (micro * accum))))
            } else if let total, micro == nil || accum == nil {
                c.note("train_batch_size \(total) = micro batch × accumulation × processes: give training.batch_size, training.grad_accum and training.devices to count the steps", at: root["train_batch_size"])
            }
            if try c.bool(root, "dataloader_drop_last") == true { training.append(("drop_last", .bool(true))) }
        }
        for m in root.members where !known.contains(m.key) && (m.key.contains("batch") || m.key.contains("step") || m.key.contains("lr")) {
            c.note("\"\(m.key)\" is not a DeepSpeed setting: DeepSpeed ignores it", at: m.value)
        }
        let spec = JSONValue.object([
            ("title", .string("\(c.name): DeepSpeed \(type)")),
            ("training", try c.trainingBlock(training)),
            ("schedules", .array([.object(object)])),
        ])
        return ImportedConfig(format: .deepspeed, spec: spec, notes: [])
    }

    /// Top-level DeepSpeed settings about batches, steps and rates (others do not affect the lr).
    static let known: Set<String> = [
        "train_batch_size", "train_micro_batch_size_per_gpu", "gradient_accumulation_steps", "steps_per_print",
        "dataloader_drop_last", "scheduler", "optimizer", "gradient_clipping", "prescale_gradients",
        "gradient_predivide_factor", "managed_gradient_accumulation", "zero_allow_untested_optimizer",
        "zero_force_ds_cpu_optimizer",
    ]

    static func containsAuto(_ v: ConfigValue) -> Bool {
        switch v.kind {
        case .string("auto"): return true
        case .object(let members): return members.contains { containsAuto($0.value) }
        case .array(let items): return items.contains(where: containsAuto)
        default: return false
        }
    }
}
