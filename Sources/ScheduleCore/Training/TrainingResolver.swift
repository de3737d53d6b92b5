import Foundation

/// A schedule placed on its trainer's axis by a training block.
public struct ResolvedSchedule: Sendable {
    /// The schedule on ``StepDerivation/axis``: `values[k]` is the lr after `k` steps of it.
    public var schedule: any Schedule
    /// The schedule object with the parameters the training block supplied filled in (for
    /// display; a spec keeps them out so that they follow the block).
    public var object: JSONValue
    public var derivation: StepDerivation
}

/// How often a spec or a Lightning `lr_scheduler` config steps a scheduler: lrplot's
/// `"interval"` (with Lightning's `frequency`).
public enum ScheduleInterval: String, Sendable, CaseIterable {
    case step, epoch
}

/// Fills the parameters a training block determines into schedule objects and places the
/// built schedules on their trainer's axis, counting as ``StepAccounting`` does.
///
/// Per schedule, only parameters the object does not give are filled:
/// - `lr` (any type declaring it) from `learning_rate` (transformers: `TrainingArguments`'
///   default 5e-5 when the block has none; timm: `lr_base` scaled by the global batch);
/// - `hf.*`: `num_training_steps` (the scheduler's steps over the run) and `num_warmup_steps`
///   (`warmup_steps`, else `⌈steps × warmup_ratio⌉`, transformers' `get_warmup_steps`);
/// - `deepspeed.*`: `"auto"` values as the transformers integration fills them
///   (`warmup_min_lr` 0, `warmup_max_lr` and the optimizer's `lr` from `learning_rate`,
///   `total_num_steps` from the run, `warmup_num_steps = max(1, get_warmup_steps(steps))`),
///   and a missing `total_num_steps`; under the transformers trainer a value that is not
///   `"auto"` must match (the integration raises on a mismatch);
/// - `torch.OneCycleLR`: `total_steps`, when it has neither that nor `epochs`/`steps_per_epoch`;
/// - `timm.create_scheduler_v2`: `num_epochs` from `epochs`, `updates_per_epoch` (per update);
/// - `mmengine.param_scheduler`: `epoch_length` (iterations per epoch) and the loop's
///   `max_epochs` / `max_iters`.
public struct TrainingResolver: Sendable {
    public var training: TrainingSetup
    public var catalog: ScheduleCatalog

    public init(training: TrainingSetup, catalog: ScheduleCatalog = .standard) {
        self.training = training
        self.catalog = catalog
    }

    /// transformers' `TrainingArguments.learning_rate` default.
    static let transformersDefaultLR = 5e-5

    /// Resolves the schedule object `value` (at JSON path `path`).
    ///
    /// - Parameters:
    ///   - ignoring: spec keys of the object that are not the schedule's (label, colour, …).
    ///   - interval: how the spec steps it (`nil`: the trainer's default, Lightning's "epoch").
    ///   - frequency: Lightning's `frequency` (scheduler steps every that many intervals).
    /// - Throws: ``TrainingError`` for a missing or inconsistent number, ``ScheduleError``
    ///   for a bad schedule object.
    public func resolve(_ value: JSONValue, path: String, ignoring: Set<String> = [],
                        interval: ScheduleInterval? = nil, frequency: Int = 1) throws -> ResolvedSchedule {
        guard case .object(let original) = value, case .string(let typeName)? = value["type"],
              let type = catalog.type(named: typeName) else {
            // Let the catalog word the error (not an object, no type, unknown type).
            _ = try catalog.make(value, path: path, ignoring: ignoring)
            throw ScheduleError(path: path, "expected a schedule object")
        }
        var job = Job(resolver: self, type: type, path: path, members: original)
        return try job.run(interval: interval, frequency: Swift.max(frequency, 1), ignoring: ignoring)
    }
}

/// The work of resolving one schedule object.
private struct Job {
    let resolver: TrainingResolver
    let type: ScheduleType
    let path: String
    var members: [(key: String, value: JSONValue)]
    var rules: [DerivedNumber] = []
    var notes: [String] = []

