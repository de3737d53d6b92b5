import Foundation

/// `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts` (SGDR): cosine annealing from the
/// learning rate to `eta_min` over `T_i` steps, restarting with `T_i` multiplied by `T_mult`.
struct TorchCosineAnnealingWarmRestarts: TorchScheduler {
    var lr: Double
    var t0: Int
    var tMult: Int
    var etaMin: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, t0: t0, tMult: tMult, etaMin: etaMin)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        var out: [Int] = []
        var restart = t0, period = t0
        while restart < steps && out.count < 1000 {
            out.append(restart)
            let (p, o1) = period.multipliedReportingOverflow(by: tMult)
            let (r, o2) = restart.addingReportingOverflow(p)
            if o1 || o2 { break }
            period = p
            restart = r
        }
        return out
    }

    final class Scheduler: TorchLRScheduler {
        let t0: Int
        let tMult: Int
        let etaMin: Double
        /// `T_i`: the current period; `T_cur`: steps since the last restart.
        /// `T_i`, a Python int: after a restart `T_i · T_mult` may pass `Int.max` (no step
        /// reaches it then, but `π · T_cur / T_i` still divides by its exact value).
        var tI: Int128
        var tCur: Int

        init(group: TorchParamGroup, t0: Int, tMult: Int, etaMin: Double) {
            self.t0 = t0
            self.tMult = tMult
            self.etaMin = etaMin
            self.tI = Int128(t0)
            self.tCur = -1
            super.init(group: group)
        }

        override var torchName: String { "CosineAnnealingWarmRestarts" }

        /// torch's own `step()` (no `_step_count` update), for `epoch=None`.
        override func step() throws {
            if lastEpoch < 0 {
                // epoch = 0: the `epoch is not None` branch with epoch < T_0.
                tI = Int128(t0)
                tCur = 0
                lastEpoch = 0
            } else {
                lastEpoch += 1
                tCur += 1
                if Int128(tCur) >= tI {
                    // T_cur < 2·T_i here and T_i ≤ Int.max (a larger one is never reached).
                    tCur = Int(Int128(tCur) % tI)
                    tI = tI * Int128(tMult)
                }
            }
            group.lr = try getLR()
            lastLR = group.lr
        }

        override func getLR() throws -> Double {
            etaMin + (baseLR - etaMin) * (1 + cos(try PythonMath.divide(Double.pi * Double(tCur), PythonMath.float(tI)))) / 2
        }
    }
}

extension ScheduleType {
    /// `torch.CosineAnnealingWarmRestarts` — see ``TorchCosineAnnealingWarmRestarts``.
    public static let torchCosineAnnealingWarmRestarts = ScheduleType(
        name: "torch.CosineAnnealingWarmRestarts",
        summary: "Cosine annealing with warm restarts (SGDR): periods T_0, T_0·T_mult, …",
        formula: """
            lr_t = eta_min + (lr − eta_min) · (1 + cos(π · T_cur / T_i)) / 2, where T_cur counts steps since \
            the last restart (integers, as torch's step() keeps them) and T_i starts at T_0; when T_cur \
            reaches T_i it wraps to T_cur − T_i and T_i becomes T_i · T_mult. Restarts (back to lr) at \
            T_0, T_0 + T_0·T_mult, …; it never ends. T_0 and T_mult must be Python ints (torch checks \
            isinstance(x, int), so 2.0 is rejected).
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("T_0", .integer, .required, "Number of steps until the first restart (a Python int: torch rejects 100.0)."),
            ParameterSpec("T_mult", .integer, .value(.integer(1)), "Factor by which T_i grows after a restart (a Python int: torch rejects 2.0)."),
            .number("eta_min", default: 0.0, "Minimum learning rate."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let t0 = try TorchCommon.pythonInt(p, "T_0") { "Expected positive integer T_0, but got \($0)" } ?? 0
            try p.check(t0 > 0, "T_0", "Expected positive integer T_0, but got \(t0)")
            let tMult = try TorchCommon.pythonInt(p, "T_mult") { "Expected integer T_mult >= 1, but got \($0)" } ?? 1
            try p.check(tMult >= 1, "T_mult", "Expected integer T_mult >= 1, but got \(tMult)")
            let etaMin = try p.number("eta_min")
            return try TorchGroups.schedules(lrs.map { TorchCosineAnnealingWarmRestarts(lr: $0, t0: t0, tMult: tMult, etaMin: etaMin) }, p)
        })
}
