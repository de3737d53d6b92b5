import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// The `mmengine.*` types against mmengine 0.10.7 (`tools/reference/make_mmengine.py`): single
/// schedulers built through its registry, and `param_scheduler` lists stepped by a real Runner.
@Suite struct MMEngineTests {
    static let cases = SteppedReferenceCase.load("mmengine", in: .module)

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 81)
        #expect(Self.cases.filter { $0.typeName == "mmengine.param_scheduler" }.count == 18)
        #expect(Self.cases.contains { $0.stop != nil })
    }

    @Test(arguments: cases)
    func matchesMMEngine(_ reference: SteppedReferenceCase) throws {
        let difference = try reference.firstDifference()
        #expect(difference == nil, "\(reference.id): \(difference ?? "")")
    }

    @Test func warmupThenEpochDecayStepsAsTheHookDoes() throws {
        // 3 iterations per epoch; LinearLR per iteration over 4 iterations, MultiStepLR per epoch at epoch 2.
        let s = try makeSchedule("""
            {"type": "mmengine.param_scheduler", "lr": 1.0, "epoch_length": 3, "max_epochs": 4, "schedulers": [
              {"type": "mmengine.LinearLR", "start_factor": 0.25, "by_epoch": false, "end": 4},
              {"type": "mmengine.MultiStepLR", "milestones": [2], "gamma": 0.1}]}
            """)
        let v = try s.evaluate(steps: 12).learningRates
        #expect(v[0] == 0.25)
        #expect(abs(v[3] - 1.0) < 1e-15)
        #expect(abs(v[5] - 1.0) < 1e-15)
        #expect(abs(v[6] - 0.1) < 1e-15)   // after epoch 2 ends (iteration 6)
        #expect(abs(v[11] - 0.1) < 1e-15)
    }

    @Test func epochAxisWithoutEpochLength() throws {
        let s = try makeSchedule(#"{"type": "mmengine.param_scheduler", "lr": 1.0, "max_epochs": 3, "schedulers": [{"type": "mmengine.StepLR", "step_size": 1, "gamma": 0.5}]}"#)
        #expect(try s.evaluate(steps: 4).learningRates == [1, 0.5, 0.25, 0.25])
        let error = buildError(#"{"type": "mmengine.param_scheduler", "lr": 1.0, "schedulers": [{"type": "mmengine.PolyLR", "by_epoch": false}]}"#, path: "schedules[0]")
        #expect(error?.hasPrefix("schedules[0].schedulers[0]: an iteration-based scheduler needs the iterations per epoch") == true)
    }

    @Test func raisesWhereMMEngineRaises() {
        #expect(buildError(#"{"type": "mmengine.LinearLR", "lr": 0.1, "start_factor": 1.5}"#)?.contains("Starting multiplicative factor should between 0 and 1") == true)
        #expect(buildError(#"{"type": "mmengine.StepLR", "lr": 0.1, "step_size": 2, "begin": 5, "end": 5}"#)?.contains("end should be larger than begin, but got begin=5, end=5") == true)
        #expect(buildError(#"{"type": "mmengine.OneCycleLR", "lr": 0.1, "eta_max": 1, "pct_start": 1, "total_steps": 10}"#)?.contains("Expected float between 0 and 1 pct_start") == true)
        #expect(buildError(#"{"type": "mmengine.OneCycleLR", "lr": 0.1, "eta_max": 1, "total_steps": 0}"#)?.contains("Expected positive integer total_steps, but got 0") == true)
        #expect(buildError(#"{"type": "mmengine.CosineRestartLR", "lr": 0.1, "periods": [5]}"#)?.contains("exactly one of \"eta_min\" and \"eta_min_ratio\"") == true)
        #expect(buildError(#"{"type": "mmengine.CosineAnnealingLR", "lr": 0.1, "eta_min": 0, "eta_min_ratio": 0.1}"#)?.contains("Either `eta_min` or `eta_min_ratio") == true)
        #expect(buildError(#"{"type": "mmengine.CosineRestartLR", "lr": 0.1, "periods": [5, 5], "restart_weights": [1], "eta_min": 0}"#)?.contains("same length") == true)
        #expect(buildError(#"{"type": "mmengine.StepLR", "lr": 0.1, "step_size": 2, "convert_to_iter_based": true}"#)?.contains("give \"epoch_length\"") == true)
        #expect(buildError(#"{"type": "mmengine.StepLR", "lr": 0.1, "step_size": 2, "by_epoch": false, "convert_to_iter_based": true, "epoch_length": 3}"#)?.contains("Only epoch-based parameter scheduler can be converted") == true)
        #expect(buildError(#"{"type": "mmengine.StepLR", "lr": 0.1, "step_size": 2, "epoch_length": 3}"#)?.contains("used only with \"convert_to_iter_based\"") == true)
        #expect(buildError(#"{"type": "mmengine.param_scheduler", "lr": 0.1, "schedulers": [{"type": "mmengine.StepLR", "step_size": 2, "lr": 1}]}"#)?.contains("give \"lr\" once") == true)
        #expect(buildError(#"{"type": "mmengine.param_scheduler", "lr": 0.1, "schedulers": [{"type": "torch.StepLR", "step_size": 2}]}"#)?.contains("mmengine schedulers only") == true)
    }

    @Test func constantFactorZeroRaisesWhenRestoring() throws {
        let s = try makeSchedule(#"{"type": "mmengine.ConstantLR", "lr": 0.1, "factor": 0, "end": 4}"#)
        let series = try s.evaluate(steps: 10)
        #expect(series.stop?.step == 3)
        #expect(series.stop?.message.hasPrefix("ZeroDivisionError") == true)
    }
}

extension SteppedReferenceCase {
    /// The schedule type named in the case.
    var typeName: String {
        if case .string(let s)? = schedule["type"] { return s }
        return "?"
    }
}
