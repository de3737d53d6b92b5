/// `mmengine.ConstantLR`: the learning rate times `factor` from `begin` until the window's
/// last step, where it is divided back.
///
/// mmengine's `ConstantParamScheduler._get_value`, with `total_iters = end - begin - 1`:
/// `last_step == 0`: `lr * factor`; `last_step == total_iters`: `lr * (1.0 / factor)`;
/// otherwise unchanged. So the factor holds for steps `begin … end − 2` and the lr is restored
/// at `end − 1` (a `factor` of 0 raises `ZeroDivisionError` there).
struct MMEngineConstantLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var factor: Double

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, factor: factor)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { MMEngineParameters.marks(window, [window.end - 1], below: steps) }

    final class Scheduler: MMEngineParamScheduler {
        let factor: Double
        let totalIters: Int128

        init(group: TorchParamGroup, window: MMEngineWindow, factor: Double) {
            self.factor = factor
            self.totalIters = window.end - window.begin - 1
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            if lastStep == 0 { return group.lr * factor }
            if Int128(lastStep) != totalIters { return group.lr }
            return group.lr * (try PythonMath.divide(1.0, factor))
        }
    }
}

extension ScheduleType {
    /// `mmengine.ConstantLR` — see ``MMEngineConstantLR``.
    public static let mmengineConstantLR = ScheduleType(
        name: "mmengine.ConstantLR",
        summary: "mmengine: lr times factor from begin, restored at end - 1 (mmengine.optim.ConstantLR).",
        formula: """
            Chainable, as mmengine: n = end - begin - 1; at the first acting step lr *= factor; at the \
            n-th acting step (step end - 1) lr *= 1 / factor; otherwise unchanged. factor must be in \
            [0, 1] (mmengine raises ValueError); 0 raises ZeroDivisionError when restoring.
            """,
        parameters: [
            MMEngineParameters.lr,
            .number("factor", default: 1.0 / 3, "The factor applied until the window's last step; in [0, 1]."),
        ] + MMEngineParameters.window,
        make: { p in
            let factor = try p.number("factor")
            try p.check(factor <= 1.0 && factor >= 0, "factor", "Constant multiplicative factor should between 0 and 1. (found \(factor))")
            return try MMEngineConstantLR(
                lr: MMEngineParameters.learningRate(p), window: MMEngineParameters.window(p), factor: factor
            ).validated(p)
        })
}