    init(resolver: TrainingResolver, type: ScheduleType, path: String, members: [(key: String, value: JSONValue)]) {
        self.resolver = resolver
        self.type = type
        self.path = path
        self.members = members
    }

    var training: TrainingSetup { resolver.training }
    var framework: String { type.framework }
    var declared: Set<String> { Set(type.parameters.map(\.name)) }

    func given(_ key: String) -> JSONValue? { members.first(where: { $0.key == key })?.value }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Sets `key` when the type declares it and the object does not give it.
    mutating func fill(_ key: String, _ value: JSONValue, _ rule: String) {
        guard declared.contains(key), given(key) == nil else { return }
        members.append((key, value))
        rules.append(DerivedNumber(key, number: value.doubleValue ?? .nan, rule))
        if case .integer(let i) = value { rules[rules.count - 1].value = .integer(i) }
    }

    /// Replaces an `"auto"` value of `key` (DeepSpeed), or fills it when absent and `whenAbsent`.
    mutating func fillAuto(_ key: String, _ value: JSONValue, _ rule: String, whenAbsent: Bool = false) {
        if let i = members.firstIndex(where: { $0.key == key }) {
            guard members[i].value == .string("auto") else { return }
            members[i].value = value
            rules.append(DerivedNumber(key, number: value.doubleValue ?? .nan, "\"auto\": " + rule))
            if case .integer(let n) = value { rules[rules.count - 1].value = .integer(n) }
        } else if whenAbsent {
            fill(key, value, rule)
        }
    }

    var hasAuto: Bool { members.contains { $0.value == .string("auto") } }

