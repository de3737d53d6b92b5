/// The keys one importer reads, as dotted path patterns, so that a `set` path (`--set KEY=VALUE`
/// or a spec's `"config": {"set": {…}}`) the config does not already hold can be checked:
/// a misspelt `learnig_rate` is an error with "did you mean", never a value nobody reads.
///
/// A pattern's segments are keys, `*` (any one key) or `**` (any keys, none included). A
/// pattern ending in `.*` names an object whose every member goes into a schedule's
/// parameters (`lr_scheduler_kwargs.*`), where the schedule itself rejects unknown names.
struct KnownKeys: Sendable {
    let patterns: [[Substring]]

    init(_ patterns: [String]) {
        self.patterns = patterns.map { $0.split(separator: ".") }
    }

    /// Whether the importer reads `path` (segments).
    func knows(_ path: [String]) -> Bool {
        patterns.contains { Self.match($0[...], path[...]) }
    }

    /// The literal keys the importer reads directly under `parent`.
    func keys(under parent: [String]) -> [String] {
        patterns.compactMap { p in
            guard let last = p.last, last != "*", last != "**", Self.match(p.dropLast(), parent[...]) else { return nil }
            return String(last)
        }
    }

    static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            // Zero or more segments.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let first = path.first, head == "*" || head == first else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }
}

extension ConfigFormat {
    /// The keys its importer reads (each importer's doc comment lists them too).
    var knownKeys: KnownKeys {
        switch self {
        case .transformers:
            return KnownKeys([
                "learning_rate", "lr_scheduler_type", "lr_scheduler_kwargs", "lr_scheduler_kwargs.*",
                "per_device_train_batch_size", "per_gpu_train_batch_size", "gradient_accumulation_steps",
                "dataloader_drop_last", "max_steps", "num_train_epochs", "warmup_steps", "warmup_ratio", "deepspeed",
            ] + ConfigFormat.deepspeedKeys.map { "deepspeed." + $0 })
        case .timm:
            return KnownKeys([
                "sched", "lr_noise", "lr", "lr_base", "lr_base_size", "lr_base_scale", "opt", "epochs", "decay_epochs",
                "decay_milestones", "warmup_epochs", "cooldown_epochs", "patience_epochs", "decay_rate", "min_lr",
                "warmup_lr", "warmup_prefix", "lr_noise_pct", "lr_noise_std", "seed", "lr_cycle_mul", "lr_cycle_decay",
                "lr_cycle_limit", "lr_k_decay", "lr_decay_fn", "lr_stable_timescale", "eval_metric", "sched_on_updates",
                "batch_size", "grad_accum_steps", "start_epoch", "aug_repeats",
            ])
        case .keras:
            // A schedule is the document or any serialized `learning_rate` / `lr`; model.fit's
            // batch_size and epochs are read from any object holding both.
            let schedule = ["class_name", "module", "registered_name", "config", "config.*"]
            return KnownKeys(schedule + schedule.map { "**.learning_rate." + $0 } + schedule.map { "**.lr." + $0 }
                             + ["**.batch_size", "**.epochs"])
        case .deepspeed:
            return KnownKeys(ConfigFormat.deepspeedKeys)
        case .lightning:
            return KnownKeys([
                "optimizer", "optimizer.class_path", "optimizer.init_args", "optimizer.init_args.lr",
                "lr_scheduler", "lr_scheduler.class_path", "lr_scheduler.init_args", "lr_scheduler.init_args.*",
                "trainer", "trainer.max_epochs", "trainer.max_steps", "trainer.accumulate_grad_batches",
                "trainer.limit_train_batches", "trainer.num_nodes", "trainer.devices",
                "data", "data.batch_size", "data.init_args", "data.init_args.batch_size",
            ])
        case .mmengine:
            return KnownKeys([
                "optim_wrapper", "optim_wrapper.type", "optim_wrapper.optimizer", "optim_wrapper.optimizer.lr",
                "optim_wrapper.accumulative_counts", "optim_wrapper.paramwise_cfg",
                "optimizer", "optimizer.lr", "optimizer.type",
                "auto_scale_lr", "auto_scale_lr.enable", "auto_scale_lr.base_batch_size",
                "param_scheduler", "param_scheduler.*",
                "train_cfg", "train_cfg.type", "train_cfg.by_epoch", "train_cfg.max_iters", "train_cfg.max_epochs",
                "train_dataloader", "train_dataloader.batch_size", "train_dataloader.drop_last",
                "train_dataloader.sampler", "train_dataloader.sampler.type",
            ])
        }
    }

    /// What the DeepSpeed importer reads (also inside TrainingArguments' inline `deepspeed`).
    static let deepspeedKeys = [
        "scheduler", "scheduler.type", "scheduler.params", "scheduler.params.*",
        "optimizer", "optimizer.params", "optimizer.params.lr",
        "train_micro_batch_size_per_gpu", "gradient_accumulation_steps", "train_batch_size", "dataloader_drop_last",
    ]
}
