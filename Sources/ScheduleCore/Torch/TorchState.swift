/// Walks torch schedulers: each ``advance(metric:)`` is one `scheduler.step()` (or
/// `step(metric)`); a Python exception there ends the series with a ``ScheduleStop``.
///
/// With several parameter groups, `schedulers[g]` drives `groups[g]`, and each round steps
/// them in group order, as torch's one scheduler computes its groups' values in order: the
/// first group that raises ends the round (and the series) for every group. The state reports
/// the values of group `index`.
struct TorchState: ScheduleState {
    let groups: [TorchParamGroup]
    let schedulers: [TorchLRScheduler]
    let index: Int
    let reportsMomentum: Bool
    var failure: String?
    private var step = 0

    init(groups: [TorchParamGroup], schedulers: [TorchLRScheduler], index: Int = 0, reportsMomentum: Bool, failure: String? = nil) {
        self.groups = groups
        self.schedulers = schedulers
        self.index = index
        self.reportsMomentum = reportsMomentum
        self.failure = failure
    }

    /// A state that cannot advance: the constructor raised (`make` validates construction
    /// first, so this is not reached in practice).
    static func failed(reportsMomentum: Bool, _ failure: String) -> TorchState {
        TorchState(groups: [TorchParamGroup(lr: .nan)], schedulers: [], reportsMomentum: reportsMomentum, failure: failure)
    }

    var learningRate: Double { schedulers.isEmpty ? .nan : groups[index].lr }
    var momentum: Double? { reportsMomentum ? groups[index].momentum : nil }

    /// One round: every group's `step`, in group order.
    private func stepAll(metric: Double?) throws {
        for scheduler in schedulers { try scheduler.step(metric: metric) }
    }

    mutating func advance(metric: Double?) throws {
        step += 1
        guard !schedulers.isEmpty else { throw ScheduleStop(step: 0, failure ?? "the scheduler could not be constructed") }
        do {
            try stepAll(metric: metric)
        } catch {
            throw ScheduleStop(step: step, "\(error)")
        }
    }

    /// The batch form of ``advance(metric:)``.
    mutating func advance(_ count: Int, metrics: ArraySlice<Double>?, into block: inout ScheduleBlock) throws {
        guard count > 0 else { return }
        guard !schedulers.isEmpty else {
            step += 1
            throw ScheduleStop(step: 0, failure ?? "the scheduler could not be constructed")
        }
        let group = groups[index], schedulers = self.schedulers
        // The common case of one group steps its scheduler without a loop over groups.
        let only = schedulers.count == 1 ? schedulers[0] : nil
        var step = self.step
        defer { self.step = step }
        try block.appendValues(count) { rates, momenta, filled in
            for k in 0..<count {
                step += 1
                do {
                    let metric = ScheduleBlock.metric(k, of: metrics)
                    if let only {
                        try only.step(metric: metric)
                    } else {
                        // One round: every group's step, in group order.
                        for scheduler in schedulers { try scheduler.step(metric: metric) }
                    }
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
