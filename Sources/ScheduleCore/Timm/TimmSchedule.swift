/// A timm scheduler (`timm.scheduler.Scheduler` subclass) stepped with `scheduler.step(t)`.
///
/// `values[0]` is the learning rate right after construction: the optimizer's `lr`, or
/// `warmup_lr_init` when `warmup_t` is non-zero (the constructors set it). `values[t]` for
/// `t ≥ 1` is `_get_lr(t)`, which timm writes into the optimizer:
/// - with `t_in_epochs = true` (the default) through `step(t)`, which train.py calls at the end
///   of each epoch: `t` counts epochs;
/// - with `t_in_epochs = false` through `step_update(num_updates = t)`, which train.py calls
///   after every optimizer update (`step(t)` then does nothing): `t` counts optimizer updates.
///
/// Either way the value at step `t` is `_get_lr(t)`; `t_in_epochs` says what a step is.
///
/// A group with an `lr_scale` (timm's layer-wise decay) gets every value times its scale, as
/// timm's `update_groups` writes it.
protocol TimmSchedule: RaisingClosedFormSchedule {
    /// The learning rate right after construction.
    var initialValue: Double { get }

    /// timm's `t_in_epochs`: steps are epochs (`true`) or optimizer updates (`false`).
    var tInEpochs: Bool { get }

    /// The linear warm-up (`warmup_t`, `warmup_lr_init`).
    var warmup: TimmWarmup { get }

    /// timm's `_get_lr(t)` for the parameter group.
    func scheduledValue(at t: Int) throws(PythonRaise) -> Double

    /// The group's `lr_scale`, or `nil` when the group has none.
    var lrScale: Double? { get set }
}

extension TimmSchedule {
    func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        let value = step == 0 ? initialValue : try scheduledValue(at: step)
        guard let lrScale else { return value }
        return value * lrScale
    }
}
