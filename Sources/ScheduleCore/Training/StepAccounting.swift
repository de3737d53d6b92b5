import Foundation

/// The step arithmetic of each ``Trainer``: from a ``TrainingSetup`` to batches per epoch,
/// optimizer steps per epoch and the run's optimizer steps, with the rule behind each number.
///
/// `N` = `dataset_size`, `B` = `batch_size` (per device), `W` = `devices`, `A` = `grad_accum`,
/// `E` = `epochs`. The rules, per trainer:
///
/// - **transformers** (`Trainer.set_initial_training_values`, 5.24): the DataLoader over the
///   whole set has `⌈N/B⌉` batches (`⌊N/B⌋` with `dataloader_drop_last`); accelerate shards
///   them over `W` processes (`BatchSamplerShard`, `even_batches`): `L = nb/W` if it divides,
///   else `⌊nb/W⌋` with drop_last and `⌊nb/W⌋ + 1` without. `num_update_steps_per_epoch =
///   max(L // A + int(L % A > 0), 1)`, `max_steps = ⌈E × that⌉` unless `max_steps > 0`.
/// - **lightning** (2.6): a DistributedSampler gives each process `⌈N/W⌉` samples (padding),
///   `L = ⌈·/B⌉` (`⌊·/B⌋` with drop_last), then `limit_train_batches` (`min(L, n)` or
///   `int(L × f)`); optimizer steps per epoch `⌈L/A⌉` (Lightning steps on the last batch);
///   `estimated_stepping_batches = ⌈L/A⌉ × max(max_epochs, 1)`, capped by `max_steps`;
///   `max_epochs` defaults to 1000 (−1, unbounded, when only `max_steps` is given).
/// - **accelerate** (1.15): `L` as transformers (the prepared DataLoader); an optimizer step
///   every `A` batches and at the end of the DataLoader: `⌈L/A⌉` per epoch.
/// - **timm** (`train.py`): a DistributedSampler (`⌈N/W⌉` samples) and `drop_last=True` for
///   training: `L = ⌊·/B⌋`; `updates_per_epoch = (L + A − 1) // A`.
/// - **deepspeed** (0.19.8 engine): a DistributedSampler, `L = ⌈⌈N/W⌉/B⌉` (`⌊·/B⌋` with
///   `dataloader_drop_last`); the engine steps at every `A`-th micro-batch counted across
///   epochs, so the run has `⌊E × L / A⌋` optimizer steps.
/// - **keras** (3.15 `fit`): batches of the global batch `G = B × W`: `⌈N/G⌉` per epoch (a
///   `tf.data` pipeline with `drop_remainder`: `⌊N/G⌋`); schedules see every batch.
/// - **mmengine** (0.10.7): DefaultSampler `⌈N/W⌉` samples, `L = ⌈·/B⌉` (`⌊·/B⌋` with
///   drop_last); the axis is iterations, `E × L` of them (or `max_steps` as `max_iters`).
/// - **pytorch**: as Lightning without `limit_train_batches`; `max_steps` ends the run early.
public struct StepAccounting: Sendable {
    public var training: TrainingSetup
    public var trainer: Trainer

    public init(training: TrainingSetup, trainer: Trainer) {
        self.training = training
        self.trainer = trainer
    }

    /// The counts of one epoch and of the whole run.
    public struct Counts: Sendable, Equatable {
        /// Batches per process per epoch (`len(train_dataloader)`), when the data is known.
        public var batchesPerEpoch: Int?
        /// Steps of the trainer's axis per epoch (optimizer steps; batches for Keras;
        /// iterations for mmengine), when known.
        public var stepsPerEpoch: Int?
        /// The run's steps on the trainer's axis, when known.
        public var steps: Int?
        /// Epochs the run covers, when known.
        public var epochs: Double?
        /// Samples per optimizer step over all processes, when known.
        public var globalBatchSize: Int?
        public var rules: [DerivedNumber] = []
        public var notes: [String] = []
    }

    var n: Int? { training.datasetSize }
    var b: Int? { training.batchSize }
    var w: Int { training.devices }
    var a: Int { training.gradAccum }

    /// `⌈x / y⌉` for positive ints (without forming `x + y − 1`, which can overflow).
    static func ceilDiv(_ x: Int, _ y: Int) -> Int { x / y + (x % y == 0 ? 0 : 1) }

    /// `x · y` for counts. The frameworks multiply Python ints, which never overflow; a count
    /// beyond `Int.max` (2⁶³ − 1) is refused, naming `path` (no run takes that many steps).
    static func product(_ x: Int, _ y: Int, path: String, _ what: @autoclosure () -> String) throws -> Int {
        let (p, overflow) = x.multipliedReportingOverflow(by: y)
        guard !overflow else { throw beyondInt64(path: path, what()) }
        return p
    }

