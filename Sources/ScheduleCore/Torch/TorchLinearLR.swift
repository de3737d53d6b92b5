/// `torch.optim.lr_scheduler.LinearLR`: the learning rate times a factor that moves linearly
/// from `start_factor` to `end_factor` over `total_iters` steps.
struct TorchLinearLR: TorchScheduler {
    var lr: Double
    var startFactor: Double
    var endFactor: Double
    /// An int in torch's signature, unchecked: a float works as in Python.
    var totalIters: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, startFactor: startFactor, endFactor: endFactor, totalIters: totalIters)
        try s.attach()
        return s
    }

    /// The first step past the ramp: `total_iters` when whole, else `⌊total_iters⌋ + 1`
    /// (computed in floats, so a `total_iters` near `Int.max` does not overflow).
    func breakpoints(below steps: Int) -> [Int] {
        guard totalIters > 0, totalIters.isFinite else { return [] }
        let point = totalIters == totalIters.rounded() ? totalIters : totalIters.rounded(.down) + 1
        return point < Double(steps) ? [Int(point)] : []
    }

    final class Scheduler: TorchLRScheduler {
        let startFactor: Double
        let endFactor: Double
        let totalIters: Double

        init(group: TorchParamGroup, startFactor: Double, endFactor: Double, totalIters: Double) {
            self.startFactor = startFactor
            self.endFactor = endFactor
            self.totalIters = totalIters
            super.init(group: group)
        }

        override var torchName: String { "LinearLR" }

        override func getLR() throws -> Double {
            if lastEpoch == 0 { return group.lr * startFactor }
            if isInitial || Double(lastEpoch) > totalIters { return group.lr }
            let denominator = totalIters * startFactor + Double(lastEpoch - 1) * (endFactor - startFactor)
            return group.lr * (1.0 + (try PythonMath.divide(endFactor - startFactor, denominator)))
        }

        override func closedFormLR() throws -> Double? {
            let progress = try PythonMath.divide((endFactor - startFactor) * PythonMath.min(totalIters, Double(lastEpoch)), totalIters)
            return baseLR * (startFactor + progress)
        }
    }
}

extension ScheduleType {
    /// `torch.LinearLR` — see ``TorchLinearLR``.
    public static let torchLinearLR = ScheduleType(
        name: "torch.LinearLR",
        summary: "The learning rate times a factor moving linearly from start_factor to end_factor over total_iters steps.",
        formula: """
            Recursive, as torch: lr_0 = lr · start_factor; for 1 ≤ t ≤ total_iters, lr_t = lr_{t-1} · \
            (1 + (end_factor − start_factor) / (total_iters · start_factor + (t − 1) · (end_factor − \
            start_factor))), which tracks lr · (start_factor + (end_factor − start_factor) · t / total_iters); \
            constant (lr · end_factor) from total_iters on.
            """,
        parameters: [
            TorchCommon.lrSpec,
            .number("start_factor", default: 1.0 / 3, "The factor at step 0; in (0, 1]."),
            .number("end_factor", default: 1.0, "The factor reached at total_iters; in [0, 1]."),
            TorchCommon.intInSignature("total_iters", default: 5, "The number of steps over which the factor changes."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let start = try p.number("start_factor"), end = try p.number("end_factor")
            try p.check(start <= 1.0 && start > 0, "start_factor", "must be greater than 0 and at most 1, found \(start) (torch: Starting multiplicative factor expected to be greater than 0 and less or equal to 1.)")
            try p.check(end <= 1.0 && end >= 0, "end_factor", "must be between 0 and 1, found \(end) (torch: Ending multiplicative factor expected to be between 0 and 1.)")
            let totalIters = try TorchCommon.number(p, "total_iters").value
            return try TorchGroups.schedules(lrs.map { TorchLinearLR(lr: $0, startFactor: start, endFactor: end, totalIters: totalIters) }, p)
        })
}
