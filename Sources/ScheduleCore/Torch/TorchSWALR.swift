import Foundation

/// `torch.optim.swa_utils.SWALR`: anneals the learning rate to `swa_lr` over `anneal_epochs`
/// steps, then holds it.
struct TorchSWALR: TorchScheduler {
    var lr: Double
    var swaLR: Double
    var annealEpochs: Int
    var cosine: Bool

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(spec: self, group: group)
        try s.attach()
        return s
    }

    func breakpoints(below steps: Int) -> [Int] { annealEpochs > 0 && annealEpochs < steps ? [annealEpochs] : [] }

    final class Scheduler: TorchLRScheduler {
        let spec: TorchSWALR

        init(spec: TorchSWALR, group: TorchParamGroup) {
            self.spec = spec
            super.init(group: group)
        }

        override var torchName: String { "SWALR" }

        override func attach() throws {
            group.swaLR = spec.swaLR
            try super.attach()
        }

        private func anneal(_ t: Double) -> Double {
            spec.cosine ? (1 - cos(Double.pi * t)) / 2 : t
        }

        override func getLR() throws -> Double {
            let swa = group.swaLR ?? spec.swaLR
            var step = stepCount - 1
            if spec.annealEpochs == 0 { step = max(1, step) }
            let span = Double(max(1, spec.annealEpochs))
            let prevT = max(0, min(1, Double(step - 1) / span))
            let prevAlpha = anneal(prevT)
            let prevLR = prevAlpha == 1 ? swa : try PythonMath.divide(group.lr - prevAlpha * swa, 1 - prevAlpha)
            let t = max(0, min(1, Double(step) / span))
            let alpha = anneal(t)
            return swa * alpha + prevLR * (1 - alpha)
        }
    }
}

extension ScheduleType {
    /// `torch.SWALR` — see ``TorchSWALR``.
    public static let torchSWALR = ScheduleType(
        name: "torch.SWALR",
        summary: "Anneals the learning rate to swa_lr over anneal_epochs steps, then holds it (torch.optim.swa_utils).",
        formula: """
            Recursive, as torch: with s = _step_count − 1 (max(1, s) if anneal_epochs = 0), \
            α(t) = t (linear) or (1 − cos(π·t))/2 (cos), t_s = clamp(s/max(1, anneal_epochs), 0, 1): the \
            previous step's starting lr is recovered as (lr_{t-1} − α(t_{s−1})·swa_lr)/(1 − α(t_{s−1})) \
            (swa_lr when α = 1) and lr_t = swa_lr·α(t_s) + that·(1 − α(t_s)). values[0] = lr; it reaches \
            swa_lr at anneal_epochs and stays there.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("swa_lr", .numberPerGroup, .required, "The learning rate to anneal to; a list gives one per parameter group."),
            .integer("anneal_epochs", default: 10, "Steps in the annealing phase (a Python int: torch rejects 10.0)."),
            .choice("anneal_strategy", ["cos", "linear"], default: "cos", "Annealing strategy."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let swaLRs = try TorchCommon.perGroup(p, "swa_lr", groups: lrs.count)
            let cosine = try p.string("anneal_strategy") {
                "anneal_strategy must be one of 'cos' or 'linear', instead got \($0)"
            } == "cos"
            let epochs = try TorchCommon.pythonInt(p, "anneal_epochs") { "anneal_epochs must be equal or greater than 0, got \($0)" } ?? 10
            try p.check(epochs >= 0, "anneal_epochs", "anneal_epochs must be equal or greater than 0, got \(epochs)")
            return try TorchGroups.schedules(zip(lrs, swaLRs).map {
                TorchSWALR(lr: $0, swaLR: $1, annealEpochs: epochs, cosine: cosine)
            }, p)
        })
}