    /// `int(e)` for a whole or fractional epoch count (> 0, finite, as decoded), refused
    /// beyond `Int.max`.
    static func wholeEpochs(_ e: Double, path: String) throws -> Int {
        guard e < 0x1p63 else { throw beyondInt64(path: path, "epochs \(e)") }
        return Int(e)
    }

    /// `ceil(e × u)` (transformers' `math.ceil(num_train_epochs * num_update_steps_per_epoch)`),
    /// refused beyond `Int.max`.
    static func ceilSteps(_ e: Double, _ u: Int, path: String) throws -> Int {
        let x = (e * Double(u)).rounded(.up)
        guard x < 0x1p63 else { throw beyondInt64(path: path, "\(e) epochs × \(u) steps") }
        return Int(x)
    }

    /// The error for a count beyond 2⁶³ − 1.
    static func beyondInt64(path: String, _ what: String) -> TrainingError {
        .invalid(path: path, message: "\(what) is beyond 2⁶³ − 1, the largest count lrplot keeps (the framework's Python ints would go on, but no run has that many steps or samples); check the numbers")
    }

    /// The samples each process sees: `⌈N/W⌉` under a DistributedSampler (which pads).
    func samplesPerProcess(_ n: Int, sampler: String, into c: inout Counts) -> Int {
        guard w > 1 else { return n }
        let s = Self.ceilDiv(n, w)
        c.rules.append(DerivedNumber("num_samples", s, "\(sampler): ceil(\(n) / \(w)) = \(s) samples per process"))
        return s
    }

