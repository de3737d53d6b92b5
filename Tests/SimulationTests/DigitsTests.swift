import Testing
import ScheduleCore
@testable import Simulation

/// The bundled digits data and training on it.
@Suite struct DigitsTests {
    @Test func bundledDataLoads() throws {
        let data = try DigitsData.bundled.get()
        #expect(data.count == 1797)
        #expect(data.features.count == 1797 * 64)
        #expect(Set(data.labels) == Set(0...9))
        #expect(data.features.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(data.features.contains(1))  // a pixel count of 16
        #expect(data.labels[0] == 0 && data.labels[1] == 1)
        #expect(DigitsProblem.trainingCount + DigitsProblem.validationCount == data.count)
    }

    @Test func csvErrorsAreReported() {
        #expect(throws: DigitsDataError.self) { try DigitsData(csv: "1,2,3\n") }
        #expect(throws: DigitsDataError.self) { try DigitsData(csv: String(repeating: "17,", count: 64) + "1\n") }
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        var x = Array(0..<100), y = Array(0..<100)
        a.shuffle(&x); b.shuffle(&y)
        #expect(x == y && x != Array(0..<100) && x.sorted() == Array(0..<100))
        for bound in [1, 2, 3, 10, 1500] {
            #expect((0..<200).allSatisfy { _ in (0..<bound).contains(a.nextInt(below: bound)) })
        }
    }

    static let mlp = #"{"optimizer": {"type": "torch.SGD", "lr": 0.1, "momentum": 0.9}, "problem": "digits", "model": "mlp", "batch_size": 50, "seed": 1}"#

