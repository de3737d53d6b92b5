import ScheduleCore

/// A LightningCLI config (`--print_config` output or a hand-written `--config`) → the torch
/// scheduler of its `lr_scheduler` on the optimizer of its `optimizer`, stepped as
/// LightningCLI's automatic `configure_optimizers` returns it: `[optimizer], [lr_scheduler]`,
/// so Lightning steps it once per epoch (interval "epoch", frequency 1).
///
/// The `trainer` keys that set the length are read: `max_epochs`, `max_steps`,
/// `accumulate_grad_batches`, `limit_train_batches`, `devices` × `num_nodes`; and
/// `data.init_args.batch_size`, the usual name of a DataModule's batch size. Lightning 2.6.
enum LightningImporter {
    /// torch 2.15 optimizers' default `lr`.
    static let defaultLR: [String: Double] = [
        "SGD": 1e-3, "Adam": 1e-3, "AdamW": 1e-3, "RMSprop": 1e-2, "Adagrad": 1e-2, "Adadelta": 1.0, "Adamax": 2e-3,
        "NAdam": 2e-3, "RAdam": 1e-3, "ASGD": 1e-2, "Rprop": 1e-2, "SparseAdam": 1e-3, "LBFGS": 1, "Adafactor": 1e-2,
    ]

    /// `class_path` (or a bare class name) and `init_args` of a LightningCLI class value.
    static func classValue(_ v: ConfigValue, _ c: ImportContext) throws -> (name: String, args: ConfigValue?) {
        if let s = v.string { return (s, nil) }
        guard let path = try c.string(v, "class_path") else {
            throw c.error(v, "expected a class_path (and init_args), found \(v.kindDescription)", fix: "write class_path: torch.optim.AdamW with init_args")
        }
        return (path, try c.object(v, "init_args"))
    }

    static func shortName(_ path: String) -> String { path.split(separator: ".").last.map(String.init) ?? path }

    static func read(_ c: inout ImportContext) throws -> ImportedConfig {
        let root = c.document.root
        guard let optimizerValue = root["optimizer"], !optimizerValue.isNull else {
            throw c.error(root, "no \"optimizer\": the LightningModule configures its optimizer and scheduler in code", fix: "describe them with lrplot's types, or add optimizer and lr_scheduler to the config")
        }
        let optimizer = try classValue(optimizerValue, c)
        let optimizerName = shortName(optimizer.name)
        var lr: Double
        if let args = optimizer.args, let given = try c.number(args, "lr") {
            lr = given
        } else if let fallback = defaultLR[optimizerName] {
            lr = fallback
            c.note("\(optimizerName) without lr: torch's default \(fallback)", at: optimizerValue)
        } else {
            throw c.error(optimizerValue, "\(optimizer.name) has no lr in init_args and lrplot does not know its default", fix: "give init_args.lr")
        }
        var schedule: [(key: String, value: JSONValue)]
        if let schedulerValue = root["lr_scheduler"], !schedulerValue.isNull {
            let scheduler = try classValue(schedulerValue, c)
            let name = shortName(scheduler.name)
            guard ScheduleCatalog.standard.type(named: "torch.\(name)") != nil else {
                throw c.error(schedulerValue, "lr_scheduler \(scheduler.name) is not a torch.optim.lr_scheduler class lrplot knows",
                              fix: "use one of " + ScheduleCatalog.standard.types.filter { $0.framework == "torch" }.map { String($0.name.dropFirst(6)) }.joined(separator: ", "))
            }
            schedule = [("type", .string("torch.\(name)")), ("lr", .number(lr))]
            for m in scheduler.args?.members ?? [] {
                switch m.key {
                case "monitor":
                    c.note("monitor \(JSONWriter.write(m.value.json)): the metric Lightning feeds ReduceLROnPlateau; give the schedule \"metrics\" to draw it", at: m.value)
                case "verbose":
                    c.note("verbose only logs", at: m.value)
                default:
                    schedule.append((m.key, m.value.json))
                }
            }
            schedule.append(("interval", .string("epoch")))
            c.note("LightningCLI returns [optimizer], [lr_scheduler]: Lightning steps \(name) once per epoch (interval \"epoch\", frequency 1)", at: schedulerValue)
        } else {
            schedule = [("type", .string("constant")), ("lr", .number(lr))]
            c.note("no lr_scheduler: \(optimizerName) keeps lr \(lr)")
        }

        var training: [(key: String, value: JSONValue)] = [("trainer", .string("lightning"))]
        if let trainer = try c.object(root, "trainer") {
            if let e = try c.integer(trainer, "max_epochs"), e > 0 { training.append(("epochs", .integer(e))) }
            if let s = try c.integer(trainer, "max_steps"), s > 0 { training.append(("max_steps", .integer(s))) }
            if let a = try c.integer(trainer, "accumulate_grad_batches"), a > 1 { training.append(("grad_accum", .integer(a))) }
            if let limit = trainer["limit_train_batches"], !limit.isNull {
                switch limit.kind {
                case .integer(let n): training.append(("limit_train_batches", .integer(n)))
                case .number(let f) where f != 1.0: training.append(("limit_train_batches", .number(f)))
                case .number: break
                default: throw c.error(limit, "expected a count or a fraction for limit_train_batches, found \(limit.kindDescription)", fix: "write e.g. 100 or 0.25")
                }
            }
            let nodes = try c.integer(trainer, "num_nodes") ?? 1
            if let devices = trainer["devices"], !devices.isNull {
                switch devices.kind {
                case .integer(let d) where d > 0: training.append(("devices", .integer(d * nodes)))
                case .array(let list): training.append(("devices", .integer(list.count * nodes)))
                case .string(let s) where Int(s) != nil && Int(s)! > 0: training.append(("devices", .integer(Int(s)! * nodes)))
                default:
                    c.note("devices \(JSONWriter.write(devices.json)): the number of processes is decided at run time; give training.devices", at: devices)
                }
            }
            if trainer["max_epochs"] == nil && trainer["max_steps"] == nil {
                c.note("neither max_epochs nor max_steps: Lightning trains 1000 epochs", at: trainer)
            }
        }
        if let data = root["data"], let args = data["init_args"] ?? (data.isObject ? data : nil), let b = try c.integer(args, "batch_size") {
            training.append(("batch_size", .integer(b)))
            c.note("batch_size \(b) read from the DataModule's init_args", at: args["batch_size"])
        }
        if c.overlaid("dataset_size") == nil {
            c.note("the training set's size is not in the config: without training.dataset_size the chart is per epoch")
        }
        let spec = JSONValue.object([
            ("title", .string("\(c.name): Lightning \(schedule.first.flatMap { if case .string(let t) = $0.value { return t } else { return nil } } ?? "")")),
            ("training", try c.trainingBlock(training)),
            ("schedules", .array([.object(schedule)])),
        ])
        return ImportedConfig(format: .lightning, spec: spec, notes: [])
    }
}
