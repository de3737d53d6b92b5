/// A PyTorch scheduler spec: builds torch's scheduler object on an optimizer param group.
///
/// `values[t]` is the optimizer's `lr` after `t` rounds of `optimizer.step(); scheduler.step()`
/// (`values[0]` right after construction), computed step by step with torch's own recursive
/// `get_lr()` arithmetic on a model of the optimizer's param group (``TorchParamGroup``).
protocol TorchScheduler: Schedule {
    /// The optimizer's initial learning rate (for nested schedulers: the parent's).
    var lr: Double { get }
    /// Runs the scheduler's constructor on `group` (which it may mutate, as torch's do).
    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler
    /// Whether the scheduler cycles the optimizer's momentum.
    var cyclesMomentum: Bool { get }
}

extension TorchScheduler {
    var cyclesMomentum: Bool { false }
    var setsMomentum: Bool { cyclesMomentum }

    func start() -> any ScheduleState {
        let group = TorchParamGroup(lr: lr)
        do {
            return TorchState(group: group, scheduler: try construct(on: group), reportsMomentum: cyclesMomentum)
        } catch {
            // `make` constructs once to validate, so this is not reached in practice.
            return TorchState(group: group, scheduler: nil, reportsMomentum: cyclesMomentum, failure: "\(error)")
        }
    }

    /// Runs the constructor once on a fresh group, turning what torch would raise into a
    /// ``ScheduleError`` (called by each type's `make`).
    func validateConstruction(_ p: Parameters) throws {
        do {
            _ = try construct(on: TorchParamGroup(lr: lr))
        } catch {
            throw ScheduleError(path: p.path, "torch raises \(error) while constructing \(p.typeName) (its initial step)")
        }
    }
}

/// Walks a torch scheduler: each ``advance(metric:)`` is one `scheduler.step()` (or
/// `step(metric)`); a Python exception there ends the series with a ``ScheduleStop``.
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
}

/// Parameters and helpers shared by the torch types.
enum TorchCommon {
    /// The `lr` parameter: the SGD optimizer's learning rate.
    static let lrSpec = ParameterSpec.number("lr", "The optimizer's initial learning rate (torch.optim.SGD, momentum 0.9).")

    /// The `last_epoch` parameter: only a fresh scheduler (-1) is supported.
    static let lastEpochSpec = ParameterSpec.integer("last_epoch", default: -1, "The index of the last epoch; only -1 (a fresh scheduler) is supported.")

    /// Reads and checks `lr` (SGD raises `Invalid learning rate` for a negative one) and `last_epoch`.
    static func lr(_ p: Parameters) throws -> Double {
        let lr = try p.number("lr")
        try p.check(lr >= 0, "lr", "must be ≥ 0 (torch.optim.SGD raises \"Invalid learning rate: \(lr)\")")
        if (try? p.raw("last_epoch")) != nil {
            let last = try p.integer("last_epoch")
            try p.check(last == -1, "last_epoch", "only -1 (a fresh scheduler) is supported, found \(last); resuming needs the optimizer's saved state")
        }
        return lr
    }

    /// Python's `bisect.bisect_right(sorted, x)`: how many elements are ≤ `x`.
    static func bisectRight(_ sorted: [Int], _ x: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < sorted[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// `k·n` for k ≥ 1 below `steps`, at most `limit` of them.
    static func multiples(of n: Int, below steps: Int, limit: Int = 1000) -> [Int] {
        guard n > 0 else { return [] }
        var out: [Int] = []
        var k = n
        while k < steps && out.count < limit {
            out.append(k)
            k += n
        }
        return out
    }

    /// The nested `schedulers` of SequentialLR / ChainedScheduler: torch objects without an
    /// `lr` of their own, built on the parent's optimizer.
    static func children(_ p: Parameters, lr: Double) throws -> [any TorchScheduler] {
        let objects = try p.objectList("schedulers")
        for (path, members) in objects where members.contains(where: { $0.key == "lr" }) {
            throw ScheduleError(path: "\(path).lr", "nested schedulers share the optimizer of \(p.typeName): give \"lr\" once, on \(p.typeName) itself")
        }
        let inherited = try p.raw("lr") ?? .number(lr)
        let schedules = try p.scheduleList("schedulers", inherit: ["lr": inherited])
        return try schedules.enumerated().map { i, s in
            guard let torch = s as? any TorchScheduler else {
                throw ScheduleError(path: "\(p.path(of: "schedulers"))[\(i)]", "\(p.typeName) chains torch schedulers only (types \"torch.…\")")
            }
            return torch
        }
    }
}
