/// `mmengine.ExponentialLR`: the learning rate times `gamma` at every acting step after the
/// first (`ExponentialParamScheduler._get_value`: `lr` at `last_step == 0`, else `lr * gamma`).
///
/// Converted to iterations (`convert_to_iter_based`), only the window is scaled: `gamma` then
/// applies every iteration, as in mmengine.
struct MMEngineExponentialLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, gamma: gamma)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { MMEngineParameters.marks(window, below: steps) }

    final class Scheduler: MMEngineParamScheduler {
        let gamma: Double

        init(group: TorchParamGroup, window: MMEngineWindow, gamma: Double) {
            self.gamma = gamma
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            lastStep == 0 ? group.lr : group.lr * gamma
        }
    }
}

extension ScheduleType {
    /// `mmengine.ExponentialLR` — see ``MMEngineExponentialLR``.
    public static let mmengineExponentialLR = ScheduleType(
        name: "mmengine.ExponentialLR",
        summary: "mmengine: lr times gamma at every acting step after the first (mmengine.optim.ExponentialLR).",
        formula: """
            Chainable, as mmengine: lr *= gamma at every step in (begin, end); unchanged at begin and after end. \
            convert_to_iter_based scales only begin and end, so gamma then applies per iteration.
            """,
        parameters: [MMEngineParameters.lr, .number("gamma", "Multiplicative factor per step.")] + MMEngineParameters.window,
        make: { p in
            try MMEngineExponentialLR(
                lr: MMEngineParameters.learningRate(p), window: MMEngineParameters.window(p), gamma: p.number("gamma")
            ).validated(p)
        })
}
