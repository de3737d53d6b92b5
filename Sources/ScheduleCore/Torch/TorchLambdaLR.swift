/// `torch.optim.lr_scheduler.LambdaLR`: the initial learning rate times `lr_lambda(epoch)`.
struct TorchLambdaLR: TorchScheduler {
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

        override var torchName: String { "LambdaLR" }

        override func getLR() throws -> Double {
            baseLR * (try lrLambda.evaluate(["epoch": .int(lastEpoch)]))
        }
    }
}

extension ScheduleType {
    /// `torch.LambdaLR` — see ``TorchLambdaLR``.
    public static let torchLambdaLR = ScheduleType(
        name: "torch.LambdaLR",
        summary: "The initial learning rate times lr_lambda(epoch), a Python expression.",
        formula: """
            lr_t = initial_lr · lr_lambda(t), with t the int step (epoch) and lr_lambda evaluated with \
            Python's semantics (int // int floors, ** of ints stays int, …). Defined for every t; a \
            Python exception in lr_lambda ends the series there (at step 0: an error).
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("lr_lambda", .expressionPerGroup(variable: "epoch"), .required, "A Python expression in `epoch` giving the multiplicative factor, e.g. \"0.95 ** epoch\"; a list gives one per parameter group."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let lambdas = try TorchCommon.lambdas(p, groups: lrs.count)
            return try TorchGroups.schedules(zip(lrs, lambdas).map { TorchLambdaLR(lr: $0, lrLambda: $1) }, p)
        })
}
