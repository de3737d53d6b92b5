/// The training loop that drives a schedule, whose rules turn a data set, batch sizes,
/// processes and gradient accumulation into optimizer steps and scheduler steps.
///
/// Each case documents how that framework counts (read from its source; versions as in the
/// README). Where frameworks disagree, the schedule's own framework wins: a schedule is counted
/// by the trainer of its framework unless the training block names another.
///
/// | | batches per process per epoch `L` | optimizer steps per epoch | scheduler steps |
/// |---|---|---|---|
/// | transformers | `⌈N/B⌉` (`⌊N/B⌋` with `dataloader_drop_last`), sharded by accelerate: `⌈L₁/W⌉` (`⌊L₁/W⌋` with drop_last) | `max(⌈L/A⌉, 1)` | one per optimizer step |
/// | lightning | DistributedSampler `⌈N/W⌉` samples, then `⌈·/B⌉` (`⌊·/B⌋` with drop_last), × `limit_train_batches` | `⌈L/A⌉` | per epoch (default interval) or per optimizer step |
/// | accelerate | as transformers | `⌈L/A⌉` | `W` per optimizer step (the prepared scheduler), 1 with `split_batches` |
/// | timm | DistributedSampler `⌈N/W⌉`, always `drop_last=True`: `⌊·/B⌋` | `⌈L/A⌉` (`updates_per_epoch`) | per epoch, or per update (`sched_on_updates`) |
/// | deepspeed | DistributedSampler `⌈N/W⌉`, then `⌈·/B⌉` (`⌊·/B⌋` with dataloader_drop_last) | accumulation runs across epochs: `⌊E·L/A⌋` in all | one per optimizer step |
/// | keras | `⌈N/(B·W)⌉` batches of the global batch (`fit(batch_size)` is global) | every batch (schedules see batches even with `gradient_accumulation_steps`) | the schedule reads `optimizer.iterations` |
/// | mmengine | DefaultSampler `⌈N/W⌉`, then `⌈·/B⌉` (`⌊·/B⌋` with drop_last) | — (the axis is iterations) | per iteration or per epoch, whatever the accumulation |
/// | pytorch | DistributedSampler `⌈N/W⌉`, then `⌈·/B⌉` (`⌊·/B⌋` with drop_last) | `⌈L/A⌉` | one per optimizer step (or per epoch with `"interval": "epoch"`) |
public enum Trainer: String, Sendable, CaseIterable, Equatable {
    /// transformers' `Trainer` (5.24): `set_initial_training_values`, `get_warmup_steps`; its
    /// scheduler is stepped once per optimizer step (it is not passed to `accelerator.prepare`).
    case transformers
    /// Lightning's `Trainer` (2.6): `num_training_batches`, `estimated_stepping_batches`, and
    /// `lr_scheduler` configs stepped per `interval` ("epoch" by default) and `frequency`.
    case lightning
    /// A user loop on 🤗 Accelerate (1.15) with a prepared scheduler (`AcceleratedScheduler`).
    case accelerate
    /// timm's `train.py`: `updates_per_epoch`, `create_scheduler_v2`, `step`/`step_update`.
    case timm
    /// A DeepSpeed engine (0.19.8) stepping its configured scheduler at each optimizer step.
    case deepspeed
    /// Keras 3 `model.fit`: the schedule reads the optimizer's batch counter.
    case keras
    /// A mmengine `Runner` (0.10.7): `ParamSchedulerHook` after each iteration and epoch.
    case mmengine
    /// A plain PyTorch DDP loop: DistributedSampler, an optimizer step every `grad_accum`
    /// batches and at the end of the epoch, `scheduler.step()` after each optimizer step.
    case pytorch

    /// The trainer a schedule's framework implies: `hf.*` → transformers, `timm.*` → timm,
    /// `keras.*` → keras, `deepspeed.*` → deepspeed, `mmengine.*` → mmengine, others → pytorch.
    public static func `default`(forFramework framework: String) -> Trainer {
        switch framework {
        case "hf": return .transformers
        case "timm": return .timm
        case "keras": return .keras
        case "deepspeed": return .deepspeed
        case "mmengine": return .mmengine
        default: return .pytorch
        }
    }

    /// How a step on this trainer's axis is called in derivations.
    public var stepName: String {
        switch self {
        case .keras: return "batch"
        case .mmengine: return "iteration"
        case .timm: return "update"
        default: return "optimizer step"
        }
    }
}
