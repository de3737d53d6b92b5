import Foundation

/// `torch.optim.lr_scheduler.OneCycleLR`: the 1cycle policy — warm up from `max_lr /
/// div_factor` to `max_lr`, then anneal to `initial_lr / final_div_factor` (optionally in three
/// phases), with the momentum cycled inversely.
struct TorchOneCycleLR: TorchScheduler {
    /// A group key named by torch's `_schedule_phases`.
    enum Key: Sendable { case initialLR, maxLR, minLR, maxMomentum, baseMomentum }

    /// One phase: ends at `endStep` (a float, as torch computes it).
    struct Phase: Sendable {
        var endStep: Double
        var startLR: Key, endLR: Key
        var startMomentum: Key, endMomentum: Key
    }

    var lr: Double
    var maxLR: Double
    /// A Python int: `epochs * steps_per_epoch` need not fit in 64 bits.
    var totalSteps: Int128
    var pctStart: Double
    var cosine: Bool
    var cycleMomentum: Bool
    var baseMomentum: Double
    var maxMomentum: Double
    var divFactor: Double
    var finalDivFactor: Double
    var threePhase: Bool

    var cyclesMomentum: Bool { cycleMomentum }

    var phases: [Phase] {
        let total = PythonMath.float(totalSteps)
        if threePhase {
            return [
                Phase(endStep: pctStart * total - 1, startLR: .initialLR, endLR: .maxLR, startMomentum: .maxMomentum, endMomentum: .baseMomentum),
                Phase(endStep: 2 * pctStart * total - 2, startLR: .maxLR, endLR: .initialLR, startMomentum: .baseMomentum, endMomentum: .maxMomentum),
                Phase(endStep: total - 1, startLR: .initialLR, endLR: .minLR, startMomentum: .maxMomentum, endMomentum: .maxMomentum),
            ]
        }
        return [
            Phase(endStep: pctStart * total - 1, startLR: .initialLR, endLR: .maxLR, startMomentum: .maxMomentum, endMomentum: .baseMomentum),
            Phase(endStep: total - 1, startLR: .maxLR, endLR: .minLR, startMomentum: .baseMomentum, endMomentum: .maxMomentum),
        ]
    }

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(spec: self, group: group)
        try s.attach()
        return s
    }

    /// The first step of each later phase (the first `t > end_step`), and `total_steps`, the
    /// last step with a value.
    func breakpoints(below steps: Int) -> [Int] {
        var out = phases.dropLast().map { Int(saturating: ($0.endStep).rounded(.down)) &+ 1 }
        out.append(totalSteps.clampedToInt)
        return Array(Set(out.filter { $0 > 0 && $0 < steps })).sorted()
    }

    final class Scheduler: TorchLRScheduler {
        let spec: TorchOneCycleLR
        let phases: [Phase]

        init(spec: TorchOneCycleLR, group: TorchParamGroup) {
            self.spec = spec
            self.phases = spec.phases
            super.init(group: group)
        }

        override var torchName: String { "OneCycleLR" }

        override func attach() throws {
            let initial = try PythonMath.divide(spec.maxLR, spec.divFactor)
            group.initialLR = initial
            group.maxLR = spec.maxLR
            group.minLR = try PythonMath.divide(initial, spec.finalDivFactor)
            if spec.cycleMomentum {
                group.momentum = spec.maxMomentum
                group.maxMomentum = spec.maxMomentum
                group.baseMomentum = spec.baseMomentum
            }
            try super.attach()
        }

        private func value(_ key: Key) -> Double {
            switch key {
            case .initialLR: return group.initialLR ?? .nan
            case .maxLR: return group.maxLR ?? .nan
            case .minLR: return group.minLR ?? .nan
            case .maxMomentum: return group.maxMomentum ?? .nan
            case .baseMomentum: return group.baseMomentum ?? .nan
            }
        }

        /// `_annealing_cos` or `_annealing_linear`; `cosOut` is `cos(π·pct) + 1`, computed once
        /// per step for the learning rate and the momentum, which share `pct`.
        private func anneal(_ start: Double, _ end: Double, _ pct: Double, cosOut: Double) -> Double {
            if spec.cosine {
                return end + (start - end) / 2.0 * cosOut
            }
            return (end - start) * pct + start
        }

        override func getLR() throws -> Double {
            let step = lastEpoch
            if Int128(step) > spec.totalSteps {
                throw PythonRaise("ValueError", "Tried to step \(step) times. The specified number of total steps is \(spec.totalSteps)")
            }
            var startStep = 0.0
            for (i, phase) in phases.enumerated() {
                if Double(step) <= phase.endStep || i == phases.count - 1 {
                    let pct = try PythonMath.divide(Double(step) - startStep, phase.endStep - startStep)
                    let cosOut = spec.cosine ? cos(Double.pi * pct) + 1 : 0
                    let lr = anneal(value(phase.startLR), value(phase.endLR), pct, cosOut: cosOut)
                    if spec.cycleMomentum {
                        group.momentum = anneal(value(phase.startMomentum), value(phase.endMomentum), pct, cosOut: cosOut)
                    }
                    return lr
                }
                startStep = phase.endStep
            }
            return group.lr
        }
    }
}

