import Foundation

/// `torch.optim.lr_scheduler.CyclicLR`: the learning rate cycles between `base_lr` and
/// `max_lr` (triangular, triangular2, exp_range or a custom `scale_fn`), the momentum inversely.
struct TorchCyclicLR: TorchScheduler {
    enum Scale: Sendable {
        case triangular, triangular2
        case expRange(gamma: Double)
        /// A custom `scale_fn(x)`; `perCycle` is `scale_mode == "cycle"`.
        case custom(Expression, perCycle: Bool)
    }

    var lr: Double
    var baseLR: Double
    var maxLR: Double
    /// `float(step_size_up)`, `float(step_size_down)` (torch converts them; None: the same as up).
    var stepSizeUp: Double
    var stepSizeDown: Double?
    var scale: Scale
    var cycleMomentum: Bool
    var baseMomentum: Double
    var maxMomentum: Double

    var cyclesMomentum: Bool { cycleMomentum }

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = try Scheduler(spec: self, group: group)
        try s.attach()
        return s
    }

    /// Peaks (`k·total + up`) and cycle starts (`k·total`), at the first whole step at or
    /// past each.
    func breakpoints(below steps: Int) -> [Int] {
        let up = stepSizeUp, total = stepSizeUp + (stepSizeDown ?? stepSizeUp)
        guard total > 0, up >= 0, total.isFinite else { return [] }
        var out: [Int] = []
        var start = 0.0
        while start < Double(steps) && out.count < 1000 {
            if start > 0 { out.append(Int(start.rounded(.up))) }
            if up > 0 && up < total && start + up < Double(steps) { out.append(Int((start + up).rounded(.up))) }
            start += total
        }
        return Array(Set(out.filter { $0 < steps })).sorted()
    }

    final class Scheduler: TorchLRScheduler {
        let spec: TorchCyclicLR
        let totalSize: Double
        let stepRatio: Double

        init(spec: TorchCyclicLR, group: TorchParamGroup) throws {
            self.spec = spec
            let up = spec.stepSizeUp
            let down = spec.stepSizeDown ?? up
            totalSize = up + down
            stepRatio = try PythonMath.divide(up, totalSize)
            super.init(group: group)
        }

        override var torchName: String { "CyclicLR" }

        override func attach() throws {
            group.lr = spec.baseLR
            if spec.cycleMomentum {
                group.momentum = spec.maxMomentum
                group.maxMomentum = spec.maxMomentum
                group.baseMomentum = spec.baseMomentum
            }
            try super.attach()
            baseLR = spec.baseLR
        }

        private func scaleFactor(cycle: Int) throws -> Double {
            switch spec.scale {
            case .triangular: return 1.0
            case .triangular2: return try PythonMath.divide(1, try PythonMath.power(2.0, Double(cycle - 1)))
            case .expRange(let gamma): return try PythonMath.power(gamma, Double(lastEpoch))
            case .custom(let f, let perCycle):
                return try f.evaluate(["x": .int(perCycle ? cycle : lastEpoch)])
            }
        }

        override func getLR() throws -> Double {
            let cycleValue = (1 + (try PythonMath.divide(Double(lastEpoch), totalSize))).rounded(.down)
            guard case .int(let cycle) = try PythonMath.integer(fromWhole: cycleValue) else {
                throw PythonRaise("OverflowError", "cycle number too large")
            }
            let x = 1.0 + Double(lastEpoch) / totalSize - Double(cycle)
            let scale = x <= stepRatio
                ? try PythonMath.divide(x, stepRatio)
                : try PythonMath.divide(x - 1, stepRatio - 1)
            let lr = baseLR + (spec.maxLR - baseLR) * scale * (try scaleFactor(cycle: cycle))
            if spec.cycleMomentum {
                let height = (spec.maxMomentum - spec.baseMomentum) * scale
                group.momentum = spec.maxMomentum - height * (try scaleFactor(cycle: cycle))
            }
            return lr
        }
    }
}

