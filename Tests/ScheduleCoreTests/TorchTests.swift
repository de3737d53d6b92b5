import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// Extra random draws of every torch scheduler, computed by torch 2.15's own `lr_scheduler.py`
/// and `swa_utils.py` (`scripts/make_torch_extra.py`), including runs past OneCycleLR's end,
/// nested composites and momentum cycling.
typealias TorchExtraCase = SteppedReferenceCase

extension SteppedReferenceCase {
    /// Every case of `torch_extra.json`.
    static let all = SteppedReferenceCase.load("torch_extra", in: .module)
}

@Suite struct TorchTests {
    // MARK: Against torch's own code

    @Test func extraFixturesLoaded() {
        #expect(TorchExtraCase.all.count == 174)
    }

    @Test(arguments: TorchExtraCase.all)
    func matchesTorch(_ reference: TorchExtraCase) throws {
        let schedule = try ScheduleCatalog.standard.make(reference.schedule, path: reference.id)
        let series = try schedule.evaluate(steps: reference.steps)
        let mismatch = Closeness.firstMismatch(series.learningRates, reference.values)
        #expect(mismatch == nil, "\(reference.id): \(mismatch ?? "")")
        if let momenta = reference.momenta, schedule.setsMomentum {
            let m = Closeness.firstMismatch(series.momenta ?? [], momenta)
            #expect(m == nil, "\(reference.id) momentum: \(m ?? "")")
        }
        #expect(series.stop?.step == reference.stop?.step, "\(reference.id): stop \(String(describing: series.stop))")
        // torch's words, possibly followed by an explanation (its NotImplementedError has none).
        if let expected = reference.stop?.message {
            #expect(series.stop?.message.hasPrefix(expected) == true, "\(reference.id): \(String(describing: series.stop))")
        }
    }

    // MARK: Helpers

    private func make(_ json: String) throws -> any Schedule {
        try ScheduleCatalog.standard.make(try JSONParser.parse(json), path: "")
    }

    private func values(_ json: String, steps: Int, metrics: [Double]? = nil) throws -> ScheduleSeries {
        try make(json).evaluate(steps: steps, metrics: metrics)
    }

