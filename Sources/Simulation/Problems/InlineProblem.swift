import Foundation
import ScheduleCore

/// A small problem written into the spec: a linear model without bias, trained full-batch
/// (the convention of the reference runs in `optimizers.json`).
///
/// With rows xᵢ of `features` (N rows, d columns) and logits zᵢ = xᵢ · w:
/// - `logistic`: mean binary cross-entropy with logits, targets yᵢ in [0, 1], w of length d:
///   ℓᵢ = (1 − yᵢ)·zᵢ + mᵢ + log(exp(−mᵢ) + exp(−zᵢ − mᵢ)) with mᵢ = max(−zᵢ, 0)
///   (= (1 − yᵢ)·zᵢ − log σ(zᵢ), stable); ∂ℓ/∂zᵢ = (σ(zᵢ) − yᵢ)/N.
/// - `mse`: mean of (zᵢ − yᵢ)², w of length d; ∂ℓ/∂zᵢ = 2(zᵢ − yᵢ)/N.
/// - `softmax`: mean cross-entropy over classes, targets are class indices, w a d × classes
///   matrix (row-major here); see ``SoftmaxNetwork``.
///
/// loss = (1/N) Σ ℓᵢ; gradient ∂loss/∂w = Σᵢ xᵢ ∂ℓ/∂zᵢ.
public struct InlineProblem: Sendable, Equatable {
    /// The loss function.
    public enum Loss: String, Sendable, Equatable, CaseIterable {
        case logistic, mse, softmax
    }

    public var loss: Loss
    /// N × d, row-major.
    public var features: [Double]
    public var rowCount: Int
    public var featureCount: Int
    /// One target per row (class indices, as numbers, for `softmax`).
    public var targets: [Double]
    /// Number of classes (`softmax`), else 1.
    public var classCount: Int
    /// The starting weights, flat: d values, or d × classes row-major for `softmax`.
    public var initialWeights: [Double]

    /// Mean loss at `w`; writes the gradient into `gradient` when given.
    func lossAndGradient(_ w: [Double], gradient: UnsafeMutableBufferPointer<Double>?) -> Double {
        let n = rowCount, d = featureCount
        switch loss {
        case .softmax:
            let network = SoftmaxNetwork(inputs: d, hidden: nil, classes: classCount, bias: false, activation: .tanh)
            let labels = targets.map { Int($0) }
            return network.evaluate(w, x: features, labels: labels, rows: Array(0..<n)[...], gradient: gradient).loss
        case .logistic, .mse:
            if let g = gradient { g.update(repeating: 0) }
            var sum = 0.0
            let scale = 1 / Double(n)
            for i in 0..<n {
                var z = 0.0
                for j in 0..<d { z += features[i * d + j] * w[j] }
                let y = targets[i]
                let dz: Double
                if loss == .logistic {
                    let m = Swift.max(-z, 0)
                    sum += (1 - y) * z + m + Foundation.log(Foundation.exp(-m) + Foundation.exp(-z - m))
                    let sigmoid = z >= 0 ? 1 / (1 + Foundation.exp(-z)) : Foundation.exp(z) / (1 + Foundation.exp(z))
                    dz = (sigmoid - y) * scale
                } else {
                    let r = z - y
                    sum += r * r
                    dz = 2 * r * scale
                }
                if let g = gradient {
                    for j in 0..<d { g[j] += features[i * d + j] * dz }
                }
            }
            return sum / Double(n)
        }
    }

    /// The most weights an inline problem may have (d, or d × classes for `softmax`): 10⁶, 8 MB,
    /// with the optimizer's state a few times that.
    public static let maxParameters = 1_000_000

    /// Parameter declarations of the `"problem"` object.
    public static let parameters: [ParameterSpec] = [
        .choice("loss", Loss.allCases.map(\.rawValue), "logistic (binary cross-entropy with logits), mse, or softmax (cross-entropy)."),
        ParameterSpec("features", .json, .required, "Rows of the design matrix: [[x₁₁, …, x₁d], …]."),
        ParameterSpec("targets", .numberList, .required, "One target per row: 0/1 (logistic), a number (mse), a class index (softmax)."),
        ParameterSpec("initial_weights", .json, .none,
                      "Starting weights: d numbers, or d rows of one number per class for softmax (default zeros)."),
    ]

