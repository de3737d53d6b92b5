/// `torch.optim.lr_scheduler.PolynomialLR`: decays the learning rate polynomially to 0 over
/// `total_iters` steps.
struct TorchPolynomialLR: TorchScheduler {
    var lr: Double
    /// An int in torch's signature, unchecked: a float works as in Python.
    var totalIters: PythonNumber
    var power: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, totalIters: totalIters, power: power)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        let t = totalIters.value
        return t > 0 && t < Double(steps) ? [Int(saturating: t.rounded(.up))].filter { $0 < steps } : []
    }

    final class Scheduler: TorchLRScheduler {
        let totalIters: PythonNumber
        let power: Double

        init(group: TorchParamGroup, totalIters: PythonNumber, power: Double) {
            self.totalIters = totalIters
            self.power = power
            super.init(group: group)
        }

        override var torchName: String { "PolynomialLR" }

        override func getLR() throws -> Double {
            if isInitial || Double(lastEpoch) > totalIters.value { return group.lr }
            let ratio = try PythonMath.divide(
                1.0 - (try totalIters.divide(Double(lastEpoch))),
                1.0 - (try totalIters.divide(Double(lastEpoch - 1))))
            return group.lr * (try PythonMath.power(ratio, power))
        }

        override func closedFormLR() throws -> Double? {
            // min(total_iters, last_epoch) keeps total_iters unless last_epoch is smaller.
            let reached = Double(lastEpoch) < totalIters.value ? Double(lastEpoch) : totalIters.value
            let remaining = 1.0 - (try totalIters.divide(reached))
            return baseLR * (try PythonMath.power(remaining, power))
        }
    }
}

extension ScheduleType {
    /// `torch.PolynomialLR` — see ``TorchPolynomialLR``.
    public static let torchPolynomialLR = ScheduleType(
        name: "torch.PolynomialLR",
        summary: "Decays the learning rate polynomially to 0 over total_iters steps.",
        formula: """
            Recursive, as torch: lr_0 = lr; for 1 ≤ t ≤ total_iters, lr_t = lr_{t-1} · ((1 − t/total_iters) \
            / (1 − (t−1)/total_iters))^power, which tracks lr · (1 − t/total_iters)^power; it reaches 0 \
            at total_iters and stays there.
            """,
        parameters: [
            TorchCommon.lrSpec,
            TorchCommon.intInSignature("total_iters", default: 5, "The number of steps over which the learning rate decays."),
            .number("power", default: 1.0, "The power of the polynomial."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let totalIters = try TorchCommon.number(p, "total_iters"), power = try p.number("power")
            return try TorchGroups.schedules(lrs.map { TorchPolynomialLR(lr: $0, totalIters: totalIters, power: power) }, p)
        })
}
