/// `mmengine.LinearLR`: the learning rate times a factor moving linearly from `start_factor`
/// to `end_factor` over the scheduler's window.
///
/// mmengine's `LinearParamScheduler._get_value`, with `total_iters = end - begin - 1`:
/// ```
/// last_step == 0:  lr * start_factor
/// otherwise:       lr * (1. + (end_factor - start_factor)
///                        / (total_iters * start_factor + (last_step - 1) * (end_factor - start_factor)))
/// ```
/// so the factor reaches `end_factor` at the window's last step. With the default
/// `end = INF` (no train loop) the ramp spans 10⁹ steps.
struct MMEngineLinearLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var startFactor: Double
    var endFactor: Double

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, startFactor: startFactor, endFactor: endFactor)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { MMEngineParameters.marks(window, below: steps) }

    final class Scheduler: MMEngineParamScheduler {
        let startFactor: Double
        let endFactor: Double
        let totalIters: Int128

        init(group: TorchParamGroup, window: MMEngineWindow, startFactor: Double, endFactor: Double) {
            self.startFactor = startFactor
            self.endFactor = endFactor
            self.totalIters = window.end - window.begin - 1
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            if lastStep == 0 { return group.lr * startFactor }
            let denominator = PythonMath.float(totalIters) * startFactor + Double(lastStep - 1) * (endFactor - startFactor)
            return group.lr * (1.0 + (try PythonMath.divide(endFactor - startFactor, denominator)))
        }
    }
}

extension ScheduleType {
    /// `mmengine.LinearLR` — see ``MMEngineLinearLR``.
    public static let mmengineLinearLR = ScheduleType(
        name: "mmengine.LinearLR",
        summary: "mmengine: lr times a factor moving linearly from start_factor to end_factor over [begin, end) (mmengine.optim.LinearLR).",
        formula: """
            Chainable, as mmengine: n = end - begin - 1; at the first acting step lr *= start_factor, \
            then lr *= 1 + (end_factor - start_factor) / (n * start_factor + (k - 1) * (end_factor - start_factor)) \
            at the k-th; the factor reaches end_factor at step end - 1 and the lr holds after end.
            start_factor and end_factor must be in [0, 1] (mmengine raises ValueError).
            """,
        parameters: [
            MMEngineParameters.lr,
            .number("start_factor", default: 1.0 / 3, "The factor at the first acting step; in [0, 1]."),
            .number("end_factor", default: 1.0, "The factor reached at the last acting step; in [0, 1]."),
        ] + MMEngineParameters.window,
        make: { p in
            let start = try p.number("start_factor"), end = try p.number("end_factor")
            try p.check(start <= 1.0 && start >= 0, "start_factor", "Starting multiplicative factor should between 0 and 1. (found \(start))")
            try p.check(end <= 1.0 && end >= 0, "end_factor", "Ending multiplicative factor should between 0 and 1. (found \(end))")
            return try MMEngineLinearLR(
                lr: MMEngineParameters.learningRate(p), window: MMEngineParameters.window(p),
                startFactor: start, endFactor: end
            ).validated(p)
        })
}
