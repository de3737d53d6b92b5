/// An ``InlineProblem`` trained full-batch; metric-driven schedules receive the full-batch
/// training loss after each update (there is no validation set).
struct InlineObjective: Objective {
    let problem: InlineProblem

    var initialParameters: [Double] { problem.initialWeights }

    mutating func trainingLoss(_ w: [Double], gradient: inout [Double]) -> Double {
        gradient.withUnsafeMutableBufferPointer { problem.lossAndGradient(w, gradient: $0) }
    }

    func validate(_ w: [Double]) -> (loss: Double, accuracy: Double)? { nil }

    func plateauMetric(_ w: [Double]) -> Double { problem.lossAndGradient(w, gradient: nil) }
}
