/// `torch.optim.lr_scheduler.StepLR`: multiplies the learning rate by `gamma` every
/// `step_size` steps.
struct TorchStepLR: TorchScheduler {
    var lr: Double
    /// An int in torch's signature, unchecked: a float works with Python's `%` and `//`.
    var stepSize: PythonNumber
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, stepSize: stepSize, gamma: gamma)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        stepSize.value == stepSize.value.rounded() ? TorchCommon.multiples(of: stepSize.value, below: steps) : []
    }

    final class Scheduler: TorchLRScheduler {
        let stepSize: PythonNumber
        let gamma: Double

        init(group: TorchParamGroup, stepSize: PythonNumber, gamma: Double) {
            self.stepSize = stepSize
            self.gamma = gamma
            super.init(group: group)
        }

        override var torchName: String { "StepLR" }

        override func getLR() throws -> Double {
            if lastEpoch == 0 { return group.lr }
            if try !stepSize.divides(lastEpoch) { return group.lr }
            return group.lr * gamma
        }

        override func closedFormLR() throws -> Double? {
            baseLR * (try PythonMath.power(gamma, try stepSize.floorDivide(lastEpoch)))
        }
    }
}

extension ScheduleType {
    /// `torch.StepLR` — see ``TorchStepLR``.
    public static let torchStepLR = ScheduleType(
        name: "torch.StepLR",
        summary: "Multiplies the learning rate by gamma every step_size steps.",
        formula: """
            Recursive, as torch: lr_t = lr_{t-1} · gamma when t > 0 and t % step_size == 0, else lr_{t-1}; \
            so lr_t = lr · gamma^(t // step_size). The first decay takes effect at step step_size; it \
            keeps decaying forever. torch does not check step_size: a negative one decays at the same \
            steps, a fractional one wherever t % step_size is 0, and 0 raises ZeroDivisionError at the \
            first step (the series stops there).
            """,
        parameters: [
            TorchCommon.lrSpec,
            TorchCommon.intInSignature("step_size", "Period of learning rate decay (steps)."),
            .number("gamma", default: 0.1, "Multiplicative factor of learning rate decay."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let stepSize = try TorchCommon.number(p, "step_size"), gamma = try p.number("gamma")
            return try TorchGroups.schedules(lrs.map { TorchStepLR(lr: $0, stepSize: stepSize, gamma: gamma) }, p)
        })
}
