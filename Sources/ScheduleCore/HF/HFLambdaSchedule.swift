/// A transformers schedule built as `torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)`.
///
/// `LambdaLR` sets the learning rate to `base_lr * lr_lambda(last_epoch)`, with `last_epoch`
/// 0 at construction and `t` after `t` calls of `scheduler.step()`; so
/// `values[t] = lr * lr_lambda(t)`, computed in that order. The lambdas are pure functions of
/// the step, hence closed forms.
protocol HFLambdaSchedule: RaisingClosedFormSchedule {
    /// The optimizer's initial learning rate (`base_lr`).
    var lr: Double { get }

    /// The schedule's `lr_lambda(t)`, mirroring the Python float operations.
    func lambda(_ step: Int) throws(PythonRaise) -> Double
}

extension HFLambdaSchedule {
    func checkedValue(at step: Int) throws(PythonRaise) -> Double {
        lr * (try lambda(step))
    }
}