    mutating func run(interval: ScheduleInterval?, frequency: Int, ignoring: Set<String>) throws -> ResolvedSchedule {
        let trainer = training.trainer ?? (framework == "deepspeed" && hasAuto ? .transformers : Trainer.default(forFramework: framework))
        let counts = try StepAccounting(training: training, trainer: trainer).counts()
        rules = counts.rules
        notes = counts.notes
        if training.trainer == nil && framework == "deepspeed" && hasAuto {
            notes.append("\"auto\" values are filled by the transformers Trainer's DeepSpeed integration, so its step counting applies")
        }
        try fillLearningRate(trainer: trainer)

        // What one scheduler step is: an epoch, an optimizer step (or update, batch), an iteration.
        let unit = schedulerUnit(trainer: trainer, interval: interval)
        var axis: StepAxis = trainer == .keras ? .batch : trainer == .timm ? .update : trainer == .mmengine ? .iteration : .optimizerStep
        var stepping = SchedulerStepping.perStep
        var steps = counts.steps
        var stepsPerEpoch = counts.stepsPerEpoch
        var guardOneCycle: AccelerateOneCycleGuard?
        var schedulerSteps: Int?

        switch unit {
        case .epoch:
            if let u = counts.stepsPerEpoch {
                stepping = .perEpoch(stepsPerEpoch: u, frequency: frequency)
            } else {
                axis = .epoch
                stepsPerEpoch = nil
                steps = counts.epochs.map { Int(saturating: $0.rounded(.up)) }
                if frequency > 1 { stepping = .perEpoch(stepsPerEpoch: 1, frequency: frequency) }
            }
            let epochsRun = counts.epochs.map { Int(saturating: $0.rounded(.up)) }
            schedulerSteps = epochsRun.map { $0 / frequency }
            if trainer == .lightning && interval == nil {
                notes.append("Lightning steps an lr_scheduler once per epoch unless its config says interval \"step\"")
            }
        case .step:
            if let s = counts.steps {
                switch trainer {
                case .accelerate:
                    let n = training.splitBatches ? 1 : training.devices
                    if !training.stepSchedulerWithOptimizer {
                        // Each call steps: one per batch in an accelerate loop.
                        guard let l = counts.batchesPerEpoch, counts.stepsPerEpoch != nil else {
                            throw StepAccounting(training: training, trainer: trainer).missing("the batches of each optimizer step (step_scheduler_with_optimizer is false)", orMaxSteps: false)
                        }
                        stepping = .perBatch(batchesPerEpoch: l, gradAccum: training.gradAccum)
                        notes.append("step_scheduler_with_optimizer false: the scheduler steps at every call, assumed once per batch")
                    } else if n > 1 {
                        stepping = .repeated(n)
                        notes.append("accelerate's prepared scheduler steps \(n) times per optimizer step (once per process); transformers' Trainer does not wrap its scheduler and steps it once")
                    }
                    if type.name == "torch.OneCycleLR", training.stepSchedulerWithOptimizer {
                        guardOneCycle = AccelerateOneCycleGuard(totalSteps: 0, processes: n)
                    }
                case .lightning where frequency > 1:
                    guard let l = counts.batchesPerEpoch, counts.stepsPerEpoch != nil else {
                        throw StepAccounting(training: training, trainer: trainer).missing("the batch index of each optimizer step (Lightning's frequency counts batches)", orMaxSteps: false)
                    }
                    // update_lr_schedulers("step"): current_idx = batch_idx + 1 of the epoch's optimizer steps.
                    stepping = .batchFrequency(batchesPerEpoch: l, gradAccum: training.gradAccum, frequency: frequency)
                    notes.append("Lightning steps the scheduler when (batch_idx + 1) % frequency == 0 at an optimizer step")
                default:
                    if frequency > 1 { stepping = .every(frequency) }
                }
                schedulerSteps = stepping.count(after: s)
            }
        case .ownAxis:
            break
        }

        try fillLengths(trainer: trainer, counts: counts, schedulerSteps: schedulerSteps)
        var warmup = derivedWarmup

        // Build, then place on the axis.
        let built = try resolver.catalog.make(.object(members), path: path, ignoring: ignoring)
        if var g = guardOneCycle, let oneCycle = built as? TorchOneCycleLR {
            g.totalSteps = oneCycle.totalSteps.clampedToInt  // past Int.max it is never reached
            guardOneCycle = g
            notes.append("accelerate steps a scheduler with total_steps only while its _step_count ≤ total_steps (\(oneCycle.totalSteps)), so it holds its last value instead of raising")
        } else {
            guardOneCycle = nil
        }
        if let factory = built as? TimmSchedulerFactory {
            // The factory decides the run's length (its returned num_epochs).
            let epochs = factory.epochs
            if let e = training.epochs, Int(e) != epochs {
                notes.append("timm runs create_scheduler_v2's \(epochs) epochs (num_epochs + cooldown, cycles, warmup prefix), not the block's \(StepDerivation.decimal(e))")
            }
            rules.append(DerivedNumber("num_epochs (returned)", epochs, "create_scheduler_v2 returns \(epochs) epochs to train"))
            if let u = factory.updatesPerEpoch {
                axis = .update
                steps = try StepAccounting.product(epochs, u, path: "training.epochs", "\(epochs) epochs × \(u) updates")
                stepsPerEpoch = u
                stepping = .perStep
            } else if let u = counts.stepsPerEpoch {
                axis = .update
                steps = try StepAccounting.product(epochs, u, path: "training.epochs", "\(epochs) epochs × \(u) updates")
                stepsPerEpoch = u
                stepping = .perEpoch(stepsPerEpoch: u, frequency: 1)
            } else {
                axis = .epoch
                steps = epochs
                stepsPerEpoch = nil
                stepping = .perStep
            }
            if let wt = (factory.inner as? any TimmSchedule)?.warmup.length, wt > 0 {
                warmup = factory.updatesPerEpoch == nil && stepping != .perStep ? try StepAccounting.product(wt, counts.stepsPerEpoch ?? 1, path: "training", "warm-up \(wt) epochs × \(counts.stepsPerEpoch ?? 1) updates") : wt
            }
        }
        if let list = built as? MMEngineParamSchedulerList {
            axis = list.epochLength == nil && !list.iterationLoop ? .epoch : .iteration
            if let planned = list.plannedLength { steps = planned }
            stepsPerEpoch = list.epochLength
            stepping = .perStep
        }
        if steps == nil, stepping == .perStep, let planned = (built as? any PlannedLength)?.plannedSteps, planned > 0,
           !(built is TimmSchedulerFactory), !(built is MMEngineParamSchedulerList) {
            steps = planned
            rules.append(DerivedNumber("steps", planned, "the schedule's own length (\(type.name)); the training block does not count the run"))
        }
        let schedule = SteppedSchedule.wrap(built, stepping: stepping, oneCycleGuard: guardOneCycle)
        if schedule is SteppedSchedule {
            // A stateful schedule is walked c(k) scheduler steps for k optimizer steps: bound
            // the walk as lrplot bounds steps (devices = 10¹² would step it 10¹² times a step).
            let limit = 1_000_000_000
            let walked = stepping.count(after: Swift.min(steps ?? 1, limit))
            if walked > limit {
                let key: String
                if case .repeated = stepping { key = "training.devices" } else { key = "training" }
                throw TrainingError.invalid(path: key, message: "\(type.name) would be stepped \(walked == Int.max ? "more than 2⁶³" : StepDerivation.grouped(walked)) times (\(stepping)) over \(StepDerivation.grouped(Swift.min(steps ?? 1, limit))) steps; lrplot walks a stateful schedule at most \(StepDerivation.grouped(limit)) scheduler steps")
            }
        }
        var epochs = counts.epochs
        if axis == .epoch { epochs = steps.map(Double.init) }
        if let s = steps, let u = stepsPerEpoch, axis != .epoch { epochs = Double(s) / Double(u) }
        let derivation = StepDerivation(
            trainer: trainer, axis: axis, steps: steps, stepsPerEpoch: axis == .epoch ? nil : stepsPerEpoch,
            epochs: epochs, batchesPerEpoch: counts.batchesPerEpoch, globalBatchSize: counts.globalBatchSize,
            warmupSteps: warmup, stepping: stepping, rules: rules, notes: notes)
        return ResolvedSchedule(schedule: schedule, object: .object(members), derivation: derivation)
    }