    /// Counts what can be counted; numbers that need missing keys stay `nil` (see ``require``).
    public func counts() throws -> Counts {
        var c = Counts()
        let drop = training.dropLast ?? false
        if let b {
            let perStep = trainer == .accelerate && training.splitBatches
                ? b : try Self.product(b, w, path: "training.batch_size", "batch_size \(b) × devices \(w)")
            c.globalBatchSize = try Self.product(perStep, a, path: "training.batch_size", "batch_size × devices × grad_accum (\(perStep) × \(a))")
        }
        switch trainer {
        case .transformers, .accelerate:
            if let n, let b {
                let nb = drop ? n / b : Self.ceilDiv(n, b)
                c.rules.append(DerivedNumber("len(DataLoader)", nb, drop ? "\(n) // \(b) = \(nb) (drop_last)" : "ceil(\(n) / \(b)) = \(nb)"))
                var l = nb
                if trainer == .accelerate && training.splitBatches && w > 1 {
                    guard b % w == 0 else {
                        throw TrainingError.invalid(path: "training.batch_size", message: "with split_batches the batch size \(b) is split over \(w) processes and must be a multiple of it (accelerate raises)")
                    }
                    c.notes.append("split_batches: each batch of \(b) is split over the \(w) processes; the dataloader keeps \(nb) batches per epoch")
                } else if w > 1 {
                    l = nb % w == 0 ? nb / w : (drop ? nb / w : nb / w + 1)
                    c.rules.append(DerivedNumber("len_dataloader", l, "accelerate BatchSamplerShard over \(w) processes: \(nb % w == 0 ? "\(nb) / \(w)" : drop ? "\(nb) // \(w) (drop_last)" : "\(nb) // \(w) + 1 (even_batches)") = \(l)"))
                }
                c.batchesPerEpoch = l
                let u = Swift.max(l / a + (l % a > 0 ? 1 : 0), 1)
                c.stepsPerEpoch = u
                c.rules.append(DerivedNumber(trainer == .transformers ? "num_update_steps_per_epoch" : "optimizer steps per epoch",
                                             u, "max(\(l) // \(a) + int(\(l) % \(a) > 0), 1) = \(u)"))
                if trainer == .transformers && l % a != 0 {
                    c.notes.append("transformers 4.48 and earlier counted len_dataloader // gradient_accumulation_steps = \(Swift.max(l / a, 1)) steps per epoch (rounding down); 5.24 counts the last, shorter accumulation too")
                }
            }
            if let maxSteps = training.maxSteps {
                c.steps = maxSteps
                c.rules.append(DerivedNumber("max_steps", maxSteps, "max_steps = \(maxSteps) (wins over epochs)"))
                if let u = c.stepsPerEpoch {
                    c.epochs = Double(maxSteps) / Double(u)
                    if training.epochs != nil { c.notes.append("max_steps \(maxSteps) overrides epochs (as transformers does when max_steps > 0)") }
                }
            } else if let e = training.epochs, let u = c.stepsPerEpoch {
                let s = try Self.ceilSteps(e, u, path: "training.epochs")
                c.steps = s
                c.epochs = e
                c.rules.append(DerivedNumber("max_steps", s, "ceil(\(StepDerivation.decimal(e)) × \(u)) = \(s)"))
            }
        case .lightning, .pytorch, .deepspeed, .mmengine:
            if let n, let b {
                let sampler = trainer == .mmengine ? "DefaultSampler" : "DistributedSampler"
                let s = samplesPerProcess(n, sampler: sampler, into: &c)
                var l = drop ? s / b : Self.ceilDiv(s, b)
                c.rules.append(DerivedNumber("len(train_dataloader)", l, drop ? "\(s) // \(b) = \(l) (drop_last)" : "ceil(\(s) / \(b)) = \(l)"))
                if trainer == .lightning, let limit = training.limitTrainBatches {
                    switch limit {
                    case .integer(let k):
                        l = Swift.min(l, k)
                        c.rules.append(DerivedNumber("num_training_batches", l, "min(len, limit_train_batches \(k)) = \(l)"))
                    case .number(let f):
                        let limited = Int((Double(l) * f).rounded(.towardZero))
                        if limited == 0 && f > 0 {
                            throw TrainingError.invalid(path: "training.limit_train_batches", message: "You requested to check \(f) of the `train_dataloader` but \(f) * \(l) < 1. Please increase the `limit_train_batches` argument. Try at least `limit_train_batches=\(1.0 / Double(l))` (Lightning raises MisconfigurationException)")
                        }
                        c.rules.append(DerivedNumber("num_training_batches", limited, "int(\(l) × \(f)) = \(limited)"))
                        l = limited
                    default: break
                    }
                }
                c.batchesPerEpoch = l
                switch trainer {
                case .mmengine:
                    c.stepsPerEpoch = l
                case .deepspeed:
                    break
                default:
                    let u = Self.ceilDiv(l, a)
                    c.stepsPerEpoch = u
                    c.rules.append(DerivedNumber("optimizer steps per epoch", u, "ceil(\(l) / \(a)) = \(u)\(trainer == .lightning ? " (Lightning also steps on an epoch's last batch)" : "")"))
                }
            }
            try countRun(&c)
        case .timm:
            if let n, let b {
                let s = samplesPerProcess(n, sampler: "DistributedSampler", into: &c)
                let l = s / b
                c.rules.append(DerivedNumber("len(loader_train)", l, "\(s) // \(b) = \(l) (train.py's loader drops the last incomplete batch)"))
                if training.dropLast == false {
                    c.notes.append("timm's train.py always drops the last incomplete training batch; drop_last false does not apply to it")
                }
                c.batchesPerEpoch = l
                let u = Self.ceilDiv(l, a)
                c.stepsPerEpoch = u
                c.rules.append(DerivedNumber("updates_per_epoch", u, "(\(l) + \(a) - 1) // \(a) = \(u)"))
            }
            if let e = training.epochs {
                guard e == e.rounded() else { throw TrainingError.invalid(path: "training.epochs", message: "timm's train.py counts whole epochs (--epochs is an int), found \(e)") }
                c.epochs = e
                if let u = c.stepsPerEpoch {
                    c.steps = try Self.product(Self.wholeEpochs(e, path: "training.epochs"), u, path: "training.epochs", "epochs \(Int(exactly: e).map(String.init) ?? "\(e)") × \(u) updates")
                }
            }
            if let maxSteps = training.maxSteps {
                c.notes.append("timm's train.py has no max_steps; the run's length comes from the scheduler's epochs, max_steps \(maxSteps) only ends the chart")
                c.steps = maxSteps
            }
        case .keras:
            if let n, let b {
                let g = try Self.product(b, w, path: "training.batch_size", "batch_size \(b) × devices \(w)")
                let l = drop ? n / g : Self.ceilDiv(n, g)
                c.batchesPerEpoch = l
                c.stepsPerEpoch = l
                c.rules.append(DerivedNumber("steps_per_epoch", l, drop ? "\(n) // \(g) = \(l) (drop_remainder)" : "ceil(\(n) / \(g)) = \(l)\(w > 1 ? " (fit's batch_size is the global batch \(b) × \(w))" : "")"))
                if a > 1 {
                    c.notes.append("Keras schedules read optimizer.iterations, which counts every batch even with gradient_accumulation_steps=\(a): the axis is batches")
                }
            }
            try countRun(&c)
        }
        return c
    }

    /// The run's steps for the trainers that count whole epochs of ``Counts/stepsPerEpoch``
    /// and stop at `max_steps`.
    func countRun(_ c: inout Counts) throws {
        let e = training.epochs
        if let e, e != e.rounded() {
            throw TrainingError.invalid(path: "training.epochs", message: "\(trainer.rawValue) counts whole epochs, found \(e) (only transformers takes a fractional num_train_epochs)")
        }
        switch trainer {
        case .deepspeed:
            if let e, let l = c.batchesPerEpoch {
                // int(E) × L // A as Python ints: the product may pass 2⁶³ before the division.
                let whole = try Self.wholeEpochs(e, path: "training.epochs")
                let exact = Int128(whole) * Int128(l) / Int128(a)
                guard let s = Int(exactly: exact) else {
                    throw Self.beyondInt64(path: "training.epochs", "\(whole) × \(l) // \(a) micro-batches")
                }
                c.epochs = e
                c.steps = s
                c.rules.append(DerivedNumber("optimizer steps", s, "\(whole) × \(l) // \(a) = \(s) (the engine steps at every \(a)-th micro-batch, counting across epochs)"))
            }
            if let m = training.maxSteps {
                c.steps = c.steps.map { Swift.min($0, m) } ?? m
                c.rules.append(DerivedNumber("max_steps", m, "the run stops after \(m) optimizer steps"))
            }
        case .lightning:
            // _parse_loop_limits: max_epochs None -> 1000, or -1 when max_steps is set.
            var maxEpochs = try e.map { try Self.wholeEpochs($0, path: "training.epochs") }
            if maxEpochs == nil {
                maxEpochs = training.maxSteps == nil ? 1000 : -1
                c.notes.append(training.maxSteps == nil
                    ? "max_epochs not set: Lightning trains 1000 epochs"
                    : "max_epochs not set: Lightning runs until max_steps")
            }
            guard let u = c.stepsPerEpoch else {
                if let m = training.maxSteps, maxEpochs == -1 { c.steps = m }
                if let maxEpochs, maxEpochs > 0 { c.epochs = Double(maxEpochs) }
                return
            }
            if maxEpochs == -1 {
                c.steps = training.maxSteps
            } else if let maxEpochs {
                // Python's min(u × max_epochs, max_steps): a product past 2⁶³ is capped too.
                let (product, overflow) = u.multipliedReportingOverflow(by: Swift.max(maxEpochs, 1))
                var s: Int
                var rule: String
                if overflow {
                    guard let m = training.maxSteps else {
                        throw Self.beyondInt64(path: "training.epochs", "\(u) steps × \(maxEpochs) epochs")
                    }
                    s = m
                    rule = "ceil(\(c.batchesPerEpoch ?? 0) / \(a)) × max(\(maxEpochs), 1) > 2⁶³, capped by max_steps \(m)"
                } else {
                    s = product
                    rule = "ceil(\(c.batchesPerEpoch ?? 0) / \(a)) × max(\(maxEpochs), 1) = \(s)"
                    if let m = training.maxSteps, m < s { s = m; rule += ", capped by max_steps \(m)" }
                }
                c.steps = s
                c.rules.append(DerivedNumber("estimated_stepping_batches", s, rule))
            }
            if let s = c.steps { c.epochs = Double(s) / Double(u) }
        default:
            if let e { c.epochs = e }
            if let e, let u = c.stepsPerEpoch {
                let whole = try Self.wholeEpochs(e, path: "training.epochs")
                let (s, overflow) = whole.multipliedReportingOverflow(by: u)
                if overflow {
                    // Beyond 2⁶³ only max_steps can end the run.
                    if training.maxSteps == nil { throw Self.beyondInt64(path: "training.epochs", "\(whole) epochs × \(u) steps") }
                } else {
                    c.steps = s
                    c.rules.append(DerivedNumber(trainer == .mmengine ? "max_iters" : "steps", s, "\(whole) × \(u) = \(s)"))
                }
            }
            if let m = training.maxSteps {
                if let s = c.steps, s < m {
                    c.notes.append("max_steps \(m) is beyond the \(s) steps of \(e.map { StepDerivation.decimal($0) } ?? "0") epochs")
                } else {
                    c.steps = m
                    c.rules.append(DerivedNumber(trainer == .mmengine ? "max_iters" : "max_steps", m, "the run stops after \(m) \(trainer.stepName)s"))
                    if let u = c.stepsPerEpoch { c.epochs = Double(m) / Double(u) }
                }
            }
        }
    }

    /// The missing-number error for a count that is `nil`, naming the keys that would give it.
    func missing(_ purpose: String, orMaxSteps: Bool) -> TrainingError {
        let alternatives = orMaxSteps ? ["training.max_steps"] : []
        if training.datasetSize == nil {
            return .missing(key: "training.dataset_size", purpose: purpose, alternatives: alternatives)
        }
        if training.batchSize == nil {
            return .missing(key: "training.batch_size", purpose: purpose, alternatives: alternatives)
        }
        return .missing(key: "training.epochs", purpose: purpose, alternatives: ["training.max_steps"])
    }
}
