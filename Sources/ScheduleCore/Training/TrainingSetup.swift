/// The `training` block of a spec: the numbers of a real run from which lrplot counts steps the
/// way the run's trainer does (see ``Trainer`` and ``StepAccounting``).
///
/// ```json
/// "training": {"dataset_size": 52002, "batch_size": 4, "devices": 8, "grad_accum": 4,
///              "epochs": 3, "warmup_ratio": 0.03, "learning_rate": 2e-5}
/// ```
/// Every key is optional; a number that a schedule needs and the block lacks is a
/// ``TrainingError/missing(key:purpose:alternatives:)`` naming the key and its alternatives.
public struct TrainingSetup: Sendable, Equatable {
    /// Training samples in the data set (`len(train_dataset)`).
    public var datasetSize: Int?
    /// Samples per batch on each device (transformers' `per_device_train_batch_size`, Lightning's
    /// and PyTorch's `DataLoader(batch_size)`, timm's `--batch-size`, DeepSpeed's
    /// `train_micro_batch_size_per_gpu`). For Keras, the global batch is `batch_size × devices`.
    public var batchSize: Int?
    /// Processes (GPUs) training together (`WORLD_SIZE`, Lightning's `devices × num_nodes`).
    public var devices: Int
    /// Batches accumulated per optimizer step (`gradient_accumulation_steps`,
    /// `accumulate_grad_batches`, `--grad-accum-steps`).
    public var gradAccum: Int
    /// Drop the last incomplete batch; `nil` is the trainer's default (false, timm: always true).
    public var dropLast: Bool?
    /// Epochs (`num_train_epochs` may be fractional in transformers; whole elsewhere).
    public var epochs: Double?
    /// Optimizer steps of the run (`max_steps`); overrides `epochs` where the trainer has it.
    public var maxSteps: Int?
    /// Fraction of the optimizer steps spent warming up (transformers' `warmup_ratio`, and its
    /// `warmup_steps` below 1).
    public var warmupRatio: Double?
    /// Warm-up optimizer steps (transformers' `warmup_steps` ≥ 1); overrides `warmup_ratio`.
    public var warmupSteps: Int?
    /// The optimizer's learning rate, for schedules that do not give their own `lr`.
    public var learningRate: Double?
    /// The training loop; `nil` is each schedule's framework's own (``Trainer/default(forFramework:)``).
    public var trainer: Trainer?
    /// accelerate: `Accelerator(split_batches=…)` (one scheduler step per optimizer step).
    public var splitBatches: Bool
    /// accelerate: `Accelerator(step_scheduler_with_optimizer=…)`.
    public var stepSchedulerWithOptimizer: Bool
    /// Lightning: `Trainer(limit_train_batches=…)`, a count or a fraction of the batches.
    public var limitTrainBatches: JSONValue?
    /// timm train.py: `--lr-base`, used when no learning rate is given:
    /// `lr = lr_base × (global batch / lr_base_size)` (square root of the ratio with "sqrt").
    public var lrBase: Double?
    /// timm train.py: `--lr-base-size` (256).
    public var lrBaseSize: Int
    /// timm train.py: `--lr-base-scale`, "linear" or "sqrt" (train.py picks sqrt for Ada*/LAMB optimizers).
    public var lrBaseScale: String

    public init(datasetSize: Int? = nil, batchSize: Int? = nil, devices: Int = 1, gradAccum: Int = 1,
                dropLast: Bool? = nil, epochs: Double? = nil, maxSteps: Int? = nil, warmupRatio: Double? = nil,
                warmupSteps: Int? = nil, learningRate: Double? = nil, trainer: Trainer? = nil,
                splitBatches: Bool = false, stepSchedulerWithOptimizer: Bool = true, limitTrainBatches: JSONValue? = nil,
                lrBase: Double? = nil, lrBaseSize: Int = 256, lrBaseScale: String = "linear") {
        self.datasetSize = datasetSize
        self.batchSize = batchSize
        self.devices = devices
        self.gradAccum = gradAccum
        self.dropLast = dropLast
        self.epochs = epochs
        self.maxSteps = maxSteps
        self.warmupRatio = warmupRatio
        self.warmupSteps = warmupSteps
        self.learningRate = learningRate
        self.trainer = trainer
        self.splitBatches = splitBatches
        self.stepSchedulerWithOptimizer = stepSchedulerWithOptimizer
        self.limitTrainBatches = limitTrainBatches
        self.lrBase = lrBase
        self.lrBaseSize = lrBaseSize
        self.lrBaseScale = lrBaseScale
    }

