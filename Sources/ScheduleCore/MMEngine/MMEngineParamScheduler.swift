/// A model of mmengine's `_ParamScheduler` (`mmengine/optim/scheduler/param_scheduler.py`,
/// mmengine 0.10.7) driving the learning rate of one parameter group: `begin`, `end`,
/// `last_step`, `_global_step`, `base_values`, and the constructor's own `step()`.
///
/// `step()` adds one to `_global_step` and, while `begin ≤ _global_step < end`, adds one to
/// `last_step` and writes `_get_value()` (the chainable form, reading the group's current lr)
/// into the group. The constructor runs `group.setdefault("initial_lr", lr)`, reads
/// `base_values` from it and calls `step()` once (so `_global_step` is 0 and, for `begin = 0`,
/// `last_step` is 0 right after construction). Subclasses override ``getValue()``.
class MMEngineParamScheduler {
    let group: TorchParamGroup
    let window: MMEngineWindow
    /// `last_step`.
    var lastStep = -1
    /// `_global_step`.
    var globalStep = -1
    /// `base_values[0]`.
    var baseValue = 0.0

    init(group: TorchParamGroup, window: MMEngineWindow) {
        self.group = group
        self.window = window
    }

    /// `_ParamScheduler.__init__` after the subclass's own attributes: `initial_lr`,
    /// `base_values`, then the first `step()`.
    func attach() throws {
        let initial = group.initialLR ?? group.lr
        group.initialLR = initial
        baseValue = initial
        try step()
    }

    /// `step()`.
    func step() throws {
        globalStep += 1
        if window.begin <= Int128(globalStep) && Int128(globalStep) < window.end {
            lastStep += 1
            group.lr = try getValue()
        }
    }

    /// `_get_value()` for the single group; the base class raises as mmengine's does.
    func getValue() throws -> Double {
        throw PythonRaise("NotImplementedError", "_get_value")
    }
}

/// Where a scheduler acts and how it is stepped: `begin`, `end` and `by_epoch`, after
/// `build_iter_from_epoch` when the config asks for `convert_to_iter_based`.
struct MMEngineWindow: Sendable, Equatable {
    /// mmengine's `INF = int(1e9)`, the default `end`.
    static let infinity = 1_000_000_000

    /// `begin` and `end` as Python ints: `convert_to_iter_based` multiplies them by the epoch
    /// length, past 64 bits if need be.
    var begin: Int128
    var end: Int128
    /// `true`: stepped once per epoch (`after_train_epoch`); `false`: once per iteration.
    var byEpoch: Bool
    /// The epoch length the config was converted with (`convert_to_iter_based`), else `nil`.
    var convertedWith: Int?
}

/// A mmengine learning-rate scheduler spec: builds the scheduler object on a parameter group.
///
/// Alone, `values[t]` is the optimizer's lr after the constructor and `t` calls of `step()`
/// (one per epoch when `by_epoch`, else one per iteration, as the `ParamSchedulerHook` calls
/// them); inside `mmengine.param_scheduler` several share one optimizer.
protocol MMEngineScheduler: Schedule {
    /// The optimizer's learning rate.
    var lr: Double { get }
    var window: MMEngineWindow { get }
    /// Runs the scheduler's constructor on `group` (which it may mutate, as mmengine's do).
    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler
}

extension MMEngineScheduler {
    func start() -> any ScheduleState {
        let group = TorchParamGroup(lr: lr)
        do {
            return MMEngineState(group: group, schedulers: [try construct(on: group)], epochLength: nil)
        } catch {
            return MMEngineState(group: group, schedulers: [], epochLength: nil, failure: "\(error)")
        }
    }

    /// Runs the constructor once, turning what mmengine would raise into a ``ScheduleError``.
    func validated(_ p: Parameters) throws -> Self {
        do {
            _ = try construct(on: TorchParamGroup(lr: lr))
        } catch {
            throw ScheduleError(path: p.path, "mmengine raises \(error) while constructing \(p.typeName) (its first step)")
        }
        return self
    }
}

/// Walks mmengine schedulers built on one parameter group: per iteration, the iteration-based
/// ones step in list order (`after_train_iter`); at the end of each epoch (every
/// `epochLength` iterations) the epoch-based ones do (`after_train_epoch`), unless the loop is
/// iteration-based (`IterBasedTrainLoop` ends its single "epoch" only after the run). Without an
/// epoch length every round is one epoch and all of them step.
struct MMEngineState: ScheduleState {
    let group: TorchParamGroup
    let schedulers: [MMEngineParamScheduler]
    /// Iterations per epoch, or `nil` when a round is an epoch.
    let epochLength: Int?
    /// `false` for an `IterBasedTrainLoop`: epoch-based schedulers never step during the run.
    let stepsEpochSchedulers: Bool
    var failure: String?
    private var iteration = 0

