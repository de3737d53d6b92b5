import Foundation

/// `mmengine.CosineAnnealingLR`: cosine annealing from the learning rate to `eta_min` (or
/// `base_lr * eta_min_ratio`) over `T_max` acting steps, in mmengine's recursive form.
///
/// `CosineAnnealingParamScheduler._get_value`, with `k = last_step`, `T = T_max or (end - begin)`:
/// ```
/// k == 0:                          lr
/// (k - 1 - T) % (2 * T) == 0:      lr + (base - eta_min) * (1 - cos(pi / T)) / 2
/// otherwise:  (1 + cos(pi * k / T)) / (1 + cos(pi * (k - 1) / T)) * (lr - eta_min) + eta_min
/// ```
/// Like torch's recursive form it climbs back after `T` if the window lasts longer.
/// `eta_min` and `eta_min_ratio` exclude each other (both null: `eta_min = 0`).
/// `convert_to_iter_based` multiplies a given `T_max` by the epoch length.
struct MMEngineCosineAnnealingLR: MMEngineScheduler {
    var lr: Double
    var window: MMEngineWindow
    var tMax: Double
    var etaMin: MMEngineEtaMin

    func construct(on group: TorchParamGroup) throws -> MMEngineParamScheduler {
        let s = Scheduler(group: group, window: window, tMax: tMax, etaMin: etaMin)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        let end = tMax > 0 && tMax < 1e15 ? window.begin + Int128(tMax.rounded(.up)) : window.end
        return MMEngineParameters.marks(window, [end], below: steps)
    }

    final class Scheduler: MMEngineParamScheduler {
        let tMax: Double
        let etaMin: MMEngineEtaMin

        init(group: TorchParamGroup, window: MMEngineWindow, tMax: Double, etaMin: MMEngineEtaMin) {
            self.tMax = tMax
            self.etaMin = etaMin
            super.init(group: group, window: window)
        }

        override func getValue() throws -> Double {
            let eta = etaMin.value(base: baseValue)
            let k = Double(lastStep)
            if lastStep == 0 { return group.lr }
            if try PythonMath.modulo(k - 1 - tMax, 2 * tMax) == 0 {
                return group.lr + (baseValue - eta) * (1 - cos(try PythonMath.divide(Double.pi, tMax))) / 2
            }
            let ratio = try PythonMath.divide(
                1 + cos(try PythonMath.divide(Double.pi * k, tMax)),
                1 + cos(try PythonMath.divide(Double.pi * (k - 1), tMax)))
            return ratio * (group.lr - eta) + eta
        }
    }
}

/// The floor of mmengine's cosine schedulers: `eta_min`, or `base_value * eta_min_ratio`.
enum MMEngineEtaMin: Sendable {
    case value(Double)
    case ratio(Double)

    func value(base: Double) -> Double {
        switch self {
        case .value(let v): return v
        case .ratio(let r): return base * r
        }
    }

    /// `eta_min` / `eta_min_ratio` as `CosineAnnealingParamScheduler` reads them (both null:
    /// `eta_min = 0`), or as `CosineRestartParamScheduler` does (exactly one must be given).
    static func read(_ p: Parameters, bothNullMeansZero: Bool) throws -> MMEngineEtaMin {
        let value = try p.optionalNumber("eta_min"), ratio = try p.optionalNumber("eta_min_ratio")
        switch (value, ratio) {
        case (nil, nil):
            guard bothNullMeansZero else {
                throw ScheduleError(path: p.path, "\(p.typeName) needs exactly one of \"eta_min\" and \"eta_min_ratio\" (mmengine asserts (eta_min is None) ^ (eta_min_ratio is None))")
            }
            return .value(0)
        case (let v?, nil): return .value(v)
        case (nil, let r?): return .ratio(r)
        case (.some, .some):
            throw p.error("eta_min_ratio", "Either `eta_min` or `eta_min_ratio should be specified (mmengine asserts that only one is given)")
        }
    }

    static let parameters: [ParameterSpec] = [
        ParameterSpec("eta_min", .number, .none, "Minimum learning rate."),
        ParameterSpec("eta_min_ratio", .number, .none, "Minimum as a ratio of the base learning rate (instead of eta_min)."),
    ]
}

extension ScheduleType {
    /// `mmengine.CosineAnnealingLR` — see ``MMEngineCosineAnnealingLR``.
    public static let mmengineCosineAnnealingLR = ScheduleType(
        name: "mmengine.CosineAnnealingLR",
        summary: "mmengine: cosine annealing to eta_min over T_max acting steps, recursive (mmengine.optim.CosineAnnealingLR).",
        formula: """
            Chainable, as mmengine: k = steps since begin, T = T_max or (end - begin):
              k = 0: lr unchanged
              (k - 1 - T) % (2T) = 0: lr + (base - eta_min) * (1 - cos(pi / T)) / 2
              else: (1 + cos(pi k / T)) / (1 + cos(pi (k - 1) / T)) * (lr - eta_min) + eta_min
            Tracks eta_min + (base - eta_min)(1 + cos(pi k / T)) / 2; climbs back after T while the \
            window lasts. eta_min_ratio sets eta_min = base * ratio.
            """,
        parameters: [
            MMEngineParameters.lr,
            ParameterSpec("T_max", .number, .none, "Length of the annealing in acting steps (null: end - begin)."),
        ] + MMEngineEtaMin.parameters + MMEngineParameters.window,
        make: { p in
            let window = try MMEngineParameters.window(p)
            let etaMin = try MMEngineEtaMin.read(p, bothNullMeansZero: true)
            // self.T_max = T_max or (end - begin): 0 and None both fall back.
            var tMax = try p.optionalNumber("T_max").map { MMEngineParameters.scaled($0, window) } ?? 0
            if tMax == 0 { tMax = PythonMath.float(window.end - window.begin) }
            return try MMEngineCosineAnnealingLR(
                lr: MMEngineParameters.learningRate(p), window: window, tMax: tMax, etaMin: etaMin
            ).validated(p)
        })
}