    /// The keys of the block, with their kinds, defaults and meaning (for decoding and docs).
    public static let keys: [ParameterSpec] = [
        ParameterSpec("dataset_size", .integer, .none, "Training samples in the data set."),
        ParameterSpec("batch_size", .integer, .none, "Samples per batch on each device (Keras: the global batch is batch_size × devices)."),
        .integer("devices", default: 1, "Processes training together (GPUs × nodes)."),
        .integer("grad_accum", default: 1, "Batches accumulated per optimizer step."),
        ParameterSpec("drop_last", .bool, .none, "Drop the last incomplete batch (default: the trainer's; timm always drops it)."),
        ParameterSpec("epochs", .number, .none, "Epochs of the run (transformers accepts a fraction)."),
        ParameterSpec("max_steps", .integer, .none, "Optimizer steps of the run; wins over epochs where the trainer has max_steps."),
        ParameterSpec("warmup_ratio", .number, .none, "Fraction of the run spent warming up (transformers: ceil(steps × ratio))."),
        ParameterSpec("warmup_steps", .integer, .none, "Warm-up steps (transformers' warmup_steps ≥ 1); wins over warmup_ratio."),
        ParameterSpec("learning_rate", .number, .none, "The optimizer's learning rate, for schedules without their own \"lr\"."),
        ParameterSpec("trainer", .choice(Trainer.allCases.map(\.rawValue)), .none, "The training loop (default: each schedule's framework)."),
        .bool("split_batches", default: false, "accelerate: Accelerator(split_batches=True) (one scheduler step per optimizer step)."),
        .bool("step_scheduler_with_optimizer", default: true, "accelerate: the prepared scheduler steps with the optimizer."),
        ParameterSpec("limit_train_batches", .json, .none, "Lightning: limit_train_batches (a count, or a fraction as a number with a decimal point)."),
        ParameterSpec("lr_base", .number, .none, "timm train.py: base learning rate scaled by the global batch when no learning rate is given."),
        .integer("lr_base_size", default: 256, "timm train.py: the batch size lr_base is quoted for."),
        .choice("lr_base_scale", ["linear", "sqrt"], default: "linear", "timm train.py: scale lr_base linearly or by the square root of the batch ratio."),
    ]

    /// Decodes the block at JSON path `path` (normally `training`).
    ///
    /// - Throws: ``ScheduleError`` for an unknown key (with the closest known one), a wrong
    ///   kind, or a value out of range.
    public init(json: JSONValue, path: String = "training") throws {
        guard case .object(let members) = json else {
            throw ScheduleError(path: path, "expected an object like {\"dataset_size\": 50000, \"batch_size\": 32, \"epochs\": 10}, found \(json.kindDescription)")
        }
        let p = try Parameters(validating: members, typeName: "the training block", path: path, specs: Self.keys)
        func positive(_ name: String) throws -> Int? {
            guard let v = try p.optionalInteger(name) else { return nil }
            try p.check(v >= 1, name, "must be ≥ 1, found \(v)")
            return v
        }
        self.init()
        datasetSize = try positive("dataset_size")
        batchSize = try positive("batch_size")
        devices = try p.integer("devices", atLeast: 1)
        gradAccum = try p.integer("grad_accum", atLeast: 1)
        dropLast = try p.isGiven("drop_last") && p.raw("drop_last") != nil ? p.bool("drop_last") : nil
        if let e = try p.optionalNumber("epochs") {
            try p.check(e > 0 && e.isFinite, "epochs", "must be > 0, found \(e)")
            epochs = e
        }
        maxSteps = try positive("max_steps")
        if let r = try p.optionalNumber("warmup_ratio") {
            try p.check(r >= 0 && r <= 1, "warmup_ratio", "must be in [0, 1], found \(r) (a warm-up longer than the run is no ratio)")
            warmupRatio = r
        }
        if let w = try p.optionalInteger("warmup_steps") {
            try p.check(w >= 0, "warmup_steps", "must be ≥ 0, found \(w)")
            warmupSteps = w
        }
        if let lr = try p.optionalNumber("learning_rate") {
            try p.check(lr >= 0, "learning_rate", "must be ≥ 0, found \(lr)")
            learningRate = lr
        }
        trainer = try p.optionalString("trainer").flatMap(Trainer.init(rawValue:))
        splitBatches = try p.bool("split_batches")
        stepSchedulerWithOptimizer = try p.bool("step_scheduler_with_optimizer")
        if let limit = try p.raw("limit_train_batches") {
            switch limit {
            case .integer(let n): try p.check(n >= 0, "limit_train_batches", "must be ≥ 0, found \(n)")
            case .number(let f): try p.check(f >= 0 && f <= 1, "limit_train_batches", "a fraction must be in [0, 1], found \(f)")
            default: throw p.error("limit_train_batches", "expected a whole number (batches) or a fraction like 0.25, found \(limit.kindDescription)")
            }
            limitTrainBatches = limit
        }
        lrBase = try p.optionalNumber("lr_base")
        lrBaseSize = try p.integer("lr_base_size", atLeast: 1)
        lrBaseScale = try p.string("lr_base_scale")
    }

    /// The block as a spec writes it: only the keys that differ from their defaults, in the
    /// order of ``keys``.
    public var jsonValue: JSONValue {
        var out: [(key: String, value: JSONValue)] = []
        func put(_ key: String, _ value: JSONValue?) { if let value { out.append((key, value)) } }
        put("dataset_size", datasetSize.map { .integer($0) })
        put("batch_size", batchSize.map { .integer($0) })
        put("devices", devices != 1 ? .integer(devices) : nil)
        put("grad_accum", gradAccum != 1 ? .integer(gradAccum) : nil)
        put("drop_last", dropLast.map { .bool($0) })
        put("epochs", epochs.map { $0 == $0.rounded() && $0 < 1e15 ? .integer(Int($0)) : .number($0) })
        put("max_steps", maxSteps.map { .integer($0) })
        put("warmup_ratio", warmupRatio.map { .number($0) })
        put("warmup_steps", warmupSteps.map { .integer($0) })
        put("learning_rate", learningRate.map { .number($0) })
        put("trainer", trainer.map { .string($0.rawValue) })
        put("split_batches", splitBatches ? .bool(true) : nil)
        put("step_scheduler_with_optimizer", stepSchedulerWithOptimizer ? nil : .bool(false))
        put("limit_train_batches", limitTrainBatches)
        put("lr_base", lrBase.map { .number($0) })
        put("lr_base_size", lrBaseSize != 256 ? .integer(lrBaseSize) : nil)
        put("lr_base_scale", lrBaseScale != "linear" ? .string(lrBaseScale) : nil)
        return .object(out)
    }
}
