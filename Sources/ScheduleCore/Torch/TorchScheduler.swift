/// A PyTorch scheduler spec: builds torch's scheduler object on an optimizer param group.
///
/// `values[t]` is the optimizer's `lr` after `t` rounds of `optimizer.step(); scheduler.step()`
/// (`values[0]` right after construction), computed step by step with torch's own recursive
/// `get_lr()` arithmetic on a model of the optimizer's param group (``TorchParamGroup``).
protocol TorchScheduler: Schedule {
    /// The optimizer's initial learning rate (for nested schedulers: the parent's).
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

    /// Runs the constructor once on a fresh group, turning what torch would raise into a
    /// ``ScheduleError`` (called by each type's `make`).
    func validateConstruction(_ p: Parameters) throws {
        do {
            _ = try construct(on: TorchParamGroup(lr: lr))
        } catch {
            throw ScheduleError(path: p.path, "torch raises \(error) while constructing \(p.typeName) (its initial step)")
        }
    }
}
