/// `mmengine.param_scheduler`: the `param_scheduler` list of a mmengine config — several
/// schedulers built in order on one optimizer and stepped by the `ParamSchedulerHook` of a
/// runner's train loop.
///
/// As `Runner.build_param_scheduler` (mmengine 0.10.7): each scheduler without an `end` gets
/// the train loop's length (`max_epochs` when `by_epoch`, else `max_iters`; an
/// `EpochBasedTrainLoop` has `max_iters = max_epochs * epoch_length`, an `IterBasedTrainLoop`
/// `max_epochs = 1`), `convert_to_iter_based` ones are rebuilt with `epoch_length =
/// len(train_dataloader)`, and all are constructed in list order on the same parameter group
/// (each constructor steps once; `initial_lr` is set by the first). Then, after each iteration
/// the iteration-based schedulers step in list order, and after each epoch the epoch-based ones.
///
/// `values[t]` is the optimizer's lr after `t` iterations (after `t` epochs when no
/// `epoch_length` is given, which needs every scheduler epoch-based). mmengine steps its
/// schedulers per iteration whatever the gradient accumulation (`accumulative_counts`).
struct MMEngineParamSchedulerList: Schedule {
    var lr: Double
    var schedulers: [any MMEngineScheduler]
    var epochLength: Int?
    /// `true` for an `IterBasedTrainLoop`.
    var iterationLoop: Bool
    /// The loop's `max_iters`, or `max_epochs` (times `epoch_length` when given), if any.
    var plannedLength: Int?

    func breakpoints(below steps: Int) -> [Int] {
        var marks: [Int] = []
        for s in schedulers {
            if s.window.byEpoch, let epochLength {
                // Epochs below ⌈steps / L⌉, at their first iteration (none past Int.max).
                let epochs = steps / epochLength + (steps % epochLength == 0 ? 0 : 1)
                marks += s.breakpoints(below: epochs).compactMap { e in
                    let (step, overflow) = e.multipliedReportingOverflow(by: epochLength)
                    return overflow ? nil : step
                }
            } else {
                marks += s.breakpoints(below: steps)
            }
        }
        return HFParameters.marks(marks, below: steps)
    }

    func construct() throws -> (TorchParamGroup, [MMEngineParamScheduler]) {
        let group = TorchParamGroup(lr: lr)
        return (group, try schedulers.map { try $0.construct(on: group) })
    }

    func start() -> any ScheduleState {
        do {
            let (group, built) = try construct()
            return MMEngineState(group: group, schedulers: built, epochLength: epochLength, stepsEpochSchedulers: !iterationLoop)
        } catch {
            return MMEngineState(group: TorchParamGroup(lr: lr), schedulers: [], epochLength: epochLength, failure: "\(error)")
        }
    }
}

