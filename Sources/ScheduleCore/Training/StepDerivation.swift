import Foundation

/// What lrplot derived from a training block for one schedule: the run's length in the
/// schedule's steps, the counts on the way, the warm-up, and how the scheduler is stepped —
/// each number with the trainer's rule that gave it, so a user can check it.
///
/// ``summary`` reads like `1,250 optimizer steps (25 epochs × 50), warm-up 38`.
public struct StepDerivation: Sendable, Equatable {
    /// The loop whose rules were applied.
    public var trainer: Trainer
    /// What one step of ``steps`` is.
    public var axis: StepAxis
    /// The run's length on ``axis``, when the block (or the schedule) determines it.
    public var steps: Int?
    /// Steps of ``axis`` per epoch, when known (the spec's `steps_per_epoch`).
    public var stepsPerEpoch: Int?
    /// Epochs the run covers (fractional when `max_steps` or a fractional `num_train_epochs`
    /// ends it inside an epoch).
    public var epochs: Double?
    /// Batches each process draws per epoch (`len(train_dataloader)`).
    public var batchesPerEpoch: Int?
    /// Samples per optimizer step over all processes.
    public var globalBatchSize: Int?
    /// The warm-up the trainer derived, in scheduler steps, when it derives one.
    public var warmupSteps: Int?
    /// How the wrapped scheduler is stepped along the axis.
    public var stepping: SchedulerStepping
    /// Each number derived, in order, with the rule that gave it.
    public var rules: [DerivedNumber]
    /// Defaults applied, keys that did not apply, and where the trainer differs from others.
    public var notes: [String]

    public init(trainer: Trainer, axis: StepAxis, steps: Int?, stepsPerEpoch: Int? = nil, epochs: Double? = nil,
                batchesPerEpoch: Int? = nil, globalBatchSize: Int? = nil, warmupSteps: Int? = nil,
                stepping: SchedulerStepping = .perStep, rules: [DerivedNumber] = [], notes: [String] = []) {
        self.trainer = trainer
        self.axis = axis
        self.steps = steps
        self.stepsPerEpoch = stepsPerEpoch
        self.epochs = epochs
        self.batchesPerEpoch = batchesPerEpoch
        self.globalBatchSize = globalBatchSize
        self.warmupSteps = warmupSteps
        self.stepping = stepping
        self.rules = rules
        self.notes = notes
    }

    /// One line: `1,250 optimizer steps (25 epochs × 50), warm-up 38`.
    public var summary: String {
        guard let steps else {
            var text = "length not derived (\(axis.rawValue)s)"
            if let stepsPerEpoch { text += ", \(Self.grouped(stepsPerEpoch)) \(axis.plural(stepsPerEpoch)) per epoch" }
            if let warmupSteps { text += ", warm-up \(Self.grouped(warmupSteps))" }
            return text
        }
        var text = "\(Self.grouped(steps)) \(axis.plural(steps))"
        if let spe = stepsPerEpoch, let epochs, axis != .epoch {
            let whole = epochs == epochs.rounded() ? Self.grouped(Int(epochs)) : Self.decimal(epochs)
            if Double(spe) * epochs == Double(steps) {
                text += " (\(whole) epoch\(epochs == 1 ? "" : "s") × \(Self.grouped(spe)))"
            } else {
                text += " (\(whole) epoch\(epochs == 1 ? "" : "s") of \(Self.grouped(spe)))"
            }
        } else if let epochs, axis == .epoch, epochs != Double(steps) {
            text += " (\(Self.decimal(epochs)) epochs)"
        }
        if let warmupSteps { text += ", warm-up \(Self.grouped(warmupSteps))" }
        return text
    }

    /// The derivation as JSON, for the values output: counts, the stepping, rules and notes.
    public var jsonValue: JSONValue {
        var out: [(key: String, value: JSONValue)] = [
            ("trainer", .string(trainer.rawValue)), ("axis", .string(axis.rawValue)), ("steps", steps.map { .integer($0) } ?? .null),
        ]
        if let stepsPerEpoch { out.append(("steps_per_epoch", .integer(stepsPerEpoch))) }
        if let epochs { out.append(("epochs", epochs == epochs.rounded() && epochs < 1e15 ? .integer(Int(epochs)) : .number(epochs))) }
        if let batchesPerEpoch { out.append(("batches_per_epoch", .integer(batchesPerEpoch))) }
        if let globalBatchSize { out.append(("global_batch_size", .integer(globalBatchSize))) }
        if let warmupSteps { out.append(("warmup_steps", .integer(warmupSteps))) }
        out.append(("scheduler_stepping", .string(stepping.description)))
        out.append(("summary", .string(summary)))
        out.append(("rules", .array(rules.map { .object([("name", .string($0.name)), ("value", $0.value), ("rule", .string($0.rule))]) })))
        out.append(("notes", .array(notes.map { .string($0) })))
        return .object(out)
    }

    /// `1250` → `1,250`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A short decimal (`2.5`, `0.3333`).
    static func decimal(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return grouped(Int(x)) }
        var s = String(format: "%.4f", x)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

/// What one step of a derivation's axis is.
public enum StepAxis: String, Sendable, Equatable {
    case optimizerStep = "optimizer step"
    /// timm's optimizer update (`num_updates`).
    case update
    /// A Keras batch (`optimizer.iterations`).
    case batch
    /// A mmengine iteration (one dataloader batch).
    case iteration
    case epoch

    func plural(_ n: Int) -> String {
        n == 1 ? rawValue : (self == .batch ? "batches" : rawValue + "s")
    }
}

/// One number of a derivation: its name in the trainer's code, its value and the rule.
public struct DerivedNumber: Sendable, Equatable {
    /// The trainer's name for it (`num_update_steps_per_epoch`, `updates_per_epoch`).
    public var name: String
    public var value: JSONValue
    /// The formula with the inputs filled in (`max(13 // 4 + int(13 % 4 > 0), 1) = 4`).
    public var rule: String

    public init(_ name: String, _ value: Int, _ rule: String) {
        self.name = name
        self.value = .integer(value)
        self.rule = rule
    }

    public init(_ name: String, number value: Double, _ rule: String) {
        self.name = name
        self.value = .number(value)
        self.rule = rule
    }
}
