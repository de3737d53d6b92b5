/// `torch.optim.lr_scheduler.ChainedScheduler`: steps every one of `schedulers` in each round,
/// so their (chainable) changes compound.
struct TorchChainedScheduler: TorchScheduler {
    var lr: Double
    var schedulers: [any TorchScheduler]

    var cyclesMomentum: Bool { schedulers.contains { $0.cyclesMomentum } }

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        let children = try schedulers.map { try $0.construct(on: group) }
        let s = Scheduler(group: group, children: children)
        s.lastLR = group.lr
        return s
    }

    func breakpoints(below steps: Int) -> [Int] {
        Array(Set(schedulers.flatMap { $0.breakpoints(below: steps) })).sorted()
    }

    final class Scheduler: TorchLRScheduler {
        let children: [TorchLRScheduler]

        init(group: TorchParamGroup, children: [TorchLRScheduler]) {
            self.children = children
            super.init(group: group)
        }

        override var torchName: String { "ChainedScheduler" }

        override func undoInitialStep() {
            for child in children { child.undoInitialStep() }
        }

        override func step() throws {
            for child in children { try child.step() }
            lastLR = group.lr
        }
    }
}

extension ScheduleType {
    /// `torch.ChainedScheduler` — see ``TorchChainedScheduler``.
    public static let torchChainedScheduler = ScheduleType(
        name: "torch.ChainedScheduler",
        summary: "Steps several torch schedulers together on one optimizer; their changes compound.",
        formula: """
            As torch: the children are built in order on one optimizer (each constructor's initial step \
            applies, e.g. ConstantLR's factor), values[0] is the resulting lr, and each round calls every \
            child's step() in order, each acting on the lr the previous one left. Nested schedulers take \
            no "lr": they share this one.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("schedulers", .scheduleList, .required, "The torch schedulers to step together (objects without \"lr\")."),
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let children = try TorchCommon.children(p, groups: lrs.count)
            try p.check(!(children.first ?? []).isEmpty, "schedulers", "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.")
            for (i, child) in children[0].enumerated() where child.usesMetrics {
                throw p.error("schedulers", "ChainedScheduler does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index \(i) in the given schedulers sequence.")
            }
            return try TorchGroups.schedules(lrs.indices.map { g in TorchChainedScheduler(lr: lrs[g], schedulers: children[g]) }, p)
        })
}
