/// A model of `torch.optim.lr_scheduler.LRScheduler`: the base-class bookkeeping
/// (`last_epoch`, `_step_count`, `_is_initial`, `base_lrs`) and the `step()` /
/// `_update_lr()` / `_initial_step()` flow, on one ``TorchParamGroup``.
///
/// Subclasses override ``getLR()`` (torch's chainable `get_lr()`), ``closedFormLR()``
/// (`_get_closed_form_lr`, used when `_update_lr(epoch)` is called with an epoch, as
/// `SequentialLR` does at its milestones) and, where torch does, ``attach()`` and ``step()``.
class TorchLRScheduler {
    let group: TorchParamGroup
    /// `last_epoch`.
    var lastEpoch = -1
    /// `_step_count`.
    var stepCount = 0
    /// `_is_initial`: true during the step the constructor performs.
    var isInitial = false
    /// `base_lrs[0]`.
    var baseLR = 0.0
    /// `_last_lr[0]`.
    var lastLR = 0.0

    init(group: TorchParamGroup) {
        self.group = group
    }

    /// `LRScheduler.__init__(optimizer, last_epoch=-1)`: `initial_lr` set by `setdefault`,
    /// `base_lrs` read from it, then the initial step.
    func attach() throws {
        let initial = group.initialLR ?? group.lr
        group.initialLR = initial
        baseLR = initial
        lastEpoch = -1
        try initialStep()
    }

    /// `_initial_step()`: resets `_step_count` and steps in initial mode.
    func initialStep() throws {
        stepCount = 0
        isInitial = true
        defer { isInitial = false }
        try step()
    }

    /// `step()`.
    func step() throws {
        stepCount += 1
        try updateLR(epoch: nil)
    }

    /// `step(metrics)` for metric-driven schedulers; others ignore the metric.
    func step(metric: Double?) throws {
        try step()
    }

    /// `_update_lr(epoch)`: with an epoch, jumps there and uses the closed form if there is one.
    func updateLR(epoch: Int?) throws {
        let value: Double
        if let epoch {
            lastEpoch = epoch
            value = try closedFormLR() ?? getLR()
        } else {
            lastEpoch += 1
            value = try getLR()
        }
        group.lr = value
        lastLR = value
    }

    /// `get_lr()` (chainable form). The base class raises, as torch's does.
    func getLR() throws -> Double {
        throw PythonRaise("NotImplementedError", "\(torchName) has no get_lr(); torch raises NotImplementedError here (it cannot be restarted by SequentialLR at a milestone)")
    }

    /// `_get_closed_form_lr()`, or `nil` for schedulers that have none.
    func closedFormLR() throws -> Double? { nil }

    /// `SequentialLR.recursive_undo`: undoes the constructor's step.
    func undoInitialStep() { lastEpoch -= 1 }

    /// `isinstance(self, ReduceLROnPlateau)`.
    var isPlateau: Bool { false }

    /// The class name, for messages.
    var torchName: String { "LRScheduler" }
}
