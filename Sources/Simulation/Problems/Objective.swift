/// A problem being trained: the loss of each step's batch and what validation measures.
protocol Objective {
    /// The parameters before the first update.
    var initialParameters: [Double] { get }

    /// The loss of this step's batch at `w`, with its gradient written into `gradient`;
    /// then moves on to the next step's batch.
    mutating func trainingLoss(_ w: [Double], gradient: inout [Double]) -> Double

    /// Validation loss and accuracy at `w`, or `nil` for problems without a validation set.
    func validate(_ w: [Double]) -> (loss: Double, accuracy: Double)?

    /// The value a metric-driven schedule receives after an update that produced `w`.
    func plateauMetric(_ w: [Double]) -> Double
}
