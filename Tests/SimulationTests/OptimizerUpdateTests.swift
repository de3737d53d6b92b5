import Testing
import Simulation

/// Each optimizer's update on small examples worked out by hand from torch's formulas.
@Suite struct OptimizerUpdateTests {
    /// Runs `optimizer` over the gradients `gradients` (one per step) from `start`.
    func trajectory<O: Optimizer>(_ optimizer: inout O, start: [Double], gradients: [[Double]], lr: Double,
                                  momentum: Double? = nil) -> (w: [Double], rates: [Double]) {
        var w = start
        var rates: [Double] = []
        for g in gradients {
            optimizer.step(parameters: &w, gradient: g, learningRate: lr, momentum: momentum, effectiveRates: &rates)
        }
        return (w, rates)
    }

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test func sgdMomentumDampeningWeightDecay() {
        var sgd = SGD(lr: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01)
        // Step 1: g' = g + 0.01·w = [0.51, 0.23]; buf = g' (no dampening on the first step); w −= 0.1·buf.
        var (w, _) = trajectory(&sgd, start: [1, -2], gradients: [[0.5, 0.25]], lr: 0.1)
        #expect(close(w[0], 0.949) && close(w[1], -2.023))
        // Step 2: g' = [0.50949, 0.22977]; buf = 0.9·buf + 0.9·g' = [0.917541, 0.413793].
        var rates: [Double] = []
        sgd.step(parameters: &w, gradient: [0.5, 0.25], learningRate: 0.1, momentum: nil, effectiveRates: &rates)
        #expect(close(w[0], 0.8572459) && close(w[1], -2.0643793))
        #expect(rates.isEmpty)
        #expect(!sgd.isAdaptive)
    }

    @Test func sgdNesterovAndPlain() {
        var nesterov = SGD(lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true)
        // g' = g + 0.01·w; buf = g'; step along g' + 0.9·buf = 1.9·g'.
        let (w, _) = trajectory(&nesterov, start: [1, -2], gradients: [[0.5, 0.25]], lr: 0.1)
        #expect(close(w[0], 0.9031) && close(w[1], -2.0437))
        var plain = SGD()
        let (v, _) = trajectory(&plain, start: [1], gradients: [[2], [2]], lr: 0.25)
        #expect(v == [0])
        var maximize = SGD(maximize: true)
        let (u, _) = trajectory(&maximize, start: [1], gradients: [[2]], lr: 0.25)
        #expect(u == [1.5])
    }

    @Test func sgdTakesCycledMomentum() {
        // A schedule that writes momentum 0.5 makes a momentum-free SGD keep a buffer.
        var sgd = SGD(lr: 1)
        let (w, _) = trajectory(&sgd, start: [0], gradients: [[1], [1]], lr: 1, momentum: 0.5)
        #expect(w == [-2.5])  // buf: 1, then 0.5 + 1 = 1.5
        #expect(sgd.momentum == 0.5)
    }

    @Test func adamTwoSteps() {
        var adam = Adam(lr: 0.1)
        // t=1: m = 0.05, v = 0.00025, bias corrections 0.1 and 0.001: w = 1 − 1·0.05/(0.5 + 1e-8).
        var (w, rates) = trajectory(&adam, start: [1], gradients: [[0.5]], lr: 0.1)
        #expect(close(w[0], 0.9000000019999999))
        #expect(close(rates[0], 0.19999999600000015))
        var r: [Double] = []
        adam.step(parameters: &w, gradient: [-0.25], learningRate: 0.1, momentum: nil, effectiveRates: &r)
        // t=2: m = 0.02, v = 0.00031225, bias corrections 0.19 and 0.001999.
        #expect(close(w[0], 0.8733662987078462))
        #expect(close(r[0], 0.25302018127545933))
        #expect(adam.stepCount == 2)
        #expect(adam.isAdaptive)
    }

    @Test func adamWeightDecayCoupledVersusDecoupled() {
        var adam = Adam(lr: 0.1, weightDecay: 0.1)
        var adamW = Adam(lr: 0.1, weightDecay: 0.1, decoupledWeightDecay: true)
        // Adam: g = 0.5 + 0.1·1 = 0.6 enters the moments; the first step is still ≈ −lr.
        let (a, _) = trajectory(&adam, start: [1], gradients: [[0.5]], lr: 0.1)
        // AdamW: w = 1·(1 − 0.1·0.1) = 0.99 first, then ≈ −lr.
        let (b, _) = trajectory(&adamW, start: [1], gradients: [[0.5]], lr: 0.1)
        #expect(close(a[0], 1 - 0.1 * 0.6 / (0.6 + 1e-8) / 1))
        #expect(close(b[0], 0.99 - 0.1 * 0.5 / (0.5 + 1e-8)))
        #expect(adamW.typeName == "torch.AdamW")
    }

    @Test func amsgradKeepsTheLargestSecondMoment() {
        var ams = Adam(lr: 0.1, beta1: 0, beta2: 0.5, eps: 0, amsgrad: true)
        var plain = Adam(lr: 0.1, beta1: 0, beta2: 0.5, eps: 0)
        // β₁ = 0: m = g, bias_correction1 = 1, bias_correction2 = 0.5, 0.75, 0.875.
        // v = 8, 4.5, 2.255; AMSGrad divides by √max(v) = √8 on every step.
        let gradients: [[Double]] = [[4], [1], [0.1]]
        let (a, _) = trajectory(&ams, start: [0], gradients: gradients, lr: 0.1)
        let (p, _) = trajectory(&plain, start: [0], gradients: gradients, lr: 0.1)
        let expectedAms = -0.1 * 4 / (8.0.squareRoot() / 0.5.squareRoot())
            - 0.1 * 1 / (8.0.squareRoot() / 0.75.squareRoot()) - 0.1 * 0.1 / (8.0.squareRoot() / 0.875.squareRoot())
        let expectedPlain = -0.1 * 4 / (8.0.squareRoot() / 0.5.squareRoot())
            - 0.1 * 1 / (4.5.squareRoot() / 0.75.squareRoot()) - 0.1 * 0.1 / (2.255.squareRoot() / 0.875.squareRoot())
        #expect(close(a[0], expectedAms))
        #expect(close(p[0], expectedPlain))
        #expect(a[0] > p[0])
    }

    @Test func rmspropCenteredAndMomentum() {
        var centered = RMSprop(lr: 0.01, centered: true)
        let (c, _) = trajectory(&centered, start: [1], gradients: [[0.5]], lr: 0.01)
        // s = 0.0025, a = 0.005, avg = √(s − a²) + 1e-8.
        #expect(close(c[0], 0.899496238676095))
        var momentum = RMSprop(lr: 0.01, momentum: 0.9)
        let (m, rates) = trajectory(&momentum, start: [1], gradients: [[0.5], [0.5]], lr: 0.01)
        // buf = 10, then 0.9·10 + 0.5/(√0.004975 + 1e-8).
        #expect(close(m[0], 0.7391119275494087))
        #expect(close(rates[0], 0.01 / (0.004975.squareRoot() + 1e-8)))
    }

    @Test func adagradDecayAndAccumulator() {
        var adagrad = Adagrad(lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 0.75)
        // t=1: clr = 0.1, sum = 1: w = 0.95. t=2: clr = 0.1/1.5, sum = 1.25.
        let (w, rates) = trajectory(&adagrad, start: [1], gradients: [[0.5], [0.5]], lr: 0.1)
        #expect(close(w[0], 0.9201857603076694))
        #expect(close(rates[0], 0.05962847939466105))
        #expect(!adagrad.supportsMomentumCycling)
    }
}