    /// What one step of the built schedule is.
    enum Unit { case step, epoch, ownAxis }

    func schedulerUnit(trainer: Trainer, interval: ScheduleInterval?) -> Unit {
        switch framework {
        case "timm":
            if type.name == "timm.create_scheduler_v2" { return .ownAxis }
            if type.name == "timm.PlateauLRScheduler" { return .epoch }
            return given("t_in_epochs") == .bool(false) ? .step : .epoch
        case "mmengine":
            if type.name == "mmengine.param_scheduler" { return .ownAxis }
            // A single mmengine scheduler on the iteration axis: by epoch unless by_epoch is false or converted.
            let byEpoch = given("by_epoch") != .bool(false) && given("convert_to_iter_based") != .bool(true)
            return byEpoch ? .epoch : .step
        default:
            if let interval { return interval == .epoch ? .epoch : .step }
            return trainer == .lightning ? .epoch : .step
        }
    }

    /// The warm-up a trainer derives, recorded by ``fillLengths``.
    var derivedWarmup: Int? {
        for key in ["num_warmup_steps", "warmup_num_steps"] {
            if let r = rules.last(where: { $0.name == key }), case .integer(let w) = r.value { return w }
        }
        if case .integer(let w)? = given("num_warmup_steps") { return w }
        if case .integer(let w)? = given("warmup_num_steps") { return w }
        return nil
    }

