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
        if p.isGiven("last_epoch") {
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
            let (next, overflow) = k.addingReportingOverflow(n)
            if overflow { break }
            k = next
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
