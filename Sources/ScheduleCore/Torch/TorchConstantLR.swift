/// `torch.optim.lr_scheduler.ConstantLR`: the learning rate times `factor` until
/// `total_iters`, then back to the learning rate.
struct TorchConstantLR: TorchScheduler {
    var lr: Double
    var factor: Double
    /// An int in torch's signature, unchecked: a fractional one is never reached (`!=`).
    var totalIters: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, factor: factor, totalIters: totalIters)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        totalIters > 0 && totalIters < Double(steps) && totalIters == totalIters.rounded() ? [Int(totalIters)] : []
    }

    final class Scheduler: TorchLRScheduler {
        let factor: Double
        let totalIters: Double

        init(group: TorchParamGroup, factor: Double, totalIters: Double) {
            self.factor = factor
            self.totalIters = totalIters
            super.init(group: group)
        }

        override var torchName: String { "ConstantLR" }

        override func getLR() throws -> Double {
            if lastEpoch == 0 { return group.lr * factor }
            if Double(lastEpoch) != totalIters { return group.lr }
            return group.lr * (try PythonMath.divide(1.0, factor))
        }

        override func closedFormLR() throws -> Double? {
            baseLR * (factor + (Double(lastEpoch) >= totalIters ? 1.0 : 0.0) * (1 - factor))
        }
    }
}

extension ScheduleType {
    /// `torch.ConstantLR` — see ``TorchConstantLR``.
    public static let torchConstantLR = ScheduleType(
        name: "torch.ConstantLR",
        summary: "The learning rate times factor until total_iters, then the learning rate.",
        formula: """
            Recursive, as torch: lr_0 = lr · factor; lr_t = lr_{t-1} for t ≠ total_iters; \
            lr_{total_iters} = lr_{total_iters-1} · (1.0 / factor). Constant from total_iters on \
            (with total_iters = 0 it stays at lr · factor; factor = 0 raises ZeroDivisionError at total_iters).
            """,
        parameters: [
            TorchCommon.lrSpec,
            .number("factor", default: 1.0 / 3, "The number the learning rate is multiplied by until the milestone."),
            TorchCommon.intInSignature("total_iters", default: 5, "The number of steps the factor applies."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let factor = try p.number("factor")
            try p.check(factor <= 1.0 && factor >= 0, "factor", "must be between 0 and 1, found \(factor) (torch: Constant multiplicative factor expected to be between 0 and 1.)")
            let totalIters = try TorchCommon.number(p, "total_iters").value
            return try TorchGroups.schedules(lrs.map { TorchConstantLR(lr: $0, factor: factor, totalIters: totalIters) }, p)
        })
}
