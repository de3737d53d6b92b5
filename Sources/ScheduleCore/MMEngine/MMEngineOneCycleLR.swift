import Foundation

/// `mmengine.OneCycleLR`: the 1cycle policy — from `eta_max / div_factor` up to `eta_max`, then
/// down to `initial / final_div_factor` (optionally in three phases). It does not cycle momentum.
///
/// `OneCycleParamScheduler` writes `initial_lr = eta_max / div_factor`, `max_lr = eta_max` and
/// `min_lr = initial_lr / final_div_factor` into the group, then `_get_value()` at
/// `step = last_step` (raising `ValueError` once `step > total_steps`):
/// ```
/// phases (end_step, start → end):  pct_start * total - 1 (initial → max),
///                                  [2 * pct_start * total - 2 (max → initial),]
///                                  total - 1 (→ min, from max or initial)
/// the first phase with step <= end_step (or the last): pct = (step - start_step) / (end_step - start_step)
/// cos: end + (start - end) / 2.0 * (cos(pi * pct) + 1);  linear: (end - start) * pct + start
/// ```
/// `total_steps` defaults to `end - begin`; `pct_start` must be a float in [0, 1] and a given
/// `total_steps` a positive int (mmengine raises `ValueError` otherwise).
struct MMEngineOneCycleLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var etaMax: Double
    /// A Python int (`total_steps × epoch_length` when converted).
    var totalSteps: Int128
    var pctStart: Double
    var cosine: Bool
    var divFactor: Double
    var finalDivFactor: Double
    var threePhase: Bool

    /// `(end_step, start key, end key)` of each phase.
    var phases: [(endStep: Double, start: Key, end: Key)] {
        let total = PythonMath.float(totalSteps)
        if threePhase {
            return [(pctStart * total - 1, .initial, .max), (2 * pctStart * total - 2, .max, .initial), (total - 1, .initial, .min)]
        }
        return [(pctStart * total - 1, .initial, .max), (total - 1, .max, .min)]
    }

    enum Key: Sendable { case initial, max, min }

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let initial = try PythonMath.divide(etaMax, divFactor)
        group.initialLR = initial
        group.maxLR = etaMax
        group.minLR = try PythonMath.divide(initial, finalDivFactor)
        let s = Scheduler(group: group, window: window, spec: self)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        let ends = phases.dropLast().compactMap { p -> Int128? in
            p.endStep.isFinite && abs(p.endStep) < 1e15 ? window.begin + Int128(p.endStep.rounded(.down)) + 1 : nil
        }
        return MMEngineParameters.marks(window, ends + [window.begin + totalSteps], below: steps)
    }

    final class Scheduler: MMEngineParamScheduler {
        let spec: MMEngineOneCycleLR
        let phases: [(endStep: Double, start: Key, end: Key)]

        init(group: TorchParamGroup, window: MMEngineWindow, spec: MMEngineOneCycleLR) {
            self.spec = spec
            self.phases = spec.phases
            super.init(group: group, window: window)
        }

        func value(_ key: Key) -> Double {
            switch key {
            case .initial: return group.initialLR ?? .nan
            case .max: return group.maxLR ?? .nan
            case .min: return group.minLR ?? .nan
            }
        }

        override func getValue() throws -> Double {
            let step = lastStep
            if Int128(step) > spec.totalSteps {
                throw PythonRaise("ValueError", "Tried to step \(step + 1) times. The specified number of total steps is \(spec.totalSteps)")
            }
            var startStep = 0.0
            for (i, phase) in phases.enumerated() {
                if Double(step) <= phase.endStep || i == phases.count - 1 {
                    let pct = try PythonMath.divide(Double(step) - startStep, phase.endStep - startStep)
                    let start = value(phase.start), end = value(phase.end)
                    if spec.cosine { return end + (start - end) / 2.0 * (cos(Double.pi * pct) + 1) }
                    return (end - start) * pct + start
                }
                startStep = phase.endStep
            }
            return group.lr
        }
    }
}

extension ScheduleType {
    /// `mmengine.OneCycleLR` — see ``MMEngineOneCycleLR``.
    public static let mmengineOneCycleLR = ScheduleType(
        name: "mmengine.OneCycleLR",
        summary: "mmengine 1cycle: eta_max/div_factor → eta_max → initial/final_div_factor over total_steps (mmengine.optim.OneCycleLR).",
        formula: """
            k = steps since begin, N = total_steps (default end - begin), p = pct_start:
              phases end at k = pN - 1 (initial → eta_max) and N - 1 (eta_max → min), or with three_phase \
            pN - 1, 2pN - 2 (eta_max → initial) and N - 1 (initial → min); within a phase \
            pct = (k - start) / (end - start), cos: end + (start - end)/2 (cos(pi pct) + 1), linear: start + (end - start) pct.
            initial = eta_max / div_factor, min = initial / final_div_factor. Raises ValueError once k > N \
            ("Tried to step k + 1 times"). Not chainable; no momentum.
            """,
        parameters: [
            MMEngineParameters.lr,
            .number("eta_max", default: 0, "Peak learning rate."),
            ParameterSpec("total_steps", .integer, .none, "Steps of the cycle (null: end - begin); a positive integer."),
            ParameterSpec("pct_start", .number, .value(.number(0.3)), "Fraction of the cycle spent rising: a float in [0, 1] (an int raises in mmengine)."),
            .choice("anneal_strategy", ["cos", "linear"], default: "cos", "Annealing shape."),
            .number("div_factor", default: 25, "initial = eta_max / div_factor."),
            .number("final_div_factor", default: 1e4, "min = initial / final_div_factor."),
            .bool("three_phase", default: false, "Fall back to initial before annealing to min."),
        ] + MMEngineParameters.window,
        make: { p in
            let window = try MMEngineParameters.window(p)
            let totalSteps: Int128
            if let given = try p.optionalInteger("total_steps") {
                if case .number? = try p.raw("total_steps") {
                    throw p.error("total_steps", "Expected positive integer total_steps, but got \(given).0 (mmengine requires an int)")
                }
                try p.check(given > 0, "total_steps", "Expected positive integer total_steps, but got \(given)")
                totalSteps = Int128(given) * Int128(window.convertedWith ?? 1)
            } else {
                totalSteps = window.end - window.begin
            }
            let pct: Double
            switch try p.raw("pct_start") {
            case .number(let d)?: pct = d
            case let raw?:
                throw p.error("pct_start", "Expected float between 0 and 1 pct_start, but got \(JSONWriter.write(raw)) (mmengine requires a float: write it with a decimal point)")
            case nil: throw p.error("pct_start", "expected a number, found null")
            }
            try p.check(pct >= 0 && pct <= 1, "pct_start", "Expected float between 0 and 1 pct_start, but got \(pct)")
            return try MMEngineOneCycleLR(
                lr: MMEngineParameters.learningRate(p), window: window, etaMax: p.number("eta_max"),
                totalSteps: totalSteps, pctStart: pct, cosine: p.string("anneal_strategy") == "cos",
                divFactor: p.number("div_factor"), finalDivFactor: p.number("final_div_factor"),
                threePhase: p.bool("three_phase")
            ).validated(p)
        })
}