extension ScheduleType {
    /// `torch.OneCycleLR` — see ``TorchOneCycleLR``.
    public static let torchOneCycleLR = ScheduleType(
        name: "torch.OneCycleLR",
        summary: "The 1cycle policy: warm up to max_lr, then anneal far below the start (momentum cycled inversely).",
        formula: """
            initial = max_lr/div_factor, min = initial/final_div_factor, total = total_steps or \
            epochs·steps_per_epoch. Phases end at pct_start·total − 1 (initial → max_lr) and total − 1 \
            (max_lr → min); with three_phase: pct_start·total − 1, 2·pct_start·total − 2 (max_lr → initial), \
            total − 1 (initial → min). In a phase from s to e, pct = (t − s)/(e − s) and lr_t = \
            anneal(start, end, pct): cos: end + (start − end)/2·(cos(π·pct) + 1), linear: (end − start)·pct + \
            start; momentum likewise between max_momentum and base_momentum. Steps 0…total have values \
            (step total extrapolates the last phase); the next step raises ValueError ("Tried to step \
            total+1 times…"), so the series ends there.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("max_lr", .numberPerGroup, .required, "Upper learning rate boundary of the cycle; a list gives one per parameter group."),
            ParameterSpec("total_steps", .integer, .none, "Total number of steps in the cycle (or give epochs and steps_per_epoch); a Python int (torch rejects 100.0)."),
            ParameterSpec("epochs", .integer, .none, "Number of epochs (with steps_per_epoch, when total_steps is None); a Python int."),
            ParameterSpec("steps_per_epoch", .integer, .none, "Steps per epoch (with epochs, when total_steps is None); a Python int."),
            .number("pct_start", default: 0.3, "Fraction of the cycle spent increasing the learning rate (a float in [0, 1])."),
            .choice("anneal_strategy", ["cos", "linear"], default: "cos", "Annealing strategy."),
            .bool("cycle_momentum", default: true, "Cycle the momentum inversely between base_momentum and max_momentum."),
            ParameterSpec("base_momentum", .numberPerGroup, .value(.number(0.85)), "Lower momentum boundary; a list gives one per parameter group."),
            ParameterSpec("max_momentum", .numberPerGroup, .value(.number(0.95)), "Upper momentum boundary; a list gives one per parameter group."),
            .number("div_factor", default: 25.0, "initial_lr = max_lr / div_factor."),
            .number("final_div_factor", default: 1e4, "min_lr = initial_lr / final_div_factor."),
            .bool("three_phase", default: false, "Use three phases (symmetric warmup and cooldown, then annihilation)."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            // A Python int: epochs · steps_per_epoch need not fit in 64 bits.
            let total: Int128
            if let t = try TorchCommon.pythonInt(p, "total_steps", { "Expected positive integer total_steps, but got \($0)" }) {
                try p.check(t > 0, "total_steps", "Expected positive integer total_steps, but got \(t)")
                total = Int128(t)
            } else if try p.raw("epochs") != nil, try p.raw("steps_per_epoch") != nil {
                let epochs = try TorchCommon.pythonInt(p, "epochs") { "Expected positive integer epochs, but got \($0)" } ?? 0
                try p.check(epochs > 0, "epochs", "Expected positive integer epochs, but got \(epochs)")
                let perEpoch = try TorchCommon.pythonInt(p, "steps_per_epoch") { "Expected positive integer steps_per_epoch, but got \($0)" } ?? 0
                try p.check(perEpoch > 0, "steps_per_epoch", "Expected positive integer steps_per_epoch, but got \(perEpoch)")
                total = Int128(epochs) * Int128(perEpoch)
            } else {
                throw ScheduleError(path: p.path, "You must define either total_steps OR (epochs AND steps_per_epoch)")
            }
            let pctStart = try p.number("pct_start")
            try p.check(pctStart >= 0 && pctStart <= 1, "pct_start", "Expected float between 0 and 1 pct_start, but got \(PythonFormat.float(pctStart))")
            if case .integer(let i)? = try p.numberKeepingKind("pct_start") {
                throw p.error("pct_start", "Expected float between 0 and 1 pct_start, but got \(i) (torch rejects an int; write \(i).0)")
            }
            let cosine = try p.string("anneal_strategy") {
                "anneal_strategy must be one of 'cos' or 'linear', instead got \($0)"
            } == "cos"
            let maxLRs = try TorchCommon.perGroup(p, "max_lr", groups: lrs.count)
            let cycleMomentum = try p.bool("cycle_momentum")
            // torch reads (and checks the lengths of) the momenta only when it cycles them.
            let maxMomenta = cycleMomentum ? try TorchCommon.perGroup(p, "max_momentum", groups: lrs.count) : Array(repeating: 0.95, count: lrs.count)
            let baseMomenta = cycleMomentum ? try TorchCommon.perGroup(p, "base_momentum", groups: lrs.count) : Array(repeating: 0.85, count: lrs.count)
            let divFactor = try p.number("div_factor"), finalDivFactor = try p.number("final_div_factor")
            let threePhase = try p.bool("three_phase")
            let perGroup = lrs.indices.map { g in
                TorchOneCycleLR(
                    lr: lrs[g], maxLR: maxLRs[g], totalSteps: total, pctStart: pctStart,
                    cosine: cosine, cycleMomentum: cycleMomentum,
                    baseMomentum: baseMomenta[g], maxMomentum: maxMomenta[g],
                    divFactor: divFactor, finalDivFactor: finalDivFactor, threePhase: threePhase)
            }
            return try TorchGroups.schedules(perGroup, p)
        })
}
