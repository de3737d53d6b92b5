/// `torch.optim.lr_scheduler.PolynomialLR`: decays the learning rate polynomially to 0 over
/// `total_iters` steps.
struct TorchPolynomialLR: TorchScheduler {
    var lr: Double
    var totalIters: Int
    var power: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, totalIters: totalIters, power: power)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { totalIters > 0 && totalIters < steps ? [totalIters] : [] }

    final class Scheduler: TorchLRScheduler {
        let totalIters: Int
        let power: Double

        init(group: TorchParamGroup, totalIters: Int, power: Double) {
            self.totalIters = totalIters
            self.power = power
            super.init(group: group)
        }

        override var torchName: String { "PolynomialLR" }

        override func getLR() throws -> Double {
            if isInitial || lastEpoch > totalIters { return group.lr }
            let ratio = try PythonMath.divide(
                1.0 - (try PythonMath.divide(lastEpoch, totalIters)),
                1.0 - (try PythonMath.divide(lastEpoch - 1, totalIters)))
            return group.lr * (try PythonMath.power(ratio, power))
        }

        override func closedFormLR() throws -> Double? {
            let remaining = 1.0 - (try PythonMath.divide(min(totalIters, lastEpoch), totalIters))
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
            .integer("total_iters", default: 5, "The number of steps over which the learning rate decays."),
            .number("power", default: 1.0, "The power of the polynomial."),
            TorchCommon.lastEpochSpec,
        ],
        make: { p in
            let s = TorchPolynomialLR(lr: try TorchCommon.lr(p), totalIters: try p.integer("total_iters"), power: try p.number("power"))
            try s.validateConstruction(p)
            return s
        })
}