extension ScheduleType {
    /// `torch.CyclicLR` — see ``TorchCyclicLR``.
    public static let torchCyclicLR = ScheduleType(
        name: "torch.CyclicLR",
        summary: "Cycles the learning rate between base_lr and max_lr (and the momentum inversely).",
        formula: """
            total = step_size_up + step_size_down (floats), ratio = step_size_up / total; at step t: \
            cycle = floor(1 + t/total), x = 1 + t/total − cycle, s = x/ratio if x ≤ ratio else (x−1)/(ratio−1); \
            lr_t = base_lr + (max_lr − base_lr)·s·scale, momentum_t = max_momentum − (max_momentum − \
            base_momentum)·s·scale, where scale = 1 (triangular), 1/2^(cycle−1) (triangular2), gamma^t \
            (exp_range), or scale_fn(cycle or t per scale_mode). The optimizer's lr is set to base_lr at \
            construction. It cycles forever (triangular2 raises OverflowError after ~1024 cycles, as torch).
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("base_lr", .numberPerGroup, .required, "Lower learning rate boundary of the cycle; a list gives one per parameter group."),
            ParameterSpec("max_lr", .numberPerGroup, .required, "Upper learning rate boundary of the cycle; a list gives one per parameter group."),
            ParameterSpec("step_size_up", .number, .value(.integer(2000)), "Steps in the increasing half of a cycle (torch takes float(step_size_up))."),
            ParameterSpec("step_size_down", .number, .none, "Steps in the decreasing half (None: step_size_up; torch takes float(step_size_down))."),
            ParameterSpec("mode", .string, .value(.string("triangular")), "The scaling policy: \"triangular\", \"triangular2\" or \"exp_range\" (ignored when scale_fn is given)."),
            .number("gamma", default: 1.0, "The exp_range factor: scale = gamma^t."),
            ParameterSpec("scale_fn", .expression(variable: "x"), .none, "A custom scaling policy: a Python expression in `x`, with 0 ≤ scale_fn(x) ≤ 1."),
            .choice("scale_mode", ["cycle", "iterations"], default: "cycle", "Whether scale_fn gets the cycle number or the step (only with scale_fn)."),
            .bool("cycle_momentum", default: true, "Cycle the momentum inversely between base_momentum and max_momentum."),
            ParameterSpec("base_momentum", .numberPerGroup, .value(.number(0.8)), "Lower momentum boundary; a list gives one per parameter group."),
            ParameterSpec("max_momentum", .numberPerGroup, .value(.number(0.9)), "Upper momentum boundary; a list gives one per parameter group."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let baseLRs = try TorchCommon.perGroup(p, "base_lr", groups: lrs.count)
            let maxLRs = try TorchCommon.perGroup(p, "max_lr", groups: lrs.count)
            let up = try p.number("step_size_up"), down = try p.optionalNumber("step_size_down")
            let scale: TorchCyclicLR.Scale
            if try p.raw("scale_fn") != nil {
                scale = .custom(try p.expression("scale_fn"), perCycle: try p.string("scale_mode") == "cycle")
            } else {
                let mode = try p.string("mode"), modes = ["triangular", "triangular2", "exp_range"]
                if !modes.contains(mode) {
                    var message = "mode is invalid and scale_fn is None: \"\(mode)\"; expected \"triangular\", \"triangular2\" or \"exp_range\""
                    if let close = Suggestion.closest(to: mode, in: modes) { message += "; did you mean \"\(close)\"?" }
                    throw p.error("mode", message)
                }
                switch mode {
                case "triangular2": scale = .triangular2
                case "exp_range": scale = .expRange(gamma: try p.number("gamma"))
                default: scale = .triangular
                }
            }
            let cycleMomentum = try p.bool("cycle_momentum")
            // torch reads (and checks the lengths of) the momenta only when it cycles them.
            let baseMomenta = cycleMomentum ? try TorchCommon.perGroup(p, "base_momentum", groups: lrs.count) : Array(repeating: 0.8, count: lrs.count)
            let maxMomenta = cycleMomentum ? try TorchCommon.perGroup(p, "max_momentum", groups: lrs.count) : Array(repeating: 0.9, count: lrs.count)
            let perGroup = lrs.indices.map { g in
                TorchCyclicLR(
                    lr: lrs[g], baseLR: baseLRs[g], maxLR: maxLRs[g], stepSizeUp: up, stepSizeDown: down,
                    scale: scale, cycleMomentum: cycleMomentum, baseMomentum: baseMomenta[g], maxMomentum: maxMomenta[g])
            }
            return try TorchGroups.schedules(perGroup, p)
        })
}
