import Testing
import ScheduleCore
@testable import Simulation

/// The inline losses and their gradients.
@Suite struct InlineProblemTests {
    func problem(_ text: String) throws -> InlineProblem {
        let spec = try SimulationSpec.decode(try json(#"{"optimizer": {"type": "torch.SGD"}, "problem": \#(text)}"#), path: "s")
        guard case .inline(let p) = spec.problem else { throw SimulationError(.unsupported, "not inline") }
        return p
    }

    func lossAndGradient(_ p: InlineProblem, _ w: [Double]) -> (Double, [Double]) {
        var g = [Double](repeating: 0, count: w.count)
        let loss = g.withUnsafeMutableBufferPointer { p.lossAndGradient(w, gradient: $0) }
        return (loss, g)
    }

    @Test func handWorkedValues() throws {
        // Logistic at w = 0: every logit 0, loss log 2, ∂/∂w = Σ xᵢ(½ − yᵢ)/N.
        let logistic = try problem(#"{"loss": "logistic", "features": [[1, 2], [3, -1]], "targets": [1, 0]}"#)
        let (l, gl) = lossAndGradient(logistic, [0, 0])
        #expect(abs(l - 0.6931471805599453) < 1e-15)
        #expect(gl == [(1 * -0.5 + 3 * 0.5) / 2, (2 * -0.5 + -1 * 0.5) / 2])
        // Large logits stay finite: z = (1000, 3000): losses 0 (right side) and 3000.
        let (big, _) = lossAndGradient(logistic, [1000, 0])
        #expect(big == 1500)
        // MSE: residuals (1·1 + 2·1 − 3, 3 − 1 − 0) = (0, 2): loss 2, gradient Σ 2rᵢxᵢ/N.
        let mse = try problem(#"{"loss": "mse", "features": [[1, 2], [3, -1]], "targets": [3, 0], "initial_weights": [1, 1]}"#)
        let (m, gm) = lossAndGradient(mse, mse.initialWeights)
        #expect(m == 2)
        #expect(gm == [6, -2])
        // Softmax at W = 0 over 3 classes: loss log 3.
        let softmax = try problem(#"{"loss": "softmax", "features": [[1, 2], [3, -1]], "targets": [2, 0]}"#)
        let (s, _) = lossAndGradient(softmax, softmax.initialWeights)
        #expect(abs(s - 1.0986122886681098) < 1e-15)
    }

    @Test(arguments: ["logistic", "mse", "softmax"])
    func gradientMatchesFiniteDifferences(_ loss: String) throws {
        let targets = loss == "softmax" ? "[0, 2, 1]" : loss == "logistic" ? "[1, 0, 1]" : "[0.5, -1, 2]"
        let p = try problem(#"{"loss": "\#(loss)", "features": [[1, 0.5], [-0.3, 2], [0.7, -1]], "targets": \#(targets)}"#)
        let w = (0..<p.initialWeights.count).map { 0.3 * Double($0) - 0.4 }
        let (_, g) = lossAndGradient(p, w)
        for i in w.indices {
            var plus = w, minus = w
            plus[i] += 1e-6
            minus[i] -= 1e-6
            let numeric = (p.lossAndGradient(plus, gradient: nil) - p.lossAndGradient(minus, gradient: nil)) / 2e-6
            #expect(abs(numeric - g[i]) < 1e-8, "w[\(i)]: \(numeric) vs \(g[i])")
        }
    }
}
