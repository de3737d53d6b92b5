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
