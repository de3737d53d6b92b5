/// `torch.optim.lr_scheduler.SequentialLR`: hands the optimizer to each of `schedulers` in
/// turn, switching at `milestones`.
struct TorchSequentialLR: TorchScheduler {
    var lr: Double
    var schedulers: [any TorchScheduler]
    var milestones: [Int]

    var cyclesMomentum: Bool { schedulers.contains { $0.cyclesMomentum } }

    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler {
        // The children are built first, in order, on the same optimizer (as the caller of
        // torch's SequentialLR does), then wrapped.
        let children = try schedulers.map { try $0.construct(on: group) }
        let s = Scheduler(group: group, children: children, milestones: milestones)
        try s.attachSequential()
        return s
    }

    /// The milestones, and each child's own breakpoints shifted to where it starts.
    func breakpoints(below steps: Int) -> [Int] {
        var out = Set(milestones.filter { $0 > 0 && $0 < steps })
        for (i, child) in schedulers.enumerated() {
            let start = i == 0 ? 0 : milestones[i - 1]
            let end = i < milestones.count ? milestones[i] : steps
            guard start >= 0, end > start else { continue }
            for b in child.breakpoints(below: end - start) where start + b < steps { out.insert(start + b) }
        }
        return out.sorted()
    }

    final class Scheduler: TorchLRScheduler {
        let children: [TorchLRScheduler]
        let milestones: [Int]

        init(group: TorchParamGroup, children: [TorchLRScheduler], milestones: [Int]) {
            self.children = children
            self.milestones = milestones
            super.init(group: group)
        }

        override var torchName: String { "SequentialLR" }

        /// `SequentialLR.__init__`: reset the lr to `initial_lr`, undo every child's initial step,
        /// and redo the first child's.
        func attachSequential() throws {
            lastEpoch = 0
            group.lr = group.initialLR ?? group.lr
            undoInitialStep()
            if let first = children.first {
                try first.initialStep()
                lastLR = first.lastLR
            }
        }

        override func undoInitialStep() {
            for child in children { child.undoInitialStep() }
        }

        override func step() throws {
            lastEpoch += 1
            let index = TorchCommon.bisectRight(milestones, lastEpoch)
            guard index < children.count else {
                throw PythonRaise("IndexError", "list index out of range")
            }
            let child = children[index]
            if index > 0 && milestones[index - 1] == lastEpoch {
                try child.updateLR(epoch: 0)
            } else {
                try child.step()
            }
            lastLR = child.lastLR
        }
    }
}

extension ScheduleType {
    /// `torch.SequentialLR` — see ``TorchSequentialLR``.
    public static let torchSequentialLR = ScheduleType(
        name: "torch.SequentialLR",
        summary: "Runs torch schedulers one after another, switching at milestones.",
        formula: """
            As torch: the children are built in order on one optimizer (each constructor steps once), \
            then SequentialLR resets lr to initial_lr, undoes each child's initial step (last_epoch −= 1) \
            and redoes the first child's. Round t steps child i = bisect_right(milestones, t); at t = \
            milestones[i−1] exactly, child i jumps to its epoch 0 (its closed form, if it has one, else \
            get_lr()) instead of stepping. Nested schedulers take no "lr": they share this one.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("schedulers", .scheduleList, .required, "The torch schedulers to run in turn (objects without \"lr\")."),
            ParameterSpec("milestones", .integerList, .required, "Steps at which the next scheduler takes over (one fewer than schedulers)."),
            TorchCommon.lastEpochSpec,
        ],
        make: { p in
            let lr = try TorchCommon.lr(p)
            let children = try TorchCommon.children(p, lr: lr)
            try p.check(!children.isEmpty, "schedulers", "SequentialLR expects at least one scheduler, but got no scheduler.")
            for (i, child) in children.enumerated() where child.usesMetrics {
                throw p.error("schedulers", "SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index \(i) in the given schedulers sequence.")
            }
            let milestones = try p.integerList("milestones")
            try p.check(milestones.count == children.count - 1, "milestones", "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers \(children.count) and the number of milestones to be equal to \(milestones.count)")
            let s = TorchSequentialLR(lr: lr, schedulers: children, milestones: milestones)
            try s.validateConstruction(p)
            return s
        })
}
