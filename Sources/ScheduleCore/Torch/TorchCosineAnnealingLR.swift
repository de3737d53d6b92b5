import Foundation

/// `torch.optim.lr_scheduler.CosineAnnealingLR`: cosine annealing from the learning rate to
/// `eta_min` over `T_max` steps, in torch's recursive form (which climbs back after `T_max`).
struct TorchCosineAnnealingLR: TorchScheduler {
    var lr: Double
    var tMax: Int
    var etaMin: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, tMax: tMax, etaMin: etaMin)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { TorchCommon.multiples(of: tMax, below: steps) }

    final class Scheduler: TorchLRScheduler {
        let tMax: Int
        let etaMin: Double

        init(group: TorchParamGroup, tMax: Int, etaMin: Double) {
            self.tMax = tMax
            self.etaMin = etaMin
            super.init(group: group)
        }

        override var torchName: String { "CosineAnnealingLR" }

        override func getLR() throws -> Double {
            if isInitial { return group.lr }
            let T = Double(tMax), e = Double(lastEpoch)
            if stepCount == 1 && lastEpoch > 0 {
                return etaMin + (baseLR - etaMin) * (1 + cos(e * Double.pi / T)) / 2
            }
            // Python ints: `2 * T_max` and the difference need not fit in 64 bits.
            if try PythonMath.modulo(Int128(lastEpoch) - 1 - Int128(tMax), 2 * Int128(tMax)) == 0 {
                return group.lr + (baseLR - etaMin) * (1 - cos(try PythonMath.divide(Double.pi, T))) / 2
            }
            let ratio = try PythonMath.divide(1 + cosine(Double.pi * e / T), 1 + cosine(Double.pi * Double(lastEpoch - 1) / T))
            return ratio * (group.lr - etaMin) + etaMin
        }

        /// The last argument given to ``cosine(_:)`` and its cosine.
        private var lastCosine = (argument: Double.nan, value: Double.nan)

        /// `cos(x)`, remembering the last result: step t's π·t/T is computed exactly as step
        /// t + 1's π·((t + 1) − 1)/T, so each step needs one new cosine instead of two.
        private func cosine(_ x: Double) -> Double {
            if x == lastCosine.argument { return lastCosine.value }
            let value = cos(x)
            lastCosine = (x, value)
            return value
        }

        override func closedFormLR() throws -> Double? {
            let T = Double(tMax)
            return etaMin + (baseLR - etaMin) * (1 + cos(try PythonMath.divide(Double.pi * Double(lastEpoch), T))) / 2
        }
    }
}

extension ScheduleType {
    /// `torch.CosineAnnealingLR` — see ``TorchCosineAnnealingLR``.
    public static let torchCosineAnnealingLR = ScheduleType(
        name: "torch.CosineAnnealingLR",
        summary: "Cosine annealing from the learning rate to eta_min over T_max steps (torch's recursive form).",
        formula: """
            Recursive, as torch: lr_0 = lr; lr_t = eta_min + (lr_{t-1} − eta_min) · (1 + cos(π·t/T_max)) / \
            (1 + cos(π·(t−1)/T_max)), except when (t − 1 − T_max) % (2·T_max) == 0, where lr_t = lr_{t-1} + \
            (lr − eta_min) · (1 − cos(π/T_max)) / 2. This tracks eta_min + (lr − eta_min)(1 + cos(π·t/T_max))/2: \
            eta_min at T_max, then it climbs back to lr at 2·T_max and keeps oscillating (no restart jump).
            """,
        parameters: [
            TorchCommon.lrSpec,
            .integer("T_max", "Maximum number of iterations (half a cosine period)."),
            .number("eta_min", default: 0.0, "Minimum learning rate."),
            TorchCommon.lastEpochSpec,
        ],
        make: { p in
            // T_max = 0: torch raises ZeroDivisionError at step 1, where the series stops.
            let tMax = try p.integer("T_max")
            let s = TorchCosineAnnealingLR(lr: try TorchCommon.lr(p), tMax: tMax, etaMin: try p.number("eta_min"))
            try s.validateConstruction(p)
            return s
        })
}
