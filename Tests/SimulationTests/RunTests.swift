import Testing
import ScheduleCore
import Simulation

/// Divergence, schedule stops, momentum cycling and closed-loop plateaus on inline problems.
@Suite struct RunTests {
    @Test func divergenceStopsAtTheFirstNonFiniteLoss() throws {
        // w ← w − 10·2w = −19w: the loss 19^(2t) overflows to +inf at t = 121.
        let spec = #"{"optimizer": {"type": "torch.SGD", "lr": 10}, "problem": {"loss": "mse", "features": [[1]], "targets": [0], "initial_weights": [1]}}"#
        let result = try run(spec, schedule: #"{"type": "torch.ConstantLR", "factor": 1.0}"#, steps: 500)
        #expect(result.divergedAt == 121)
        #expect(result.losses.count == 121 && result.learningRates.count == 121)
        #expect(result.losses.allSatisfy { $0.isFinite })
        let w3: Double = -19 * 19 * 19
        #expect(result.losses[3] == w3 * w3)
    }

    @Test func plateauReducesWhenTheLossStalls() throws {
        // w = 0 → 1 in one step (mse gradient 2(w − 1), lr 0.5); the loss then stays 0.
        // Round 1 sets best = 0; rounds 2, 3, 4 are bad; patience 2 reduces in round 4.
        let spec = #"{"optimizer": {"type": "torch.SGD", "lr": 0.5}, "problem": {"loss": "mse", "features": [[1]], "targets": [1]}}"#
        let result = try run(spec, schedule: #"{"type": "torch.ReduceLROnPlateau", "patience": 2, "factor": 0.5}"#, steps: 10)
        #expect(result.losses == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(result.learningRates == [0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125])
        #expect(result.validationLoss.isEmpty)
    }

    @Test func oneCycleCyclesAdamsBeta1() throws {
        let problem = #""problem": {"loss": "logistic", "features": [[1, 0.5], [-0.3, 2], [0.7, -1]], "targets": [1, 0, 1]}"#
        let spec = #"{"optimizer": {"type": "torch.Adam", "lr": 0.01}, "# + problem + "}"
        let cycled = try run(spec, schedule: #"{"type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 20}"#, steps: 20)
        let fixed = try run(spec, schedule: #"{"type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 20, "cycle_momentum": false}"#, steps: 20)
        let momenta = try #require(cycled.momenta)
        #expect(momenta.first == 0.95 && momenta.min()! < 0.86)
        #expect(fixed.momenta == nil)
        #expect(cycled.learningRates == fixed.learningRates)
        // Adam's first update is −lr·g/(|g| + eps) whatever β₁ is (m̂ = g); β₁ shows from the second.
        #expect(cycled.losses[0] == fixed.losses[0] && cycled.losses[1] == fixed.losses[1])
        #expect(cycled.losses[2] != fixed.losses[2])
    }

    @Test func scheduleStopEndsTheRun() throws {
        let spec = #"{"optimizer": {"type": "torch.SGD", "lr": 0.1, "momentum": 0.9}, "problem": {"loss": "mse", "features": [[1]], "targets": [1]}}"#
        let result = try run(spec, schedule: #"{"type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 10}"#, steps: 30)
        let stop = try #require(result.stop)
        #expect(result.losses.count == stop.step)
        #expect(stop.step == 11)
        #expect(result.divergedAt == nil)
    }

    @Test func adagradCannotCycleMomentum() throws {
        let spec = #"{"optimizer": {"type": "torch.Adagrad", "lr": 0.1}, "problem": {"loss": "mse", "features": [[1]], "targets": [1]}}"#
        #expect(throws: SimulationError.self) {
            try run(spec, schedule: #"{"type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 10}"#, steps: 5)
        }
        let ok = try run(spec, schedule: #"{"type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 10, "cycle_momentum": false}"#, steps: 5)
        #expect(ok.losses.count == 5 && ok.effectiveStep?.median.count == 5)
    }

    @Test func scheduleWithoutLRTakesTheOptimizers() throws {
        let spec = #"{"optimizer": {"type": "torch.RMSprop", "lr": 0.003}, "problem": {"loss": "mse", "features": [[1]], "targets": [1]}}"#
        let result = try run(spec, schedule: #"{"type": "torch.StepLR", "step_size": 2, "gamma": 0.5}"#, steps: 5)
        #expect(result.learningRates == [0.003, 0.003, 0.0015, 0.0015, 0.00075])
        let own = try run(spec, schedule: #"{"type": "torch.StepLR", "lr": 1, "step_size": 2}"#, steps: 1)
        #expect(own.learningRates == [1])
    }
}
