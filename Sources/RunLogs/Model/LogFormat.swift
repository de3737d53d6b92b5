/// The kind of log a file holds.
///
/// ``LogDetector`` decides it from the file's content first (a TFRecord header whose length CRC
/// checks, a JSON object with `log_history`, a CSV header, `timestamp value step` lines) and its
/// name second (`trainer_state.json`, `metrics.csv`, `summary.csv`, `events.out.tfevents.*`).
public enum LogFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Hugging Face transformers' `trainer_state.json`: `log_history` entries with
    /// `learning_rate` at `step`, mixed with evaluation and summary entries.
    case trainerState = "hf-trainer-state"
    /// TensorBoard event files (`events.out.tfevents.*`): TFRecord records of `Event` protobufs.
    case tensorBoard = "tensorboard"
    /// PyTorch Lightning `CSVLogger`'s `metrics.csv`: a `step` column, one column per metric
    /// (`lr-<Optimizer>`, `lr-<Optimizer>/pg<i>`, `…-momentum`), empty cells where a row lacks one.
    case lightningCSV = "lightning-csv"
    /// timm `train.py`'s `summary.csv`: one row per epoch, an `epoch` column and `lr`.
    case timmSummary = "timm-summary"
    /// A Weights & Biases panel exported as CSV: `Step`, `"<run> - <metric>"` columns and their
    /// `__MIN` / `__MAX` companions.
    case wandbPanelCSV = "wandb-csv"
    /// An MLflow file-store metric file (`mlruns/<experiment>/<run>/metrics/<key>`):
    /// `<timestamp ms> <value> <step>` lines.
    case mlflowMetric = "mlflow-metric"
    /// One JSON object per line with a step field: detectron2 `metrics.json` (`iteration`),
    /// mmengine `scalars.json` (`step`), LLaMA-Factory `trainer_log.jsonl` (`current_steps`).
    case jsonLines = "json-lines"

    /// The format's name for messages ("TensorBoard event file", …).
    public var description: String {
        switch self {
        case .trainerState: return "Hugging Face trainer_state.json"
        case .tensorBoard: return "TensorBoard event file"
        case .lightningCSV: return "Lightning CSVLogger metrics.csv"
        case .timmSummary: return "timm summary.csv"
        case .wandbPanelCSV: return "W&B panel CSV export"
        case .mlflowMetric: return "MLflow metric file"
        case .jsonLines: return "JSON-lines log"
        }
    }
}
