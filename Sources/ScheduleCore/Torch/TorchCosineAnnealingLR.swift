import Foundation

/// `torch.optim.lr_scheduler.CosineAnnealingLR`: cosine annealing from the learning rate to
/// `eta_min` over `T_max` steps, in torch's recursive form (which climbs back after `T_max`).
struct TorchCosineAnnealingLR: TorchScheduler {
    var lr: Double
    /// An int in torch's signature, unchecked: a float works as in Python.
    var tMax: PythonNumber
    var etaMin: Double

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, tMax: tMax, etaMin: etaMin)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { tMax.value > 0 ? TorchCommon.multiples(of: tMax.value, below: steps) : [] }

    final class Scheduler: TorchLRScheduler {
        let tMax: PythonNumber
        let etaMin: Double

        init(group: TorchParamGroup, tMax: PythonNumber, etaMin: Double) {
            self.tMax = tMax
            self.etaMin = etaMin
            super.init(group: group)
        }

        override var torchName: String { "CosineAnnealingLR" }

        override func getLR() throws -> Double {
            if isInitial { return group.lr }
            let T = tMax.value, e = Double(lastEpoch)
            if stepCount == 1 && lastEpoch > 0 {
                return etaMin + (baseLR - etaMin) * (1 + cos(try PythonMath.divide(e * Double.pi, T))) / 2
            }
            if try restartsHalfPeriod() {
                return group.lr + (baseLR - etaMin) * (1 - cos(try PythonMath.divide(Double.pi, T))) / 2
            }
            let ratio = try PythonMath.divide(1 + cosine(Double.pi * e / T), 1 + cosine(Double.pi * Double(lastEpoch - 1) / T))
            return ratio * (group.lr - etaMin) + etaMin
        }

        /// `(last_epoch - 1 - T_max) % (2 * T_max) == 0`, in ints or floats as torch's operands are.
        @inline(__always)
        private func restartsHalfPeriod() throws(PythonRaise) -> Bool {
            if let t = tMax.int {
                // Python ints: `2 * T_max` and the difference need not fit in 64 bits.
                return try PythonMath.modulo(Int128(lastEpoch) - 1 - Int128(t), 2 * Int128(t)) == 0
            }
            // `last_epoch - 1` is an int (exact), then made a float by `- T_max`.
            return try PythonMath.modulo(Double(lastEpoch - 1) - tMax.value, 2 * tMax.value) == 0
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
            let T = tMax.value
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
            eta_min at T_max, then it climbs back to lr at 2·T_max and keeps oscillating (no restart jump). \
            T_max = 0 raises ZeroDivisionError at the first step (the series stops there).
            """,
        parameters: [
            TorchCommon.lrSpec,
            TorchCommon.intInSignature("T_max", "Maximum number of iterations (half a cosine period)."),
            .number("eta_min", default: 0.0, "Minimum learning rate."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let tMax = try TorchCommon.number(p, "T_max"), etaMin = try p.number("eta_min")
            return try TorchGroups.schedules(lrs.map { TorchCosineAnnealingLR(lr: $0, tMax: tMax, etaMin: etaMin) }, p)
        })
}
