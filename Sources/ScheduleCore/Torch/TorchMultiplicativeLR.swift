/// `torch.optim.lr_scheduler.MultiplicativeLR`: multiplies the learning rate by
/// `lr_lambda(epoch)` at every step after the first.
struct TorchMultiplicativeLR: TorchScheduler {
    var lr: Double
    var lrLambda: Expression

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let s = Scheduler(group: group, lrLambda: lrLambda)
        try s.attach()
        return s
    }

    final class Scheduler: TorchLRScheduler {
        let lrLambda: Expression

        init(group: TorchParamGroup, lrLambda: Expression) {
            self.lrLambda = lrLambda
            super.init(group: group)
        }

        override var torchName: String { "MultiplicativeLR" }

        override func getLR() throws -> Double {
            if isInitial { return group.lr }
            return group.lr * (try lrLambda.evaluate(["epoch": .int(lastEpoch)]))
        }
    }
}

extension ScheduleType {
    /// `torch.MultiplicativeLR` — see ``TorchMultiplicativeLR``.
    public static let torchMultiplicativeLR = ScheduleType(
        name: "torch.MultiplicativeLR",
        summary: "Multiplies the learning rate by lr_lambda(epoch), a Python expression, at every step.",
        formula: """
            lr_0 = lr (lr_lambda is not called at construction); lr_t = lr_{t-1} · lr_lambda(t) for t ≥ 1, \
            with Python's semantics. A Python exception in lr_lambda ends the series at that step.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("lr_lambda", .expressionPerGroup(variable: "epoch"), .required, "A Python expression in `epoch` giving the factor for that step, e.g. \"0.95\"; a list gives one per parameter group."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let lambdas = try TorchCommon.lambdas(p, groups: lrs.count)
            return try TorchGroups.schedules(zip(lrs, lambdas).map { TorchMultiplicativeLR(lr: $0, lrLambda: $1) }, p)
        })
}