extension ScheduleType {
    /// `mmengine.param_scheduler` — see ``MMEngineParamSchedulerList``.
    public static let mmengineParamScheduler = ScheduleType(
        name: "mmengine.param_scheduler",
        summary: "A mmengine config's param_scheduler list: schedulers built in order on one optimizer, stepped per iteration or per epoch as a runner does.",
        formula: """
            values[t] = the optimizer's lr after t iterations (after t epochs without epoch_length). \
            Schedulers are built in list order on one optimizer (each constructor steps once); a missing \
            "end" is the train loop's length (max_epochs for by_epoch, else max_iters = max_epochs * \
            epoch_length); convert_to_iter_based multiplies epoch counts by epoch_length. After each \
            iteration the iteration-based schedulers step in order, after each epoch the epoch-based ones \
            (never during an IterBasedTrainLoop, given by max_iters). Nested schedulers take no "lr".
            """,
        parameters: [
            MMEngineParameters.lr,
            ParameterSpec("schedulers", .scheduleList, .required, "The param_scheduler entries (mmengine.* objects without \"lr\")."),
            ParameterSpec("epoch_length", .integer, .none, "Iterations per epoch (len(train_dataloader)); values are then per iteration."),
            ParameterSpec("max_epochs", .integer, .none, "EpochBasedTrainLoop length: the default end of the schedulers."),
            ParameterSpec("max_iters", .integer, .none, "IterBasedTrainLoop length: the default end of the schedulers."),
        ],
        make: { p in
            let lr = try MMEngineParameters.learningRate(p)
            let epochLength = try p.optionalInteger("epoch_length")
            if let epochLength {
                try p.check(epochLength > 0, "epoch_length", "must be ≥ 1 (iterations per epoch), found \(epochLength)")
            }
            let maxEpochs = try p.optionalInteger("max_epochs"), maxIters = try p.optionalInteger("max_iters")
            if maxEpochs != nil && maxIters != nil {
                throw p.error("max_iters", "give the train loop's length once: max_epochs (EpochBasedTrainLoop) or max_iters (IterBasedTrainLoop)")
            }
            let iterationLoop = maxIters != nil
            var inherited: [String: JSONValue] = ["lr": .number(lr)]
            if let epochLength { inherited["epoch_length"] = .integer(epochLength) }
            var children: [any MMEngineScheduler] = []
            for (path, members) in try p.objectList("schedulers") {
                if members.contains(where: { $0.key == "lr" }) {
                    throw ScheduleError(path: "\(path).lr", "the schedulers share the optimizer of \(p.typeName): give \"lr\" once, on \(p.typeName) itself")
                }
                if members.contains(where: { $0.key == "epoch_length" }) {
                    throw ScheduleError(path: "\(path).epoch_length", "give \"epoch_length\" once, on \(p.typeName) itself")
                }
                var object = members
                if !object.contains(where: { $0.key == "end" }) {
                    // Runner: _scheduler.setdefault("end", max_epochs if by_epoch else max_iters)
                    let byEpoch = object.first(where: { $0.key == "by_epoch" })?.value != .bool(false)
                    let end: Int?
                    if iterationLoop {
                        end = byEpoch ? 1 : maxIters
                    } else if let maxEpochs {
                        if byEpoch { end = maxEpochs } else if let epochLength { end = try MMEngineParamSchedulerList.iterations(maxEpochs, epochLength, p) } else {
                            throw ScheduleError(path: path, "an iteration-based scheduler without \"end\" ends at max_iters = max_epochs × epoch_length: give \"epoch_length\" on \(p.typeName)")
                        }
                    } else {
                        end = nil
                    }
                    if let end { object.append(("end", .integer(end))) }
                }
                let built = try p.catalog.make(.object(object), path: path, inherited: inherited)
                guard let scheduler = built as? any MMEngineScheduler else {
                    throw ScheduleError(path: path, "\(p.typeName) holds mmengine schedulers only (types \"mmengine.…\")")
                }
                if epochLength == nil && !iterationLoop && !scheduler.window.byEpoch {
                    throw ScheduleError(path: path, "an iteration-based scheduler needs the iterations per epoch to share an axis with the epochs: give \"epoch_length\" (len(train_dataloader)) on \(p.typeName)")
                }
                children.append(scheduler)
            }
            try p.check(!children.isEmpty, "schedulers", "give at least one scheduler")
            let planned = try maxIters ?? maxEpochs.map { e in try epochLength.map { try MMEngineParamSchedulerList.iterations(e, $0, p) } ?? e }
            let list = MMEngineParamSchedulerList(lr: lr, schedulers: children, epochLength: epochLength,
                                                  iterationLoop: iterationLoop, plannedLength: planned)
            do {
                _ = try list.construct()
            } catch {
                throw ScheduleError(path: p.path, "mmengine raises \(error) while building the schedulers (their first steps)")
            }
            return list
        })
}

extension MMEngineParamSchedulerList {
    /// An `EpochBasedTrainLoop`'s `max_iters = max_epochs * epoch_length`. mmengine computes it
    /// in Python ints; lrplot's steps and spec integers are 64-bit, so a product past 2⁶³ − 1
    /// is refused with the numbers (mmengine would train that long: no spec reaches it).
    static func iterations(_ maxEpochs: Int, _ epochLength: Int, _ p: Parameters) throws -> Int {
        let (product, overflow) = maxEpochs.multipliedReportingOverflow(by: epochLength)
        guard !overflow else {
            throw p.error("max_epochs", "max_epochs × epoch_length = \(Int128(maxEpochs) * Int128(epochLength)) iterations, past the largest step lrplot counts (2⁶³ − 1); give a smaller max_epochs")
        }
        return product
    }
}