    /// `lr` from the block (or the trainer's default).
    mutating func fillLearningRate(trainer: Trainer) throws {
        guard declared.contains("lr") else {
            if training.learningRate != nil {
                notes.append("learning_rate does not apply to \(type.name), which sets its own rates")
            }
            return
        }
        if let lr = training.learningRate {
            if framework == "deepspeed" {
                fillAuto("lr", .number(lr), "learning_rate \(lr)", whenAbsent: true)
            } else {
                fill("lr", .number(lr), "learning_rate \(lr)")
            }
            return
        }
        if framework == "timm", let base = training.lrBase, given("lr") == nil {
            guard let b = training.batchSize else {
                throw TrainingError.missing(key: "training.batch_size", purpose: "timm's learning rate from lr_base (lr = lr_base × global batch / lr_base_size)", alternatives: ["training.learning_rate"])
            }
            let global = try StepAccounting.product(
                StepAccounting.product(b, training.devices, path: "training.batch_size", "batch_size \(b) × devices \(training.devices)"),
                training.gradAccum, path: "training.batch_size", "the global batch × grad_accum \(training.gradAccum)")
            var ratio = Double(global) / Double(training.lrBaseSize)
            var rule = "lr_base \(base) × \(global) / \(training.lrBaseSize)"
            if training.lrBaseScale == "sqrt" {
                ratio = ratio.squareRoot()
                rule = "lr_base \(base) × sqrt(\(global) / \(training.lrBaseSize))"
            }
            let lr = base * ratio
            fill("lr", .number(lr), rule + " = \(lr) (train.py, global batch = \(b) × \(training.devices) devices × \(training.gradAccum))")
            return
        }
        if trainer == .transformers && given("lr") == nil {
            if framework == "deepspeed" {
                fillAuto("lr", .number(TrainingResolver.transformersDefaultLR), "TrainingArguments' default learning_rate 5e-05")
            } else {
                fill("lr", .number(TrainingResolver.transformersDefaultLR), "TrainingArguments' default learning_rate 5e-05")
                notes.append("learning_rate not given: TrainingArguments' default 5e-05")
            }
        }
    }

    /// transformers' `get_warmup_steps(total)`: `warmup_steps` when ≥ 1, else
    /// `ceil(total × ratio)` (5.x folds the ratio into `warmup_steps < 1`; 4.x had `warmup_ratio`,
    /// used when `warmup_steps` is 0).
    func transformersWarmup(_ total: Int, objectRatio: Double?) -> (Int, String)? {
        if let w = training.warmupSteps, w >= 1 {
            if training.warmupRatio != nil { return (w, "warmup_steps \(w) (wins over warmup_ratio)") }
            return (w, "warmup_steps \(w)")
        }
        guard let r = objectRatio ?? training.warmupRatio else { return nil }
        let w = Int(saturating: (Double(total) * r).rounded(.up))
        return (w, "ceil(\(total) × \(StepDerivation.decimal(r))) = \(w)")
    }

