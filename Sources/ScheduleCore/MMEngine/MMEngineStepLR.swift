/// `mmengine.StepLR`: the learning rate times `gamma` every `step_size` acting steps.
///
/// `StepParamScheduler._get_value`: unchanged when `last_step == 0 or last_step % step_size != 0`
/// (Python `%`), else `lr * gamma`. A `step_size` of 0 raises `ZeroDivisionError` at the second
/// acting step. `convert_to_iter_based` multiplies `step_size` by the epoch length.
struct MMEngineStepLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var stepSize: Double
    var gamma: Double

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, stepSize: stepSize, gamma: gamma)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        let every = stepSize >= 1 && stepSize < 1e15 && stepSize == stepSize.rounded() ? Int(stepSize) : 0
        let span = Swift.max(0, Swift.min(Int128(steps), window.end) - window.begin).clampedToInt
        let decays = TorchCommon.multiples(of: Double(every), below: span).map { Int128($0) + window.begin }
        return MMEngineParameters.marks(window, decays, below: steps)
    }

    final class Scheduler: MMEngineParamScheduler {
        let stepSize: Double
        let gamma: Double

        init(group: TorchParamGroup, window: MMEngineWindow, stepSize: Double, gamma: Double) {
            self.stepSize = stepSize
            self.gamma = gamma
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            if lastStep == 0 { return group.lr }
            if try PythonMath.modulo(Double(lastStep), stepSize) != 0 { return group.lr }
            return group.lr * gamma
        }
    }
}

extension ScheduleType {
    /// `mmengine.StepLR` — see ``MMEngineStepLR``.
    public static let mmengineStepLR = ScheduleType(
        name: "mmengine.StepLR",
        summary: "mmengine: lr times gamma every step_size acting steps (mmengine.optim.StepLR).",
        formula: """
            Chainable, as mmengine: k = steps since begin; lr *= gamma when k > 0 and k % step_size == 0, \
            while begin ≤ step < end. convert_to_iter_based multiplies step_size by the epoch length.
            """,
        parameters: [
            MMEngineParameters.lr,
            .number("step_size", "Acting steps between decays."),
            .number("gamma", default: 0.1, "Multiplicative factor of each decay."),
        ] + MMEngineParameters.window,
        make: { p in
            let window = try MMEngineParameters.window(p)
            return try MMEngineStepLR(
                lr: MMEngineParameters.learningRate(p), window: window,
                stepSize: MMEngineParameters.scaled(p.number("step_size"), window), gamma: p.number("gamma")
            ).validated(p)
        })
}