    /// Decodes a `"problem"` object at `path`.
    static func decode(_ members: [(key: String, value: JSONValue)], path: String) throws -> InlineProblem {
        let p = try Parameters(validating: members, typeName: "the problem", path: path, specs: parameters)
        let loss = Loss(rawValue: try p.string("loss")) ?? .mse
        guard let featuresValue = try p.raw("features") else { throw p.error("features", "expected a list of rows, found null") }
        if case .array(let items) = featuresValue, let empty = items.firstIndex(of: .array([])) {
            throw ScheduleError(path: "\(p.path(of: "features"))[\(empty)]",
                                "a row needs at least one feature (a number), found []")
        }
        let rows = try matrix(featuresValue, at: p.path(of: "features"))
        guard let d = rows.first?.count, d > 0 else {
            throw p.error("features", "expected at least one row of at least one number")
        }
        let targets = try p.numberList("targets")
        try p.check(targets.count == rows.count, "targets", "expected one target per row of features (\(rows.count)), found \(targets.count)")
        var classes = 1
        switch loss {
        case .softmax:
            for (i, y) in targets.enumerated() where !(y >= 0 && y == y.rounded() && y < 1e6) {
                throw ScheduleError(path: "\(p.path(of: "targets"))[\(i)]", "expected a class index (a whole number ≥ 0), found \(y)")
            }
            classes = Int(targets.max() ?? 0) + 1
            if let i = targets.firstIndex(where: { d * (Int($0) + 1) > maxParameters }) {
                throw ScheduleError(path: "\(p.path(of: "targets"))[\(i)]",
                                    "class \(Int(targets[i])) needs a \(d) × \(Int(targets[i]) + 1) weight matrix, over the \(maxParameters) weights an inline problem may have; number the classes from 0")
            }
        case .logistic:
            for (i, y) in targets.enumerated() where !(y >= 0 && y <= 1) {
                throw ScheduleError(path: "\(p.path(of: "targets"))[\(i)]",
                                    "expected a probability in [0, 1] for the logistic loss (binary cross-entropy), found \(y)")
            }
        case .mse:
            break
        }
        var weights: [Double]
        if let raw = try p.raw("initial_weights") {
            let at = p.path(of: "initial_weights")
            if loss == .softmax {
                let m = try matrix(raw, at: at)
                try p.check(m.count == d, "initial_weights", "expected \(d) rows (one per feature), found \(m.count)")
                let width = m[0].count
                try p.check(width >= classes, "initial_weights",
                            "expected at least \(classes) columns (targets go up to class \(classes - 1)), found \(width)")
                classes = width
                weights = m.flatMap { $0 }
            } else {
                weights = try vector(raw, at: at)
                try p.check(weights.count == d, "initial_weights", "expected \(d) numbers (one per feature), found \(weights.count)")
            }
        } else {
            weights = [Double](repeating: 0, count: d * classes)
        }
        return InlineProblem(loss: loss, features: rows.flatMap { $0 }, rowCount: rows.count, featureCount: d,
                             targets: targets, classCount: classes, initialWeights: weights)
    }

    static func number(_ value: JSONValue, at path: String) throws -> Double {
        guard let d = value.doubleValue, d.isFinite else {
            throw ScheduleError(path: path, "expected a number, found \(value.kindDescription)")
        }
        return d
    }

    static func vector(_ value: JSONValue, at path: String) throws -> [Double] {
        guard case .array(let items) = value else {
            throw ScheduleError(path: path, "expected a list of numbers, found \(value.kindDescription)")
        }
        return try items.enumerated().map { i, item in try number(item, at: "\(path)[\(i)]") }
    }

    /// A non-empty rectangular list of lists of numbers.
    static func matrix(_ value: JSONValue, at path: String) throws -> [[Double]] {
        guard case .array(let items) = value, !items.isEmpty else {
            throw ScheduleError(path: path, "expected a non-empty list of rows (lists of numbers), found \(value.kindDescription)")
        }
        let rows = try items.enumerated().map { i, item in try vector(item, at: "\(path)[\(i)]") }
        for (i, row) in rows.enumerated() where row.count != rows[0].count || row.isEmpty {
            throw ScheduleError(path: "\(path)[\(i)]", "expected \(rows[0].count) numbers like the first row, found \(row.count)")
        }
        return rows
    }
}
