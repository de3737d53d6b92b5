/// `torch.optim.lr_scheduler.MultiStepLR`: multiplies the learning rate by `gamma` at each
/// milestone (by `gamma^k` where a milestone is listed `k` times).
struct TorchMultiStepLR: TorchScheduler {
    var lr: Double
    /// Ints in torch's signature, unchecked: a float milestone counts where it equals the step.
    var milestones: [Double]
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, milestones: milestones, gamma: gamma)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        Array(Set(milestones.filter { $0 > 0 && $0 < Double(steps) && $0 == $0.rounded() }.map { Int($0) })).sorted()
    }

    final class Scheduler: TorchLRScheduler {
        /// `Counter(milestones)`.
        let counts: [Double: Int]
        let sorted: [Double]
        let gamma: Double

        init(group: TorchParamGroup, milestones: [Double], gamma: Double) {
            var counts: [Double: Int] = [:]
            for m in milestones { counts[m, default: 0] += 1 }
            self.counts = counts
            self.sorted = milestones.sorted()
            self.gamma = gamma
            super.init(group: group)
        }

        override var torchName: String { "MultiStepLR" }

        override func getLR() throws -> Double {
            guard let count = counts[Double(lastEpoch)] else { return group.lr }
            return group.lr * (try PythonMath.power(gamma, Double(count)))
        }

        override func closedFormLR() throws -> Double? {
            baseLR * (try PythonMath.power(gamma, Double(TorchCommon.bisectRight(sorted, Double(lastEpoch)))))
        }
    }
}

extension ScheduleType {
    /// `torch.MultiStepLR` — see ``TorchMultiStepLR``.
    public static let torchMultiStepLR = ScheduleType(
        name: "torch.MultiStepLR",
        summary: "Multiplies the learning rate by gamma at each milestone.",
        formula: """
            Recursive, as torch: lr_t = lr_{t-1} · gamma^count(t), where count(t) is how many times t \
            appears in milestones; so lr_t = lr · gamma^(number of milestones ≤ t). A milestone m takes \
            effect at step m; after the last one the rate stays constant.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("milestones", .numberList, .required, "Steps at which to decay (torch expects them increasing; ints in its signature)."),
            .number("gamma", default: 0.1, "Multiplicative factor of learning rate decay."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let milestones = try p.numberList("milestones"), gamma = try p.number("gamma")
            return try TorchGroups.schedules(lrs.map { TorchMultiStepLR(lr: $0, milestones: milestones, gamma: gamma) }, p)
        })
}
