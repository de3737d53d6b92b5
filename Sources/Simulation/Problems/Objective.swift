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

/// A ``DigitsProblem`` being trained: the data, the network, the generator and the position
/// in the current epoch's permutation.
struct DigitsObjective: Objective {
    let problem: DigitsProblem
    let data: DigitsData
    let network: SoftmaxNetwork
    let initialParameters: [Double]
    private var rng: SplitMix64
    private var order: [Int]
    private var position: Int
    private let validationRows: ArraySlice<Int>

    init(problem: DigitsProblem, data: DigitsData) {
        self.problem = problem
        self.data = data
        self.network = problem.network
        var rng = SplitMix64(seed: problem.seed)
        self.initialParameters = network.initialParameters(&rng)
        self.rng = rng
        self.order = Array(0..<DigitsProblem.trainingCount)
        self.position = DigitsProblem.trainingCount  // shuffle before the first batch
        self.validationRows = Array(DigitsProblem.trainingCount..<data.count)[...]
    }

    mutating func trainingLoss(_ w: [Double], gradient: inout [Double]) -> Double {
        if position >= order.count {
            rng.shuffle(&order)
            position = 0
        }
        let end = Swift.min(position + problem.batchSize, order.count)
        let rows = order[position..<end]
        position = end
        return gradient.withUnsafeMutableBufferPointer {
            network.evaluate(w, x: data.features, labels: data.labels, rows: rows, gradient: $0).loss
        }
    }

    func validate(_ w: [Double]) -> (loss: Double, accuracy: Double)? {
        let (loss, correct) = network.evaluate(w, x: data.features, labels: data.labels, rows: validationRows, gradient: nil)
        return (loss, Double(correct) / Double(validationRows.count))
    }

    func plateauMetric(_ w: [Double]) -> Double { validate(w)?.loss ?? .nan }
}