    private func error(_ json: String) -> String? {
        do {
            _ = try make(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: Quirks

    /// The recursive form goes back up after T_max instead of restarting.
    @Test func cosineAnnealingClimbsBackAfterTMax() throws {
        let s = try values(#"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 10}"#, steps: 21)
        #expect(abs(s.learningRates[10]) < 1e-15)
        #expect(s.learningRates[15] > s.learningRates[12])
        #expect(abs(s.learningRates[20] - 0.1) < 1e-12)
        #expect(try make(#"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 10}"#).breakpoints(below: 35) == [10, 20, 30])
    }

    /// OneCycleLR has values for steps 0…total_steps, then raises as torch does.
    @Test func oneCycleStopsPastTotalSteps() throws {
        let s = try values(#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 20}"#, steps: 30)
        #expect(s.learningRates.count == 21)
        #expect(s.stop == ScheduleStop(step: 21, "ValueError: Tried to step 21 times. The specified number of total steps is 20"))
        #expect(abs(s.learningRates[0] - 1.0 / 25) < 1e-15)  // 0.040000000000000036 in torch too
        #expect(s.momenta?.first == 0.95)
        #expect(s.momenta?.count == 21)
    }

    @Test func cyclicMomentumIsReportedOnlyWhenCycled() throws {
        let on = try make(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4}"#)
        #expect(on.setsMomentum)
        let series = try on.evaluate(steps: 9)
        #expect(series.momenta?[0] == 0.9)
        #expect(series.momenta?[4] == 0.8)
        #expect(abs(series.learningRates[4] - 0.01) < 1e-15)
        let off = try make(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4, "cycle_momentum": false}"#)
        #expect(!off.setsMomentum)
        #expect(try off.evaluate(steps: 3).momenta == nil)
        #expect(on.breakpoints(below: 20) == [4, 8, 12, 16])
    }

    /// triangular2 halves the amplitude each cycle until 2.0 ** (cycle − 1) overflows, where
    /// torch raises OverflowError.
    @Test func triangular2OverflowsLikeTorch() throws {
        let s = try values(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 1, "mode": "triangular2"}"#, steps: 3000)
        #expect(s.stop?.step == 2048)
        #expect(s.stop?.message == "OverflowError: (34, 'Numerical result out of range')")
    }

    /// As in torch, `mode` is only checked when there is no scale_fn.
    @Test func cyclicModeIsIgnoredWithScaleFunction() throws {
        _ = try make(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.01, "mode": "anything", "scale_fn": "1.0"}"#)
    }

    @Test func cyclicScaleFunctionIsAnExpression() throws {
        let s = try values(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.0, "max_lr": 1.0, "step_size_up": 2, "scale_fn": "0.5 ** (x - 1)", "scale_mode": "cycle", "cycle_momentum": false}"#, steps: 8)
        #expect(s.learningRates == [0, 0.5, 1, 0.5, 0, 0.25, 0.5, 0.25])
    }

    @Test func reduceOnPlateauReadsMetrics() throws {
        let json = #"{"type": "torch.ReduceLROnPlateau", "lr": 1.0, "patience": 1, "factor": 0.5}"#
        let s = try values(json, steps: 6, metrics: [1, 1, 1, 1, 1])
        // Round 1 sets best; rounds 2 and 3 are bad (2 > patience 1 at round 3); then again at 5.
        #expect(s.learningRates == [1, 1, 1, 0.5, 0.5, 0.25])
        #expect(try make(json).usesMetrics)
        #expect(throws: EvaluationError.self) { try self.make(json).evaluate(steps: 6) }
    }

    /// Children built on one optimizer: ConstantLR's factor applies at construction in a chain.
    @Test func chainedSchedulerCompounds() throws {
        let s = try values(#"{"type": "torch.ChainedScheduler", "lr": 1.0, "schedulers": [{"type": "torch.ConstantLR", "factor": 0.5, "total_iters": 2}, {"type": "torch.ExponentialLR", "gamma": 0.5}]}"#, steps: 4)
        #expect(s.learningRates == [0.5, 0.25, 0.25, 0.125])
    }

    /// SequentialLR resets to initial_lr and restarts the next child at its epoch 0 on a milestone.
    @Test func sequentialSwitchesAtMilestones() throws {
        let json = #"{"type": "torch.SequentialLR", "lr": 1.0, "schedulers": [{"type": "torch.ConstantLR", "factor": 0.1, "total_iters": 10}, {"type": "torch.ExponentialLR", "gamma": 0.5}], "milestones": [2]}"#
        let s = try values(json, steps: 5)
        #expect(s.learningRates == [0.1, 0.1, 1.0, 0.5, 0.25])
        #expect(try make(json).breakpoints(below: 20) == [2])
    }

    /// A composite restarted at a milestone has no get_lr(): torch raises NotImplementedError.
    @Test func sequentialCannotRestartACompositeChild() throws {
        let s = try values(#"{"type": "torch.SequentialLR", "lr": 1.0, "schedulers": [{"type": "torch.ExponentialLR", "gamma": 0.5}, {"type": "torch.ChainedScheduler", "schedulers": [{"type": "torch.ExponentialLR", "gamma": 0.9}]}], "milestones": [3]}"#, steps: 6)
        #expect(s.learningRates.count == 3)
        #expect(s.stop?.step == 3)
        #expect(s.stop?.message.hasPrefix("NotImplementedError") == true)
    }

    @Test func lambdaErrorsEndTheSeries() throws {
        let s = try values(#"{"type": "torch.LambdaLR", "lr": 1.0, "lr_lambda": "1 / (3 - epoch)"}"#, steps: 6)
        #expect(s.learningRates.count == 3)
        #expect(s.stop == ScheduleStop(step: 3, "ZeroDivisionError: division by zero"))
        #expect(error(#"{"type": "torch.LambdaLR", "lr": 1.0, "lr_lambda": "1 / epoch"}"#)?.contains("ZeroDivisionError") == true)
    }

    @Test func warmRestartsBreakpoints() throws {
        let s = try make(#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 1.0, "T_0": 5, "T_mult": 2}"#)
        #expect(s.breakpoints(below: 100) == [5, 15, 35, 75])
        let series = try s.evaluate(steps: 16)
        #expect(series.learningRates[5] == 1.0 && series.learningRates[15] == 1.0)
    }

    @Test func swalrReachesSwaLR() throws {
        let s = try values(#"{"type": "torch.SWALR", "lr": 1.0, "swa_lr": 0.1, "anneal_epochs": 4, "anneal_strategy": "linear"}"#, steps: 7)
        #expect(abs(s.learningRates[2] - 0.55) < 1e-15)
        #expect(s.learningRates[4...].allSatisfy { abs($0 - 0.1) < 1e-15 })
    }

    @Test func oneCycleBreakpointsArePhaseEnds() throws {
        let s = try make(#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 100, "three_phase": true}"#)
        #expect(s.breakpoints(below: 1000) == [30, 59, 100])
    }

    // MARK: Validation

    @Test(arguments: [
        (#"{"type": "torch.ConstantLR", "lr": 0.1, "factor": 1.5}"#, "factor"),
        (#"{"type": "torch.LinearLR", "lr": 0.1, "start_factor": 0}"#, "start_factor"),
        (#"{"type": "torch.LinearLR", "lr": 0.1, "end_factor": 1.2}"#, "end_factor"),
        (#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 100.0}"#, "Expected positive integer T_0, but got 100.0"),
        (#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 5, "T_mult": 2.0}"#, "Expected integer T_mult >= 1, but got 2.0"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 10.0}"#, "Expected positive integer total_steps, but got 10.0"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "epochs": 2.0, "steps_per_epoch": 4}"#, "Expected positive integer epochs, but got 2.0"),
        (#"{"type": "torch.SWALR", "lr": 0.1, "swa_lr": 0.01, "anneal_epochs": 5.0}"#, "anneal_epochs must be equal or greater than 0, got 5.0"),
        (#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 0}"#, "Expected positive integer T_0, but got 0"),
        (#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 3, "T_mult": 0}"#, "Expected integer T_mult >= 1, but got 0"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0}"#, "You must define either total_steps OR (epochs AND steps_per_epoch)"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 0}"#, "Expected positive integer total_steps, but got 0"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 10, "pct_start": 1.3}"#, "Expected float between 0 and 1 pct_start, but got 1.3"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 10, "pct_start": 1}"#, "torch rejects an int"),
        (#"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1.0, "total_steps": 10, "pct_start": 0.1}"#, "ZeroDivisionError: float division by zero"),
        (#"{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "factor": 1.0}"#, "Factor should be < 1.0"),
        (#"{"type": "torch.SWALR", "lr": 0.1, "swa_lr": 0.01, "anneal_epochs": -1}"#, "anneal_epochs must be equal or greater than 0, got -1"),
        (#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 0, "step_size_down": 0}"#, "ZeroDivisionError"),
        (#"{"type": "torch.StepLR", "lr": -0.1, "step_size": 3}"#, "Invalid learning rate"),
        (#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.01, "mode": "triangle"}"#, "mode is invalid and scale_fn is None: \"triangle\"; expected \"triangular\", \"triangular2\" or \"exp_range\"; did you mean \"triangular\"?"),
        (#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 3, "last_epoch": 5}"#, "only -1"),
        (#"{"type": "torch.SequentialLR", "lr": 0.1, "schedulers": [{"type": "torch.StepLR", "step_size": 3}], "milestones": [4]}"#, "one more than the number of milestone points"),
        (#"{"type": "torch.SequentialLR", "lr": 0.1, "schedulers": [], "milestones": []}"#, "at least one scheduler"),
        (#"{"type": "torch.SequentialLR", "lr": 0.1, "schedulers": [{"type": "torch.StepLR", "lr": 0.2, "step_size": 3}], "milestones": []}"#, "give \"lr\" once"),
        (#"{"type": "torch.ChainedScheduler", "lr": 0.1, "schedulers": [{"type": "torch.ReduceLROnPlateau"}]}"#, "does not support `ReduceLROnPlateau`"),
        (#"{"type": "torch.ChainedScheduler", "lr": 0.1, "schedulers": [{"type": "constant"}]}"#, "torch schedulers only"),
        (#"{"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "0.9 ** epch"}"#, "did you mean 'epoch'?"),
    ])
    func rejectsWhatTorchRejects(_ json: String, _ fragment: String) {
        let message = error(json)
        #expect(message?.contains(fragment) == true, "\(json) → \(message ?? "accepted")")
    }

    /// Where torch raises at the first `step()` rather than in its constructor, step 0 has a
    /// value (the constructor's) and the series stops at step 1.
    @Test(arguments: [
        (#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 0}"#, "ZeroDivisionError: integer modulo by zero"),
        (#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 0.0}"#, "ZeroDivisionError: float modulo"),
        (#"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 0}"#, "ZeroDivisionError: integer modulo by zero"),
        (#"{"type": "torch.ChainedScheduler", "lr": 0.1, "schedulers": [{"type": "torch.ExponentialLR", "gamma": 0.9}, {"type": "torch.StepLR", "step_size": 0}]}"#, "ZeroDivisionError: integer modulo by zero"),
    ])
    func raisesAtTheFirstStepNotInTheConstructor(_ json: String, _ message: String) throws {
        let s = try values(json, steps: 5)
        #expect(s.learningRates == [0.1])
        #expect(s.stop == ScheduleStop(step: 1, message))
    }

    /// torch does not check these ints: a negative step size decays at the same steps, and a
    /// float works with Python's `%`.
    @Test func uncheckedIntsWorkAsInPython() throws {
        let negative = try values(#"{"type": "torch.StepLR", "lr": 1.0, "step_size": -2, "gamma": 0.5}"#, steps: 6)
        #expect(negative.learningRates == [1, 1, 0.5, 0.5, 0.25, 0.25])
        #expect(try make(#"{"type": "torch.StepLR", "lr": 1.0, "step_size": -2}"#).breakpoints(below: 6) == [2, 4])
        let fractional = try values(#"{"type": "torch.StepLR", "lr": 1.0, "step_size": 1.5, "gamma": 0.5}"#, steps: 7)
        #expect(fractional.learningRates == [1, 1, 1, 0.5, 0.5, 0.5, 0.25])
        let cyclic = try values(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.0, "max_lr": 1.0, "step_size_up": 2.5, "cycle_momentum": false}"#, steps: 4)
        #expect(cyclic.learningRates == [0, 0.3999999999999999, 0.7999999999999998, 0.7999999999999998])  // torch 2.15
    }

    /// torch 2.15 performs the initial step on the child active at step 0: with a milestone at
    /// 0 that is the second child, and the first child's factor never applies.
    @Test func sequentialMilestoneAtZeroStartsTheSecondChild() throws {
        let json = #"{"type": "torch.SequentialLR", "lr": 0.1, "schedulers": [{"type": "torch.LinearLR", "start_factor": 0.1, "total_iters": 10}, {"type": "torch.CosineAnnealingLR", "T_max": 20}], "milestones": [0]}"#
        let s = try values(json, steps: 3)
        #expect(s.learningRates[0] == 0.1)
        #expect(abs(s.learningRates[1] - 0.0993844170297569) < 1e-17)
        #expect(abs(s.learningRates[2] - 0.09755282581475769) < 1e-17)
    }

    @Test func everyTorchTypeIsRegisteredWithFormulaAndLR() {
        #expect(TorchTypes.all.count == 16)
        for type in TorchTypes.all {
            #expect(type.name.hasPrefix("torch."))
            #expect(type.parameters.first?.name == "lr")
            #expect(type.parameters.first?.defaultValue == .required)
            #expect(!type.formula.isEmpty && !type.summary.isEmpty)
        }
    }
}
