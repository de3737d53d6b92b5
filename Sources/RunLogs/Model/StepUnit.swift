/// What a log's step counts.
public enum StepUnit: String, Sendable, Equatable {
    /// Optimizer steps (a global step: transformers, Lightning, torch `SummaryWriter` as used
    /// by most scripts, mmengine, MLflow, W&B).
    case step
    /// Iterations (detectron2's `iteration`): one per optimizer step there.
    case iteration
    /// Epochs (timm's `summary.csv`, Keras's `epoch_*` TensorBoard scalars).
    case epoch
}
