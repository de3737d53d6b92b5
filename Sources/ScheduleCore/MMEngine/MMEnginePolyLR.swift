/// `mmengine.PolyLR`: polynomial decay to `eta_min` over the scheduler's window.
///
/// `PolyParamScheduler._get_value`, with `total_iters = end - begin - 1`:
/// `lr` at `last_step == 0`, else
/// `(lr - eta_min) * (1 - 1 / (total_iters - last_step + 1)) ** power + eta_min`, which reaches
/// `eta_min` at the window's last step.
struct MMEnginePolyLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var etaMin: Double
    var power: Double

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, etaMin: etaMin, power: power)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { MMEngineParameters.marks(window, below: steps) }

    final class Scheduler: MMEngineParamScheduler {
        let etaMin: Double
        let power: Double
        let totalIters: Int128

        init(group: TorchParamGroup, window: MMEngineWindow, etaMin: Double, power: Double) {
            self.etaMin = etaMin
            self.power = power
            self.totalIters = window.end - window.begin - 1
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            if lastStep == 0 { return group.lr }
            let base = 1 - (try PythonMath.trueDivide(1, totalIters - Int128(lastStep) + 1))
            return (group.lr - etaMin) * (try PythonMath.power(base, power)) + etaMin
        }
    }
}

extension ScheduleType {
    /// `mmengine.PolyLR` — see ``MMEnginePolyLR``.
    public static let mmenginePolyLR = ScheduleType(
        name: "mmengine.PolyLR",
        summary: "mmengine: polynomial decay to eta_min over [begin, end) (mmengine.optim.PolyLR).",
        formula: """
            Chainable, as mmengine: n = end - begin - 1, k = steps since begin; k = 0: lr unchanged; \
            else lr = (lr - eta_min) * (1 - 1 / (n - k + 1)) ** power + eta_min, reaching eta_min at step end - 1.
            """,
        parameters: [
            MMEngineParameters.lr,
            .number("eta_min", default: 0, "Learning rate at the end of the window."),
            .number("power", default: 1.0, "Power of the polynomial."),
        ] + MMEngineParameters.window,
        make: { p in
            try MMEnginePolyLR(
                lr: MMEngineParameters.learningRate(p), window: MMEngineParameters.window(p),
                etaMin: p.number("eta_min"), power: p.number("power")
            ).validated(p)
        })
}
