import Foundation

/// `mmengine.CosineRestartLR`: cosine annealing in consecutive `periods`, each restarting from
/// the base learning rate times its `restart_weights` entry.
///
/// `CosineRestartParamScheduler._get_value`, with `k = last_step`: the period `i` is the first
/// whose cumulative end exceeds `k` (none: lr unchanged); with `s = k − (start of period i)`,
/// `P = periods[i]`, `eta_max = base * restart_weights[i]`:
/// `s == 0`: `eta_max`; else
/// `(1 + cos(pi * s / P)) / (1 + cos(pi * (s - 1) / P)) * (lr - eta_min) + eta_min`.
/// Exactly one of `eta_min` and `eta_min_ratio` must be given.
struct MMEngineCosineRestartLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var periods: [Double]
    var restartWeights: [Double]
    var etaMin: MMEngineEtaMin

    /// `cumulative_periods`.
    var cumulative: [Double] {
        var sum = 0.0
        return periods.map { sum += $0; return sum }
    }

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, spec: self)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        let restarts = cumulative.compactMap { c -> Int128? in
            c.isFinite && c >= 0 && c < 1e15 ? window.begin + Int128(c.rounded(.up)) : nil
        }
        return MMEngineParameters.marks(window, restarts, below: steps)
    }

    final class Scheduler: MMEngineParamScheduler {
        let spec: MMEngineCosineRestartLR
        let cumulative: [Double]

        init(group: TorchParamGroup, window: MMEngineWindow, spec: MMEngineCosineRestartLR) {
            self.spec = spec
            self.cumulative = spec.cumulative
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            let k = Double(lastStep)
            guard let i = cumulative.firstIndex(where: { k < $0 }) else { return group.lr }
            let nearestRestart = i == 0 ? 0 : cumulative[i - 1]
            let period = spec.periods[i]
            let s = k - nearestRestart
            let etaMax = baseValue * spec.restartWeights[i]
            let eta = spec.etaMin.value(base: baseValue)
            if s == 0 { return etaMax }
            let ratio = try PythonMath.divide(
                1 + cos(try PythonMath.divide(Double.pi * s, period)),
                1 + cos(try PythonMath.divide(Double.pi * (s - 1), period)))
            return ratio * (group.lr - eta) + eta
        }
    }
}

extension ScheduleType {
    /// `mmengine.CosineRestartLR` — see ``MMEngineCosineRestartLR``.
    public static let mmengineCosineRestartLR = ScheduleType(
        name: "mmengine.CosineRestartLR",
        summary: "mmengine: cosine annealing restarted at the end of each period, from base × restart weight (mmengine.optim.CosineRestartLR).",
        formula: """
            k = steps since begin; period i = first with k < sum(periods[:i+1]) (none: lr unchanged); \
            s = k - sum(periods[:i]), P = periods[i]: s = 0: base * restart_weights[i]; \
            else (1 + cos(pi s / P)) / (1 + cos(pi (s - 1) / P)) * (lr - eta_min) + eta_min. \
            convert_to_iter_based multiplies the periods by the epoch length.
            """,
        parameters: [
            MMEngineParameters.lr,
            .init("periods", .numberList, .required, "Length of each cosine period in acting steps."),
            .init("restart_weights", .numberList, .value(.array([.integer(1)])), "Factor of the base lr at each restart (one per period)."),
        ] + MMEngineEtaMin.parameters + MMEngineParameters.window,
        make: { p in
            let window = try MMEngineParameters.window(p)
            let etaMin = try MMEngineEtaMin.read(p, bothNullMeansZero: false)
            let periods = try p.numberList("periods").map { MMEngineParameters.scaled($0, window) }
            let weights = try p.numberList("restart_weights")
            try p.check(periods.count == weights.count, "restart_weights", "periods and restart_weights should have the same length. (found \(periods.count) and \(weights.count))")
            return try MMEngineCosineRestartLR(
                lr: MMEngineParameters.learningRate(p), window: window, periods: periods,
                restartWeights: weights, etaMin: etaMin
            ).validated(p)
        })
}
