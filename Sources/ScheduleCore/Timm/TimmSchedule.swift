/// A timm scheduler (`timm.scheduler.Scheduler` subclass) stepped with `scheduler.step(t)`.
///
/// `values[0]` is the learning rate right after construction: the optimizer's `lr`, or
/// `warmup_lr_init` when `warmup_t` is non-zero (the constructors set it). `values[t]` for
/// `t ≥ 1` is `_get_lr(t)`, written into the optimizer by `step(t)`. With
/// `t_in_epochs = false`, `step(t)` changes nothing (timm updates such schedulers only through
/// `step_update`), so every value is `values[0]`.
protocol TimmSchedule: RaisingClosedFormSchedule {
    /// The learning rate right after construction.
    var initialValue: Double { get }

    /// timm's `t_in_epochs`.
    var tInEpochs: Bool { get }

    /// timm's `_get_lr(t)` for the single parameter group.
    func scheduledValue(at t: Int) throws(PythonRaise) -> Double
}

extension TimmSchedule {
    func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        if step == 0 || !tInEpochs { return initialValue }
        return try scheduledValue(at: step)
    }
}