    @Test func sameSeedSameRunOtherSeedOtherRun() throws {
        let a = try run(Self.mlp, schedule: #"{"type": "torch.StepLR", "step_size": 30}"#, steps: 60)
        let b = try run(Self.mlp, schedule: #"{"type": "torch.StepLR", "step_size": 30}"#, steps: 60)
        #expect(a == b)
        let other = Self.mlp.replacingOccurrences(of: #""seed": 1"#, with: #""seed": 2"#)
        let c = try run(other, schedule: #"{"type": "torch.StepLR", "step_size": 30}"#, steps: 60)
        #expect(c.losses != a.losses)
        #expect(c.losses[0] != a.losses[0])  // other initial weights and first batch
    }

    @Test func trainingLearnsAndValidationFollowsTheCadence() throws {
        let everyStep = try run(Self.mlp, schedule: #"{"type": "torch.StepLR", "step_size": 1000}"#, steps: 95)
        // 95 steps → every step (⌊95/100⌋ < 1)
        #expect(everyStep.validationLoss.allSatisfy { $0 != nil })
        let cadence = Self.mlp.replacingOccurrences(of: #""seed": 1"#, with: #""seed": 1, "eval_every": 30"#)
        let result = try run(cadence, schedule: #"{"type": "torch.StepLR", "step_size": 1000}"#, steps: 95)
        // Every 30 steps (one epoch of 1500 / 50): validation at 0, 30, 60, 90 and the last step 94.
        let measured = result.validationLoss.enumerated().compactMap { $0.element == nil ? nil : $0.offset }
        #expect(measured == [0, 30, 60, 90, 94])
        #expect(result.validationAccuracy.enumerated().allSatisfy { ($0.element == nil) == (result.validationLoss[$0.offset] == nil) })
        let firstAccuracy = try #require(result.validationAccuracy[0]), lastAccuracy = try #require(result.validationAccuracy[94])
        #expect(firstAccuracy < 0.3)
        #expect(lastAccuracy > 0.8)
        let firstLoss = try #require(result.validationLoss[0]), lastLoss = try #require(result.validationLoss[94])
        #expect(lastLoss < firstLoss / 3)
        #expect(result.learningRates.allSatisfy { $0 == 0.1 })
        #expect(result.effectiveStep == nil)
        #expect(result.divergedAt == nil && result.stop == nil)
    }

    @Test func linearModelAndExplicitCadence() throws {
        let spec = #"{"optimizer": {"type": "torch.Adam", "lr": 0.01}, "problem": "digits", "model": "linear", "batch_size": 1500, "eval_every": 4}"#
        let result = try run(spec, schedule: #"{"type": "torch.ExponentialLR", "gamma": 0.9}"#, steps: 10)
        #expect(result.validationLoss.map { $0 != nil } == [true, false, false, false, true, false, false, false, true, true])
        // Full batch: the loss falls every step.
        #expect(zip(result.losses, result.losses.dropFirst()).allSatisfy { $0 > $1 })
        let effective = try #require(result.effectiveStep)
        #expect(effective.median.count == 10 && effective.p10.count == 10 && effective.p90.count == 10)
        #expect((0..<10).allSatisfy { effective.p10[$0] <= effective.median[$0] && effective.median[$0] <= effective.p90[$0] })
        // On the first step Adam's effective rate is lr/(|g| + eps) per parameter.
        #expect(effective.median[0] > 0.01)
    }

    @Test func plateauIsFedTheValidationLossAfterEachUpdate() throws {
        let spec = #"{"optimizer": {"type": "torch.SGD", "lr": 0.5}, "problem": "digits", "model": "linear", "batch_size": 100, "seed": 3}"#
        let schedule = #"{"type": "torch.ReduceLROnPlateau", "patience": 3, "factor": 0.5}"#
        let result = try run(spec, schedule: schedule, steps: 150)
        // Measured after every update, so every step has a validation loss.
        #expect(result.validationLoss.allSatisfy { $0 != nil })
        // Round t receives validationLoss[t]: replaying those values through the schedule
        // gives the same learning rates.
        let metrics = result.validationLoss.dropFirst().compactMap { $0 }
        let built = try ScheduleCatalog.standard.make(try json(schedule), path: "", inherited: ["lr": .number(0.5)])
        let replay = try built.evaluate(steps: 150, metrics: metrics)
        #expect(replay.learningRates == result.learningRates)
        #expect(result.learningRates.last! < 0.5)
    }

    @Test func lossAndGradientAgreeWithFiniteDifferences() throws {
        let data = try DigitsData.bundled.get()
        for network in [
            SoftmaxNetwork(inputs: 64, hidden: nil, classes: 10, bias: true, activation: .tanh),
            SoftmaxNetwork(inputs: 64, hidden: 8, classes: 10, bias: true, activation: .tanh),
            SoftmaxNetwork(inputs: 64, hidden: 8, classes: 10, bias: true, activation: .relu),
        ] {
            var rng = SplitMix64(seed: 5)
            let w = network.initialParameters(&rng)
            #expect(w.count == network.parameterCount)
            let rows = [3, 17, 256, 1000, 42][...]
            var g = [Double](repeating: 0, count: w.count)
            let loss = g.withUnsafeMutableBufferPointer {
                network.evaluate(w, x: data.features, labels: data.labels, rows: rows, gradient: $0).loss
            }
            #expect(loss > 0)
            for i in stride(from: 0, to: w.count, by: 37) + [w.count - 1] {
                var plus = w, minus = w
                plus[i] += 1e-6
                minus[i] -= 1e-6
                let numeric = (network.evaluate(plus, x: data.features, labels: data.labels, rows: rows, gradient: nil).loss
                    - network.evaluate(minus, x: data.features, labels: data.labels, rows: rows, gradient: nil).loss) / 2e-6
                #expect(abs(numeric - g[i]) <= 1e-6 * max(1, abs(g[i])), "parameter \(i): \(numeric) vs \(g[i])")
            }
        }
    }

    @Test func progressIsReported() throws {
        let spec = try SimulationSpec.decode(try json(Self.mlp), path: "simulate")
        let schedule = try spec.makeSchedule(try json(#"{"type": "torch.ConstantLR", "factor": 1.0}"#), path: "s")
        nonisolated(unsafe) var seen: [Int] = []
        _ = try simulate(schedule: schedule, spec: spec, steps: 5) { seen.append($0) }
        #expect(seen == [1, 2, 3, 4, 5])
    }
}
