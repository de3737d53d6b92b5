/// At which step a producer records the learning rate that applied to which optimizer step:
/// how a logged step maps to an index of lrplot's plan.
///
/// lrplot's plan follows the frameworks' own convention: for torch-style schedulers, plan
/// step `t` is the optimizer's learning rate after `t` rounds of `optimizer.step();
/// scheduler.step()`, i.e. the rate optimizer step `t + 1` (1-based) uses. A producer that
/// logs at global step `s` (after `s` optimizer steps) the rate the *next* step will use logs
/// plan step `s`; one that logs the rate of the step just taken logs plan step `s − 1`.
public struct StepConvention: Sendable, Equatable, CustomStringConvertible {
    /// A short identifier ("transformers<4.51", …).
    public var name: String
    /// What the producer does, in one sentence.
    public var summary: String
    /// Plan step = `epochScale · logged step + offset`, where `epochScale` is 1 for step logs
    /// and `steps_per_epoch` for per-epoch logs.
    public var offset: Int
    /// `true` when the logged step counts epochs and must be multiplied by `steps_per_epoch`
    /// to be a plan step.
    public var perEpoch: Bool
    /// For per-epoch logs: the offset is in epochs (`(epoch + epochOffset) · steps_per_epoch`),
    /// e.g. 1 for Keras, which logs at the end of epoch `e` the rate after `(e + 1)` epochs.
    public var epochOffset: Int
    /// Units in the last place of the log's precision by which the producer's own arithmetic
    /// may miss the exact value: 0 for producers that compute in float64 and round once when
    /// storing; Keras computes its schedules in float32, and TensorFlow's and XLA's float32
    /// kernels (`cos`, …) differ from each other and from `cosf` by an ulp or two.
    public var arithmeticUnits: Int

    public init(name: String, summary: String, offset: Int = 0, perEpoch: Bool = false, epochOffset: Int = 0,
                arithmeticUnits: Int = 0) {
        self.name = name
        self.summary = summary
        self.offset = offset
        self.perEpoch = perEpoch
        self.epochOffset = epochOffset
        self.arithmeticUnits = arithmeticUnits
    }

    /// The plan step the value logged at `loggedStep` is, or `nil` for a per-epoch log without
    /// `stepsPerEpoch` (when the plan itself is per epoch, pass 1).
    public func planStep(forLogged loggedStep: Int, stepsPerEpoch: Int?) -> Int? {
        if perEpoch {
            guard let spe = stepsPerEpoch else { return nil }
            return (loggedStep + epochOffset) * spe + offset
        }
        return loggedStep + offset
    }

    public var description: String { name }

    /// Logs at global step `s` the rate after `s` scheduler steps (the next step's rate): plan
    /// step `s`. Lightning's `LearningRateMonitor` (logged at batch start with the count of
    /// optimizer steps taken), detectron2 (`iteration` i logs the lr iteration i uses, then
    /// steps the scheduler) and transformers before 4.51.
    public static let nextStepRate = StepConvention(
        name: "plan step = logged step",
        summary: "the value logged at step s is the rate after s scheduler steps")

    /// transformers' `Trainer` before PR #36973 (merged 2025-03-26, first released in 4.51.0):
    /// `lr_scheduler.step()` ran before `_maybe_log_save_evaluate`, so `learning_rate` at
    /// `global_step` s was `get_last_lr()` after s scheduler steps: plan step s, the rate of
    /// step s + 1.
    public static let transformersBefore451 = StepConvention(
        name: "transformers < 4.51",
        summary: "Trainer logs at global step s the rate after s scheduler steps (the next step's rate)")

    /// transformers' `Trainer` since PR #36973 ("Log the correct learning rate", merged
    /// 2025-03-26, first in 4.51.0): `learning_rate = self._get_learning_rate()` is taken after
    /// `optimizer.step()` and before `lr_scheduler.step()`, then passed to
    /// `_maybe_log_save_evaluate` after `global_step += 1`, so `learning_rate` at `global_step`
    /// s is the rate optimizer step s used: plan step s − 1.
    public static let transformersSince451 = StepConvention(
        name: "transformers ≥ 4.51",
        summary: "Trainer logs at global step s the rate optimizer step s used (PR #36973)",
        offset: -1)

    /// mmengine: `RuntimeInfoHook.before_train_iter` records `train/lr` for iteration
    /// `runner.iter` (0-based) before it runs, and `LoggerHook` writes it with
    /// `step = runner.iter + 1`: plan step s − 1.
    public static let mmengine = StepConvention(
        name: "mmengine", summary: "logs at step s (1-based iteration) the rate of iteration s − 1 (0-based)",
        offset: -1)

    /// timm `train.py`: `update_summary(epoch, …, lr=mean of the param groups' lr)` after the
    /// epoch's updates and before `lr_scheduler.step(epoch + 1)`: for a per-epoch schedule the
    /// rate epoch `e` used, plan step e.
    public static let timmEpoch = StepConvention(
        name: "timm summary.csv", summary: "epoch e logs the rate epoch e trained with (before step(e + 1))")

    /// Keras's `TensorBoard` callback (`keras/src/callbacks/tensorboard.py`,
    /// `_log_epoch_metrics` and `_collect_learning_rate`): at the end of epoch `e` it writes
    /// `epoch_learning_rate` = `float(optimizer.learning_rate)` with `step=e`, and
    /// `optimizer.learning_rate` is the schedule evaluated at `optimizer.iterations` = (e + 1) ·
    /// steps_per_epoch, in float32 arithmetic: plan step (e + 1) · steps_per_epoch, within a
    /// few float32 ulps (``arithmeticUnits``).
    public static let kerasEpochEnd = StepConvention(
        name: "Keras TensorBoard", summary: "epoch e logs schedule(iterations) after the epoch: plan step (e + 1) · steps_per_epoch",
        perEpoch: true, epochOffset: 1, arithmeticUnits: 4)
}