    /// The lengths a training block determines, per framework.
    mutating func fillLengths(trainer: Trainer, counts: StepAccounting.Counts, schedulerSteps: Int?) throws {
        let accounting = StepAccounting(training: training, trainer: trainer)
        func requireSteps(_ purpose: String) throws -> Int {
            guard let s = schedulerSteps else { throw accounting.missing(purpose, orMaxSteps: true) }
            return s
        }
        switch framework {
        case "hf":
            // The schedule's own warmup_ratio (transformers' TrainingArguments name) is lrplot's, not get_scheduler's.
            var objectRatio: Double?
            if let i = members.firstIndex(where: { $0.key == "warmup_ratio" }) {
                guard let r = members[i].value.doubleValue, r >= 0, r <= 1 else {
                    throw TrainingError.invalid(path: keyPath("warmup_ratio"), message: "expected a fraction in [0, 1], found \(members[i].value.kindDescription)")
                }
                objectRatio = r
                members.remove(at: i)
            }
            let needsTotal = declared.contains("num_training_steps") && given("num_training_steps") == nil && type.parameters.contains { $0.name == "num_training_steps" && $0.defaultValue == .required }
            let needsWarmup = declared.contains("num_warmup_steps") && given("num_warmup_steps") == nil && (objectRatio != nil || training.warmupRatio != nil || training.warmupSteps != nil)
            if needsTotal || needsWarmup || (objectRatio != nil && given("num_warmup_steps") == nil) {
                let total = try requireSteps("\(type.name)'s num_training_steps (the scheduler steps of the run)")
                fill("num_training_steps", .integer(total), schedulerStepsRule(total, trainer: trainer))
                if let (w, rule) = transformersWarmup(total, objectRatio: objectRatio) {
                    fill("num_warmup_steps", .integer(w), rule)
                } else if type.parameters.contains(where: { $0.name == "num_warmup_steps" && $0.defaultValue == .required }) {
                    fill("num_warmup_steps", .integer(0), "no warm-up given: 0 (TrainingArguments' default warmup_steps)")
                }
            } else if let given = given("num_training_steps"), let s = schedulerSteps, given != .integer(s) {
                notes.append("num_training_steps \(JSONWriter.write(given)) is given; the training block counts \(s) scheduler steps")
            }
            if objectRatio != nil && given("num_warmup_steps") != nil && !rules.contains(where: { $0.name == "num_warmup_steps" }) {
                throw TrainingError.invalid(path: keyPath("warmup_ratio"), message: "give num_warmup_steps or warmup_ratio, not both")
            }
            if !declared.contains("num_warmup_steps") && (training.warmupRatio != nil || objectRatio != nil) {
                notes.append("warmup_ratio does not apply to \(type.name), which has no warm-up")
            }
            if type.name == "hf.constant" && (training.warmupRatio != nil || training.warmupSteps != nil) {
                notes.append("transformers' \"constant\" scheduler ignores the warm-up (get_scheduler passes no num_warmup_steps)")
            }
        case "deepspeed":
            try fillDeepSpeed(trainer: trainer, counts: counts, schedulerSteps: schedulerSteps)
        case "torch":
            if type.name == "torch.OneCycleLR", given("total_steps") == nil, given("epochs") == nil, given("steps_per_epoch") == nil {
                let total = try requireSteps("torch.OneCycleLR's total_steps")
                fill("total_steps", .integer(total), schedulerStepsRule(total, trainer: trainer) + (trainer == .lightning ? " (Lightning's estimated_stepping_batches)" : ""))
            }
            if training.warmupRatio != nil { notes.append("warmup_ratio does not apply to \(type.name); its warm-up is its own parameters") }
        case "timm":
            if type.name == "timm.create_scheduler_v2" {
                if given("num_epochs") == nil, let e = training.epochs {
                    guard e == e.rounded() else { throw TrainingError.invalid(path: "training.epochs", message: "timm counts whole epochs, found \(e)") }
                    let whole = try StepAccounting.wholeEpochs(e, path: "training.epochs")
                    fill("num_epochs", .integer(whole), "epochs \(whole)")
                }
                if given("step_on_epochs") == .bool(false), given("updates_per_epoch") == nil {
                    guard let u = counts.stepsPerEpoch else {
                        throw accounting.missing("timm's updates_per_epoch (the schedule is stepped per optimizer update)", orMaxSteps: false)
                    }
                    fill("updates_per_epoch", .integer(u), "updates_per_epoch \(u)")
                }
            }
            if training.warmupRatio != nil { notes.append("warmup_ratio does not apply to timm, which warms up over warmup_epochs (warmup_t)") }
        case "mmengine":
            if type.name == "mmengine.param_scheduler" {
                if given("epoch_length") == nil, let l = counts.batchesPerEpoch {
                    fill("epoch_length", .integer(l), "len(train_dataloader) = \(l)")
                }
                if given("max_epochs") == nil && given("max_iters") == nil {
                    if let m = training.maxSteps {
                        fill("max_iters", .integer(m), "max_steps \(m) as IterBasedTrainLoop's max_iters")
                    } else if let e = training.epochs {
                        let whole = try StepAccounting.wholeEpochs(e, path: "training.epochs")
                        fill("max_epochs", .integer(whole), "epochs \(whole) as EpochBasedTrainLoop's max_epochs")
                    }
                }
            }
            if training.gradAccum > 1 {
                notes.append("mmengine steps its schedulers per iteration whatever the gradient accumulation (accumulative_counts \(training.gradAccum)): the axis is iterations")
            }
        default:
            if training.warmupRatio != nil && (framework == "optax" || framework == "keras" || framework == "generic") {
                notes.append("warmup_ratio does not apply to \(type.name); its warm-up is its own parameters")
            }
        }
    }

    func schedulerStepsRule(_ total: Int, trainer: Trainer) -> String {
        switch trainer {
        case .accelerate where !training.splitBatches && training.devices > 1 && training.stepSchedulerWithOptimizer:
            return "\(total) = \(training.devices) processes × the optimizer steps (accelerate steps the scheduler once per process)"
        default:
            return "the run's \(total) scheduler steps"
        }
    }

