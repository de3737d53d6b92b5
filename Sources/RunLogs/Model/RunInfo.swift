/// What a log says about the run itself, beyond its series (for the report).
///
/// transformers' `trainer_state.json` records these; other formats leave them `nil`.
public struct RunInfo: Sendable, Equatable {
    /// `max_steps`: the optimizer steps the run was set to take.
    public var maxSteps: Int?
    /// `num_train_epochs`.
    public var numTrainEpochs: Double?
    /// `logging_steps`: how often the trainer logged.
    public var loggingSteps: Int?
    /// `train_batch_size`: the per-device batch size.
    public var trainBatchSize: Int?
    /// `global_step` when the state was written.
    public var globalStep: Int?

    public init(maxSteps: Int? = nil, numTrainEpochs: Double? = nil, loggingSteps: Int? = nil,
                trainBatchSize: Int? = nil, globalStep: Int? = nil) {
        self.maxSteps = maxSteps
        self.numTrainEpochs = numTrainEpochs
        self.loggingSteps = loggingSteps
        self.trainBatchSize = trainBatchSize
        self.globalStep = globalStep
    }
}
