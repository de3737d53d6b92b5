/// `torch.optim.lr_scheduler.ExponentialLR`: multiplies the learning rate by `gamma` every step.
struct TorchExponentialLR: TorchScheduler {
    var lr: Double
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, gamma: gamma)
        try s.attach()
        return s
    }

    final class Scheduler: TorchLRScheduler {
        let gamma: Double

        init(group: TorchParamGroup, gamma: Double) {
            self.gamma = gamma
            super.init(group: group)
        }

        override var torchName: String { "ExponentialLR" }

        override func getLR() throws -> Double {
            isInitial ? group.lr : group.lr * gamma
        }

        override func closedFormLR() throws -> Double? {
            baseLR * (try PythonMath.power(gamma, Double(lastEpoch)))
        }
    }
}

extension ScheduleType {
    /// `torch.ExponentialLR` — see ``TorchExponentialLR``.
    public static let torchExponentialLR = ScheduleType(
        name: "torch.ExponentialLR",
        summary: "Multiplies the learning rate by gamma every step.",
        formula: """
            Recursive, as torch: lr_0 = lr, lr_t = lr_{t-1} · gamma (one rounding per step, so it \
            differs from lr · gamma^t in the last bits). No end: it decays forever.
            """,
        parameters: [
            TorchCommon.lrSpec,
            .number("gamma", "Multiplicative factor of learning rate decay."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let gamma = try p.number("gamma")
            return try TorchGroups.schedules(lrs.map { TorchExponentialLR(lr: $0, gamma: gamma) }, p)
        })
}