    /// The transformers integration's `trainer_config_process` / `trainer_config_finalize` for a
    /// ds_config scheduler, or DeepSpeed's own rules standalone.
    mutating func fillDeepSpeed(trainer: Trainer, counts: StepAccounting.Counts, schedulerSteps: Int?) throws {
        let accounting = StepAccounting(training: training, trainer: trainer)
        let viaTransformers = trainer == .transformers
        if hasAuto && !viaTransformers {
            throw TrainingError.invalid(path: path, message: "\"auto\" values are filled by the transformers Trainer's DeepSpeed integration; with trainer \"\(trainer.rawValue)\" give numbers (or set training.trainer to \"transformers\")")
        }
        let lr = training.learningRate ?? (viaTransformers ? TrainingResolver.transformersDefaultLR : nil)
        if viaTransformers {
            fillAuto("warmup_min_lr", .integer(0), "0 (fill_only: not a trainer argument)")
            if let lr {
                try matchOrFill("warmup_max_lr", .number(lr), hfName: "learning_rate")
                try matchOrFill("lr", .number(lr), hfName: "learning_rate")
            }
        }
        let needsTotal = declared.contains("total_num_steps") && (given("total_num_steps") == nil || given("total_num_steps") == .string("auto"))
        let needsWarmup = given("warmup_num_steps") == .string("auto")
        if needsTotal || needsWarmup || (viaTransformers && (given("total_num_steps") != nil || given("warmup_num_steps") != nil) && schedulerSteps != nil) {
            let total = try { () throws -> Int in
                guard let s = schedulerSteps else { throw accounting.missing("the DeepSpeed scheduler's total_num_steps / warmup_num_steps (the run's optimizer steps)", orMaxSteps: true) }
                return s
            }()
            if needsTotal {
                if given("total_num_steps") == nil { fill("total_num_steps", .integer(total), "the run's \(total) optimizer steps") }
                else { fillAuto("total_num_steps", .integer(total), "num_training_steps \(total)") }
            } else if viaTransformers, declared.contains("total_num_steps") {
                try matchOrFill("total_num_steps", .integer(total), hfName: "num_training_steps (calculated)")
            }
            if viaTransformers {
                let hfWarmup = transformersWarmup(total, objectRatio: nil)?.0 ?? 0
                try matchOrFill("warmup_num_steps", .integer(Swift.max(1, hfWarmup)), hfName: "warmup_steps", rule: "max(1, get_warmup_steps(\(total))) = \(Swift.max(1, hfWarmup))")
            }
        }
        if !viaTransformers && training.warmupRatio != nil {
            notes.append("warmup_ratio does not apply to \(type.name) under the DeepSpeed engine; its warm-up is warmup_num_steps")
        }
    }

    /// `fill_match`: replace `"auto"` with `value`; otherwise a given value must equal it (the
    /// integration collects mismatches and raises).
    mutating func matchOrFill(_ key: String, _ value: JSONValue, hfName: String, rule: String? = nil) throws {
        guard declared.contains(key), let current = given(key) else { return }
        if current == .string("auto") {
            fillAuto(key, value, rule ?? "\(hfName) \(JSONWriter.write(value))")
            return
        }
        if let a = current.doubleValue, let b = value.doubleValue, a != b {
            throw TrainingError.mismatch(path: keyPath(key), message: "DeepSpeed config \(key) = \(JSONWriter.write(current)) but the Trainer's \(hfName) = \(JSONWriter.write(value)); the transformers integration raises \"Please correct the following DeepSpeed config values that mismatch TrainingArguments values\" — write \"auto\" or make them equal")
        }
    }
}

extension MMEngineParamSchedulerList: PlannedLength {
    /// The train loop's length: `max_iters`, `max_epochs × epoch_length`, or `max_epochs`
    /// epochs without an epoch length (0 when no loop is given).
    public var plannedSteps: Int { plannedLength ?? 0 }
}
