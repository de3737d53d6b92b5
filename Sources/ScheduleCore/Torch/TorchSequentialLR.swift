/// `torch.optim.lr_scheduler.SequentialLR`: hands the optimizer to each of `schedulers` in
/// turn, switching at `milestones`.
struct TorchSequentialLR: TorchScheduler {
    var lr: Double
    var schedulers: [any TorchScheduler]
    /// Ints in torch's signature, unchecked: a float milestone switches at the step past it but
    /// never restarts the next scheduler (torch restarts where `milestones[i] == last_epoch`).
    var milestones: [Double]

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
        let starts = [0] + milestones.map { Int(saturating: $0.rounded(.up)) }
        var out = Set(starts.dropFirst().filter { $0 > 0 && $0 < steps })
        for (i, child) in schedulers.enumerated() {
            let start = starts[i]
            let end = i + 1 < starts.count ? starts[i + 1] : steps
            guard start >= 0, end > start else { continue }
            for b in child.breakpoints(below: end - start) where start + b < steps { out.insert(start + b) }
        }
        return out.sorted()
    }

    final class Scheduler: TorchLRScheduler {
        let children: [TorchLRScheduler]
        let milestones: [Double]

        init(group: TorchParamGroup, children: [TorchLRScheduler], milestones: [Double]) {
            self.children = children
            self.milestones = milestones
            super.init(group: group)
        }

        override var torchName: String { "SequentialLR" }

        /// `SequentialLR.__init__` (torch 2.15): reset the lr to `initial_lr`, undo every child's
        /// initial step, and redo the initial step of the child active at step 0,
        /// `bisect_right(milestones, 0)` (the first one unless a milestone is 0).
        func attachSequential() throws {
            lastEpoch = 0
            group.lr = group.initialLR ?? group.lr
            undoInitialStep()
            let active = TorchCommon.bisectRight(milestones, 0)
            if active < children.count {
                try children[active].initialStep()
                lastLR = children[active].lastLR
            }
        }

        override func undoInitialStep() {
            for child in children { child.undoInitialStep() }
        }

        override func step() throws {
            lastEpoch += 1
            let index = TorchCommon.bisectRight(milestones, Double(lastEpoch))
            guard index < children.count else {
                throw PythonRaise("IndexError", "list index out of range")
            }
            let child = children[index]
            if index > 0 && milestones[index - 1] == Double(lastEpoch) {
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
            As torch 2.15: the children are built in order on one optimizer (each constructor steps once), \
            then SequentialLR resets lr to initial_lr, undoes each child's initial step (last_epoch −= 1) \
            and redoes the initial step of the child active at step 0, i = bisect_right(milestones, 0): the \
            first child, or a later one when milestones start at 0 (values[0] is then that child's start). \
            Round t steps child i = bisect_right(milestones, t); at t = milestones[i−1] exactly, child i \
            jumps to its epoch 0 (its closed form, if it has one, else get_lr()) instead of stepping. \
            Nested schedulers take no "lr": they share this one.
            """,
        parameters: [
            TorchCommon.lrSpec,
            ParameterSpec("schedulers", .scheduleList, .required, "The torch schedulers to run in turn (objects without \"lr\")."),
            ParameterSpec("milestones", .numberList, .required, "Steps at which the next scheduler takes over (one fewer than schedulers)."),
            TorchCommon.lastEpochSpec,
        ],
        makeGroups: { p in
            let lrs = try TorchCommon.learningRates(p)
            let children = try TorchCommon.children(p, groups: lrs.count)
            let count = children.first?.count ?? 0
            try p.check(count > 0, "schedulers", "SequentialLR expects at least one scheduler, but got no scheduler.")
            for (i, child) in children[0].enumerated() where child.usesMetrics {
                throw p.error("schedulers", "SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index \(i) in the given schedulers sequence.")
            }
            let milestones = try p.numberList("milestones")
            try p.check(milestones.count == count - 1, "milestones", "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers \(count) and the number of milestones to be equal to \(milestones.count)")
            return try TorchGroups.schedules(lrs.indices.map { g in
                TorchSequentialLR(lr: lrs[g], schedulers: children[g], milestones: milestones)
            }, p)
        })
}