    init(group: TorchParamGroup, schedulers: [MMEngineParamScheduler], epochLength: Int?,
         stepsEpochSchedulers: Bool = true, failure: String? = nil) {
        self.group = group
        self.schedulers = schedulers
        self.epochLength = epochLength
        self.stepsEpochSchedulers = stepsEpochSchedulers
        self.failure = failure
    }

    var learningRate: Double { failure == nil ? group.lr : .nan }

    mutating func advance(metric: Double?) throws {
        iteration += 1
        if let failure { throw ScheduleStop(step: 0, failure) }
        do {
            if !stepsEpochSchedulers {
                for s in schedulers where !s.window.byEpoch { try s.step() }
            } else if let epochLength {
                for s in schedulers where !s.window.byEpoch { try s.step() }
                if iteration % epochLength == 0 {
                    for s in schedulers where s.window.byEpoch { try s.step() }
                }
            } else {
                for s in schedulers { try s.step() }
            }
        } catch {
            throw ScheduleStop(step: iteration, "\(error)")
        }
    }
}

/// Parameters and checks shared by the `mmengine.*` types.
enum MMEngineParameters {
    static let lr = ParameterSpec.number("lr", "The optimizer's learning rate (optim_wrapper.optimizer.lr).")

    /// `begin`, `end`, `by_epoch`, `last_step`, `verbose`, `convert_to_iter_based` and
    /// `epoch_length`, in that order.
    static let window: [ParameterSpec] = [
        .integer("begin", default: 0, "Step at which the scheduler starts acting (in epochs when by_epoch)."),
        .integer("end", default: MMEngineWindow.infinity, "Step at which it stops acting (exclusive; default INF = 10⁹, or the train loop's length in a runner)."),
        .bool("by_epoch", default: true, "true: stepped once per epoch; false: once per iteration."),
        .integer("last_step", default: -1, "Only -1 (a fresh scheduler) is supported."),
        .bool("verbose", default: false, "Logging only (no effect on values)."),
        .bool("convert_to_iter_based", default: false, "Build an iteration-based scheduler from this epoch-based config (build_iter_from_epoch): epoch counts times epoch_length."),
        ParameterSpec("epoch_length", .integer, .none, "Iterations per epoch (len(train_dataloader)), for convert_to_iter_based; given by mmengine.param_scheduler to its schedulers."),
    ]

    /// Reads the window, applying `build_iter_from_epoch`'s `begin = int(begin * L)` and
    /// `end = int(end * L)` (unless `INF`) when `convert_to_iter_based`; mmengine's checks:
    /// `end > begin`, `last_step == -1`, conversion only of epoch-based configs with a positive
    /// epoch length.
    static func window(_ p: Parameters) throws -> MMEngineWindow {
        _ = try p.bool("verbose")
        let last = try p.integer("last_step")
        try p.check(last == -1, "last_step", "only -1 (a fresh scheduler) is supported, found \(last); resuming needs the optimizer's saved initial_lr")
        var begin = Int128(try p.integer("begin")), end = Int128(try p.integer("end"))
        let byEpoch = try p.bool("by_epoch")
        var convertedWith: Int?
        if try p.bool("convert_to_iter_based") {
            guard byEpoch else {
                throw p.error("convert_to_iter_based", "Only epoch-based parameter scheduler can be converted to iter-based (mmengine asserts by_epoch=True)")
            }
            guard let length = try p.optionalInteger("epoch_length") else {
                throw p.error("convert_to_iter_based", "needs the epoch length (iterations per epoch, len(train_dataloader)): give \"epoch_length\", or put the scheduler in mmengine.param_scheduler with one")
            }
            try p.check(length > 0, "epoch_length", "`epoch_length` must be a positive integer, but got \(length).")
            begin *= Int128(length)
            if end != Int128(MMEngineWindow.infinity) { end *= Int128(length) }
            convertedWith = length
        } else if p.isGiven("epoch_length") {
            throw p.error("epoch_length", "is used only with \"convert_to_iter_based\": true (mmengine drops it otherwise)")
        }
        try p.check(end > begin, "end", "end should be larger than begin, but got begin=\(begin), end=\(end)")
        return MMEngineWindow(begin: begin, end: end, byEpoch: convertedWith == nil ? byEpoch : false, convertedWith: convertedWith)
    }

    /// `lr` as torch's optimizers check it.
    static func learningRate(_ p: Parameters) throws -> Double {
        let lr = try p.number("lr")
        try p.check(lr >= 0, "lr", "Invalid learning rate: \(lr) (torch optimizers need lr ≥ 0)")
        return lr
    }

    /// An epoch count scaled to iterations by `build_iter_from_epoch` (`x * epoch_length`).
    static func scaled(_ x: Double, _ window: MMEngineWindow) -> Double {
        window.convertedWith.map { x * Double($0) } ?? x
    }

    /// The marks of a window: `begin` and `end` below `steps` (in the scheduler's own steps).
    static func marks(_ window: MMEngineWindow, _ others: [Int128] = [], below steps: Int) -> [Int] {
        HFParameters.marks([window.begin, window.end] + others, below: steps)
    }
}
