/// `torch.optim.lr_scheduler.StepLR`: multiplies the learning rate by `gamma` every
/// `step_size` steps.
struct TorchStepLR: TorchScheduler {
    var lr: Double
    var stepSize: Int
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, stepSize: stepSize, gamma: gamma)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        stepSize == .min ? [] : TorchCommon.multiples(of: abs(stepSize), below: steps)
    }

    final class Scheduler: TorchLRScheduler {
        let stepSize: Int
        let gamma: Double

        init(group: TorchParamGroup, stepSize: Int, gamma: Double) {
            self.stepSize = stepSize
            self.gamma = gamma
            super.init(group: group)
        }

        override var torchName: String { "StepLR" }

        override func getLR() throws -> Double {
            if lastEpoch == 0 { return group.lr }
            if try PythonMath.modulo(lastEpoch, stepSize) != 0 { return group.lr }
            return group.lr * gamma
        }

        override func closedFormLR() throws -> Double? {
            baseLR * (try PythonMath.power(gamma, try PythonMath.floorDivide(lastEpoch, stepSize).doubleValue))
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
            keeps decaying forever.
            """,
        parameters: [
            TorchCommon.lrSpec,
            .integer("step_size", "Period of learning rate decay (steps)."),
            .number("gamma", default: 0.1, "Multiplicative factor of learning rate decay."),
            TorchCommon.lastEpochSpec,
        ],
        make: { p in
            let lr = try TorchCommon.lr(p)
            // torch accepts any int: 0 raises ZeroDivisionError at step 1 (the series stops
            // there); a negative step size decays at the multiples of its magnitude.
            let stepSize = try p.integer("step_size")
            let s = TorchStepLR(lr: lr, stepSize: stepSize, gamma: try p.number("gamma"))
            try s.validateConstruction(p)
            return s
        })
}
