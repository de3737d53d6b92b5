/// Walks a torch scheduler: each ``advance(metric:)`` is one `scheduler.step()` (or
/// `step(metric)`); a Python exception there ends the series with a ``ScheduleStop``.
///
/// `group` is the parameter group whose values the state reports; `scheduler` is what one
/// round steps: the group's own scheduler, or, with several groups, a ``TorchGroupRound``
/// stepping every group's scheduler in group order (so the first group that raises ends the
/// round, and the series, for every group).
struct TorchState: ScheduleState {
    let group: TorchParamGroup
    let scheduler: TorchLRScheduler?
    let reportsMomentum: Bool
    var failure: String?
    private var step = 0

    init(group: TorchParamGroup, scheduler: TorchLRScheduler?, reportsMomentum: Bool, failure: String? = nil) {
        self.group = group
        self.scheduler = scheduler
        self.reportsMomentum = reportsMomentum
        self.failure = failure
    }

    var learningRate: Double { scheduler == nil ? .nan : group.lr }
    var momentum: Double? { reportsMomentum ? group.momentum : nil }

    mutating func advance(metric: Double?) throws {
        step += 1
        guard let scheduler else { throw ScheduleStop(step: 0, failure ?? "the scheduler could not be constructed") }
        do {
            try scheduler.step(metric: metric)
        } catch {
            throw ScheduleStop(step: step, "\(error)")
        }
    }

    /// The batch form of ``advance(metric:)``, with the scheduler unwrapped once.
    mutating func advance(_ count: Int, metrics: ArraySlice<Double>?, into block: inout ScheduleBlock) throws {
        guard count > 0 else { return }
        guard let scheduler else {
            step += 1
            throw ScheduleStop(step: 0, failure ?? "the scheduler could not be constructed")
        }
        let group = self.group
        var step = self.step
        defer { self.step = step }
        try block.appendValues(count) { rates, momenta, filled in
            for k in 0..<count {
                step += 1
                do {
                    try scheduler.step(metric: ScheduleBlock.metric(k, of: metrics))
                } catch {
                    throw ScheduleStop(step: step, "\(error)")
                }
                rates[k] = group.lr
                momenta?[k] = group.momentum
                filled = k + 1
            }
        }
    }
}

/// One round of a torch scheduler over several parameter groups: `step` steps each group's
/// scheduler in group order, as torch's one scheduler computes its groups in order.
final class TorchGroupRound: TorchLRScheduler {
    let schedulers: [TorchLRScheduler]

    init(_ schedulers: [TorchLRScheduler], reporting group: TorchParamGroup) {
        self.schedulers = schedulers
        super.init(group: group)
    }

    override var torchName: String { schedulers.first?.torchName ?? "LRScheduler" }

    override func step() throws {
        for scheduler in schedulers { try scheduler.step() }
    }

    override func step(metric: Double?) throws {
        for scheduler in schedulers { try scheduler.step(metric: metric) }
    }
}
