import ScheduleCore

/// timm's `args.yaml` (as train.py writes it with `yaml.safe_dump(args.__dict__)`, or a
/// `--config` file of the same keys) → `timm.create_scheduler_v2` with
/// `scheduler_kwargs(args)`'s arguments, and a training block counted as train.py counts.
///
/// Mirrors timm 1.0.31: `scheduler_kwargs` reads each key with `getattr(cfg, key, default)`
/// (so an older file's missing keys take those defaults: epochs 100, decay_epochs 30,
/// decay_milestones [30, 60], warmup_epochs 5, warmup_lr 1e-5, lr_cycle_decay 0.1, …);
/// `sched_on_updates` steps per optimizer update with `updates_per_epoch` from the loader;
/// train.py's plateau mode is "min" when `eval_metric` is "loss". When `lr` is null (or 0)
/// train.py derives it: `lr = lr_base × global_batch / lr_base_size` (square root of the ratio
/// for "sqrt", which an empty `lr_base_scale` picks for optimizers named ada*/lamb), with
/// `global_batch = batch_size × world_size × grad_accum_steps` — carried into the training
/// block so the devices given later count. LR noise (`lr_noise`) is random and rejected.
enum TimmImporter {
    static func read(_ c: inout ImportContext) throws -> ImportedConfig {
        let root = c.document.root
        func num(_ key: String, _ fallback: Double) throws -> Double {
            if let v = try c.number(root, key) { return v }
            if root[key] == nil { c.note("\(key) not in the file: scheduler_kwargs' default \(fallback)") }
            return fallback
        }
        func int(_ key: String, _ fallback: Int) throws -> Int {
            if let v = try c.integer(root, key) { return v }
            if root[key] == nil { c.note("\(key) not in the file: scheduler_kwargs' default \(fallback)") }
            return fallback
        }
        let sched = try c.string(root, "sched") ?? "cosine"
        if let noise = root["lr_noise"], !noise.isNull {
            throw c.error(noise, "lr_noise \(JSONWriter.write(noise.json)) turns on timm's random learning-rate noise, which lrplot does not reproduce",
                          fix: "draw the schedule without noise: set lr_noise to null (an override such as --set lr_noise=null, or in a copy of the file)")
        }
        var schedule: [(key: String, value: JSONValue)] = [("type", .string("timm.create_scheduler_v2"))]
        // The learning rate: given, or derived from lr_base by train.py (then in the training block).
        var training: [(key: String, value: JSONValue)] = [("trainer", .string("timm"))]
        let lr = try c.number(root, "lr")
        if let lr, lr != 0 {
            schedule.append(("lr", .number(lr)))
        } else {
            let base = try num("lr_base", 0.1)
            let size = try int("lr_base_size", 256)
            var scale = try c.string(root, "lr_base_scale") ?? ""
            if scale.isEmpty {
                let opt = (try c.string(root, "opt") ?? "sgd").lowercased()
                scale = ["ada", "lamb"].contains(where: { opt.contains($0) }) ? "sqrt" : "linear"
                c.note("lr is \(lr == nil ? "null" : "0"): train.py sets lr = lr_base \(base) × global batch / \(size), scaled \(scale) (lr_base_scale empty, optimizer \"\(opt)\")", at: root["lr"])
            }
            guard scale == "linear" || scale == "sqrt" else {
                throw c.error(root["lr_base_scale"] ?? root, "lr_base_scale \"\(scale)\": train.py knows \"linear\" and \"sqrt\" (anything else scales linearly)", fix: "write linear or sqrt")
            }
            training += [("lr_base", .number(base)), ("lr_base_size", .integer(size)), ("lr_base_scale", .string(scale))]
            if c.overlaid("devices") == nil {
                c.note("the learning rate scales with the global batch (batch_size × devices × grad_accum_steps): give training.devices, the run's world size (1 assumed)")
            }
        }
        schedule += [
            ("sched", .string(sched)),
            ("num_epochs", .integer(try int("epochs", 100))),
        ]
        if let decay = root["decay_epochs"], !decay.isNull {
            guard let v = JSONValue.number(from: decay) else { throw c.error(decay, "expected a number for decay_epochs, found \(decay.kindDescription)", fix: "write a number of epochs") }
            schedule.append(("decay_epochs", v))
        } else if root["decay_epochs"] == nil {
            schedule.append(("decay_epochs", .integer(30)))
            c.note("decay_epochs not in the file: scheduler_kwargs' default 30")
        }
        if let milestones = root["decay_milestones"], !milestones.isNull {
            guard case .array(let items) = milestones.kind, items.allSatisfy({ $0.number != nil }) else {
                throw c.error(milestones, "expected a list of epochs for decay_milestones, found \(milestones.kindDescription)", fix: "write a list such as [30, 60]")
            }
            schedule.append(("decay_milestones", milestones.json))
        } else {
            schedule.append(("decay_milestones", .array([.integer(30), .integer(60)])))
            if sched == "multistep" { c.note("decay_milestones not in the file: scheduler_kwargs' default [30, 60]") }
        }
        schedule += [
            ("warmup_epochs", .integer(try int("warmup_epochs", 5))),
            ("cooldown_epochs", .integer(try int("cooldown_epochs", 0))),
            ("patience_epochs", .integer(try int("patience_epochs", 10))),
            ("decay_rate", .number(try num("decay_rate", 0.1))),
            ("min_lr", .number(try num("min_lr", 0))),
            ("warmup_lr", .number(try num("warmup_lr", 1e-5))),
            ("warmup_prefix", .bool(try c.bool(root, "warmup_prefix") ?? false)),
            ("noise_pct", .number(try c.number(root, "lr_noise_pct") ?? 0.67)),
            ("noise_std", .number(try c.number(root, "lr_noise_std") ?? 1.0)),
            ("noise_seed", .integer(try c.integer(root, "seed") ?? 42)),
            ("cycle_mul", .number(try num("lr_cycle_mul", 1.0))),
            ("cycle_decay", .number(try num("lr_cycle_decay", 0.1))),
            ("cycle_limit", .integer(try int("lr_cycle_limit", 1))),
            ("k_decay", .number(try num("lr_k_decay", 1.0))),
        ]
        if let fn = try c.string(root, "lr_decay_fn") { schedule.append(("decay_fn", .string(fn))) }
        if let ts = try c.number(root, "lr_stable_timescale") { schedule.append(("stable_timescale", .number(ts))) }
        let evalMetric = try c.string(root, "eval_metric") ?? "top1"
        schedule.append(("plateau_mode", .string(evalMetric == "loss" ? "min" : "max")))
        let perUpdate = try c.bool(root, "sched_on_updates") ?? false
        schedule.append(("step_on_epochs", .bool(!perUpdate)))

        if let b = try c.integer(root, "batch_size") { training.append(("batch_size", .integer(b))) }
        if let a = try c.integer(root, "grad_accum_steps"), a > 1 { training.append(("grad_accum", .integer(a))) }
        if let start = try c.integer(root, "start_epoch"), start > 0, let v = root["start_epoch"] {
            c.note("the run resumed at epoch \(start) (train.py steps the scheduler to it); the chart starts at epoch 0", at: v)
        }
        if let repeats = try c.integer(root, "aug_repeats"), repeats > 0, let v = root["aug_repeats"] {
            c.note("aug_repeats \(repeats): train.py then uses a RepeatAugSampler, whose batches per epoch lrplot does not count; per-epoch values are unaffected", at: v)
        }
        if perUpdate {
            if c.overlaid("dataset_size") == nil {
                c.note("sched_on_updates: the schedule is stepped per optimizer update, so the updates per epoch count: give training.dataset_size and training.devices")
            }
        } else {
            c.note("stepped per epoch (sched_on_updates false): train.py calls step(epoch) at the end of each epoch")
        }
        if sched == "plateau" { c.note("plateau is metric-driven: give the schedule \"metrics\" (one per epoch)") }
        let spec = JSONValue.object([
            ("title", .string("\(c.name): timm \(sched)")),
            ("training", try c.trainingBlock(training)),
            ("schedules", .array([.object(schedule)])),
        ])
        return ImportedConfig(format: .timm, spec: spec, notes: [])
    }
}
