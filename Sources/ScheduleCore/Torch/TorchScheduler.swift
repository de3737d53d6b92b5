/// A PyTorch scheduler spec for one parameter group: builds torch's scheduler object on an
/// optimizer param group.
///
/// `values[t]` is the optimizer's `lr` after `t` rounds of `optimizer.step(); scheduler.step()`
/// (`values[0]` right after construction), computed step by step with torch's own recursive
/// `get_lr()` arithmetic on a model of the optimizer's param group (``TorchParamGroup``).
/// Several parameter groups are one such spec per group, stepped together by
/// ``TorchGroupSchedule``.
protocol TorchScheduler: Schedule {
    /// The group's initial learning rate (for nested schedulers: the parent's).
    var lr: Double { get }
    /// Runs the scheduler's constructor on `group` (which it may mutate, as torch's do).
    func construct(on group: TorchParamGroup) throws -> TorchLRScheduler
    /// Whether the scheduler cycles the optimizer's momentum.
    var cyclesMomentum: Bool { get }
}

extension TorchScheduler {
    var cyclesMomentum: Bool { false }
    var setsMomentum: Bool { cyclesMomentum }

    func start() -> any ScheduleState {
        let group = TorchParamGroup(lr: lr)
        do {
            return TorchState(group: group, scheduler: try construct(on: group), reportsMomentum: cyclesMomentum)
        } catch {
            // `make` constructs once to validate, so this is not reached in practice.
            return TorchState(group: group, scheduler: nil, reportsMomentum: cyclesMomentum, failure: "\(error)")
        }
    }
}

/// Parameter group `index` of a torch scheduler driving several groups: `groups[g]` is the
/// scheduler's spec for group `g` (its lr and per-group parameters).
///
/// Torch computes every group in one `step()`, in group order, and its schedulers never let
/// one group's value depend on another's (`ReduceLROnPlateau` shares its bad-epoch count and
/// cooldown, which depend on the metrics only, so each group's copy keeps the same count). So
/// group `index` is its own scheduler, stepped together with the others only so that the
/// series stops where torch raises for any group.
struct TorchGroupSchedule: Schedule {
    /// One scheduler spec per parameter group.
    let groups: [any TorchScheduler]
    /// The group this schedule reports.
    let index: Int

    var usesMetrics: Bool { groups[index].usesMetrics }
    var metrics: [Double]? { groups[index].metrics }
    var setsMomentum: Bool { groups[index].setsMomentum }

    func breakpoints(below steps: Int) -> [Int] { groups[index].breakpoints(below: steps) }

    func start() -> any ScheduleState {
        let models = groups.map { TorchParamGroup(lr: $0.lr) }
        do {
            let schedulers = try zip(groups, models).map { try $0.construct(on: $1) }
            return TorchState(group: models[index], scheduler: TorchGroupRound(schedulers, reporting: models[index]),
                              reportsMomentum: groups[index].cyclesMomentum)
        } catch {
            return TorchState(group: models[index], scheduler: nil, reportsMomentum: groups[index].cyclesMomentum, failure: "\(error)")
        }
    }
}

/// Building the per-group schedules of a torch type.
enum TorchGroups {
    /// Runs the constructors of `perGroup` (one spec per parameter group, group 0 first) as
    /// torch's one constructor would, turning what it raises into a ``ScheduleError``, and
    /// returns one schedule per group: the spec itself for a single group, else a
    /// ``TorchGroupSchedule`` per group.
    static func schedules(_ perGroup: [any TorchScheduler], _ p: Parameters) throws -> [any Schedule] {
        try validateConstruction(perGroup, p)
        if perGroup.count == 1 { return perGroup }
        return perGroup.indices.map { TorchGroupSchedule(groups: perGroup, index: $0) }
    }

    /// Runs every group's constructor once, turning what torch would raise into a
    /// ``ScheduleError`` (torch's constructor handles the groups in order).
    static func validateConstruction(_ perGroup: [any TorchScheduler], _ p: Parameters) throws {
        for spec in perGroup {
            do {
                _ = try spec.construct(on: TorchParamGroup(lr: spec.lr))
            } catch {
                throw ScheduleError(path: p.path, "torch raises \(error) while constructing \(p.typeName) (its initial step)")
            }
        }
    }

    /// The torch scheduler spec of group `group` in a schedule built for a nested torch object
    /// (a ``TorchScheduler`` for one group, a ``TorchGroupSchedule`` for several).
    static func spec(_ schedule: any Schedule, group: Int) -> (any TorchScheduler)? {
        if let view = schedule as? TorchGroupSchedule { return view.groups[group] }
        return group == 0 ? schedule as? any TorchScheduler : nil
    }
}
