/// `mmengine.MultiStepLR`: the learning rate times `gamma ** count` at each milestone.
///
/// `MultiStepParamScheduler._get_value`: with `milestones = Counter(milestones)`, unchanged
/// unless `last_step in milestones`, then `lr * gamma ** milestones[last_step]` (a milestone
/// listed twice decays twice at once). Milestones count acting steps from `begin`;
/// `convert_to_iter_based` multiplies them by the epoch length.
struct MMEngineMultiStepLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    /// Each distinct milestone with how often it is listed.
    var milestones: [Double: Int]
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, milestones: milestones, gamma: gamma)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        let marks = milestones.keys.compactMap { m -> Int128? in
            guard m >= 0, m < 1e15, m == m.rounded() else { return nil }
            let step = Int128(m) + window.begin
            return step < window.end ? step : nil
        }
        return MMEngineParameters.marks(window, marks, below: steps)
    }

    final class Scheduler: MMEngineParamScheduler {
        let milestones: [Double: Int]
        let gamma: Double

        init(group: TorchParamGroup, window: MMEngineWindow, milestones: [Double: Int], gamma: Double) {
            self.milestones = milestones
            self.gamma = gamma
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            guard let count = milestones[Double(lastStep)] else { return group.lr }
            return group.lr * (try PythonMath.power(gamma, Double(count)))
        }
    }
}

extension ScheduleType {
    /// `mmengine.MultiStepLR` — see ``MMEngineMultiStepLR``.
    public static let mmengineMultiStepLR = ScheduleType(
        name: "mmengine.MultiStepLR",
        summary: "mmengine: lr times gamma at each milestone (mmengine.optim.MultiStepLR).",
        formula: """
            Chainable, as mmengine: k = steps since begin; lr *= gamma ** (times k is listed in milestones) \
            while begin ≤ step < end. convert_to_iter_based multiplies the milestones by the epoch length.
            """,
        parameters: [
            MMEngineParameters.lr,
            .init("milestones", .numberList, .required, "Acting steps (counted from begin) at which to decay."),
            .number("gamma", default: 0.1, "Multiplicative factor of each decay."),
        ] + MMEngineParameters.window,
        make: { p in
            let window = try MMEngineParameters.window(p)
            var counts: [Double: Int] = [:]
            for m in try p.numberList("milestones") { counts[MMEngineParameters.scaled(m, window), default: 0] += 1 }
            return try MMEngineMultiStepLR(
                lr: MMEngineParameters.learningRate(p), window: window, milestones: counts, gamma: p.number("gamma")
            ).validated(p)
        })
}
