import ScheduleCore

/// A mmengine config dumped to JSON (`Config.dump`) → `mmengine.param_scheduler` with the
/// config's `param_scheduler` entries, its train loop and its optimizer's lr.
///
/// As `Runner` (mmengine 0.10.7) builds them: the schedulers in list order on one optimizer,
/// missing `end`s from `train_cfg` (`max_epochs` for epoch-based, else `max_iters`),
/// `convert_to_iter_based` with `len(train_dataloader)`; `auto_scale_lr` (when `enable`) scales
/// the optimizer's lr by `batch_size × world_size / base_batch_size`.
enum MMEngineImporter {
    static let lrSchedulers = ["ConstantLR", "CosineAnnealingLR", "ExponentialLR", "LinearLR", "MultiStepLR", "StepLR",
                               "PolyLR", "OneCycleLR", "CosineRestartLR"]

    static func read(_ c: inout ImportContext) throws -> ImportedConfig {
        let root = c.document.root
        // The optimizer's learning rate.
        guard let wrapper = try c.object(root, "optim_wrapper") ?? c.object(root, "optimizer"),
              let optimizer = wrapper["optimizer"] ?? (wrapper["type"]?.string?.hasSuffix("OptimWrapper") == true ? nil : wrapper) else {
            throw c.error(root, "no optim_wrapper.optimizer", fix: "the config needs optim_wrapper = dict(optimizer=dict(type=..., lr=...))")
        }
        guard var lr = try c.number(optimizer, "lr") else {
            throw c.error(optimizer, "the optimizer has no lr", fix: "give optim_wrapper.optimizer.lr")
        }
        if let counts = try c.integer(wrapper, "accumulative_counts"), counts > 1, let v = wrapper["accumulative_counts"] {
            c.note("accumulative_counts \(counts): the optimizer steps every \(counts) iterations, but mmengine still steps the schedulers per iteration", at: v)
        }
        if let v = wrapper["paramwise_cfg"], !v.isNull {
            c.note("paramwise_cfg scales some parameter groups' rates; lrplot draws the base group's", at: v)
        }
        let batch = try root["train_dataloader"].flatMap { try c.integer($0, "batch_size") }
        if let scale = try c.object(root, "auto_scale_lr"), try c.bool(scale, "enable") == true {
            guard let base = try c.number(scale, "base_batch_size") else {
                throw c.error(scale, "Lack of `base_batch_size` in `auto_scale_lr`. (mmengine asserts it)", fix: "give base_batch_size")
            }
            guard let batch else { throw c.error(scale, "auto_scale_lr needs train_dataloader.batch_size", fix: "give train_dataloader.batch_size") }
            let devices = c.overlaid("devices").flatMap { $0.doubleValue }.map { Int($0) } ?? 1
            if c.overlaid("devices") == nil {
                c.note("auto_scale_lr scales the lr by the real batch (batch_size × world size): give training.devices (1 assumed)", at: scale)
            }
            let ratio = Double(devices * batch) / base
            c.note("auto_scale_lr: lr \(lr) × \(devices * batch) / \(base) = \(lr * ratio)", at: scale)
            lr *= ratio
        }

        // The schedulers.
        guard let listValue = root["param_scheduler"], !listValue.isNull else {
            throw c.error(root, "no param_scheduler: the lr stays at \(lr)", fix: "nothing to draw; add param_scheduler to the config")
        }
        let entries: [ConfigValue]
        switch listValue.kind {
        case .array(let items): entries = items
        case .object where listValue["type"] != nil: entries = [listValue]
        default:
            throw c.error(listValue, "param_scheduler for several optimizers (a dict of lists) is not supported", fix: "import one optimizer's list")
        }
        var schedulers: [JSONValue] = []
        for entry in entries {
            guard entry.isObject, let typeValue = entry["type"], var type = typeValue.string else {
                throw c.error(entry, "expected a scheduler dict with a \"type\"", fix: "write dict(type='LinearLR', …)")
            }
            if let dot = type.lastIndex(of: ".") { type = String(type[type.index(after: dot)...]) }
            if type.hasSuffix("Momentum") {
                c.note("\(type) schedules the momentum, which lrplot does not draw for mmengine", at: entry)
                continue
            }
            if type.hasSuffix("ParamScheduler") {
                let param = try c.string(entry, "param_name") ?? ""
                guard param == "lr" else {
                    c.note("\(type) with param_name \"\(param)\" does not schedule the learning rate", at: entry)
                    continue
                }
                type = String(type.dropLast("ParamScheduler".count)) + "LR"
                if type == "CosineAnnealingLR" || type == "CosineRestartLR" || lrSchedulers.contains(type) {} else { type = "?" }
            }
            guard lrSchedulers.contains(type) else {
                throw c.error(typeValue, "\(typeValue.string ?? "?") is not one of mmengine's learning-rate schedulers lrplot knows (\(lrSchedulers.joined(separator: ", ")))",
                              fix: "use one of those, or describe the schedule with lrplot's types")
            }
            var object: [(key: String, value: JSONValue)] = [("type", .string("mmengine.\(type)"))]
            for m in entry.members where !["type", "param_name", "_scope_"].contains(m.key) {
                object.append((m.key, m.value.json))
            }
            schedulers.append(.object(object))
        }
        guard !schedulers.isEmpty else { throw c.error(listValue, "no learning-rate scheduler in param_scheduler", fix: "nothing to draw") }

        var list: [(key: String, value: JSONValue)] = [("type", .string("mmengine.param_scheduler")), ("lr", .number(lr))]
        if let trainCfg = try c.object(root, "train_cfg") {
            let type = try c.string(trainCfg, "type")
            let byEpoch = try c.bool(trainCfg, "by_epoch")
            if type == "IterBasedTrainLoop" || byEpoch == false {
                guard let iters = try c.integer(trainCfg, "max_iters") else { throw c.error(trainCfg, "an iteration-based loop without max_iters", fix: "give max_iters") }
                list.append(("max_iters", .integer(iters)))
            } else if type == nil || type == "EpochBasedTrainLoop" {
                guard let epochs = try c.integer(trainCfg, "max_epochs") else { throw c.error(trainCfg, "an epoch-based loop without max_epochs", fix: "give max_epochs") }
                list.append(("max_epochs", .integer(epochs)))
            } else if let type {
                throw c.error(trainCfg["type"] ?? trainCfg, "train loop \(type) is not mmengine's EpochBasedTrainLoop or IterBasedTrainLoop", fix: "lrplot counts those two loops")
            }
        } else {
            c.note("no train_cfg: the schedulers' missing ends are INF (10⁹), as without a train loop")
        }
        list.append(("schedulers", .array(schedulers)))

        var training: [(key: String, value: JSONValue)] = [("trainer", .string("mmengine"))]
        if let batch { training.append(("batch_size", .integer(batch))) }
        if let loader = root["train_dataloader"] {
            if try c.bool(loader, "drop_last") == true { training.append(("drop_last", .bool(true))) }
            if loader["sampler"]?["type"]?.string == "InfiniteSampler" {
                c.note("InfiniteSampler: len(train_dataloader) counts the whole data set on every process (no division by the world size)", at: loader["sampler"])
            }
        }
        if c.overlaid("dataset_size") == nil {
            c.note("the data set's size is not in the config: give training.dataset_size for the iterations per epoch (len(train_dataloader))")
        }
        let spec = JSONValue.object([
            ("title", .string("\(c.name): mmengine param_scheduler")),
            ("training", try c.trainingBlock(training)),
            ("schedules", .array([.object(list)])),
        ])
        return ImportedConfig(format: .mmengine, spec: spec, notes: [])
    }
}
