import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// The `deepspeed.*` types against DeepSpeed 0.19.8's own `runtime/lr_schedules.py`
/// (`tools/reference/make_deepspeed.py`), and where DeepSpeed raises.
@Suite struct DeepSpeedTests {
    static let cases = SteppedReferenceCase.load("deepspeed", in: .module)

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 60)
        #expect(Self.cases.contains { $0.momenta != nil })
    }

    @Test(arguments: cases)
    func matchesDeepSpeed(_ reference: SteppedReferenceCase) throws {
        let difference = try reference.firstDifference()
        #expect(difference == nil, "\(reference.id): \(difference ?? "")")
    }

    @Test func warmupLRHoldsMinimumForTwoStepsThenLogRises() throws {
        let s = try makeSchedule(#"{"type": "deepspeed.WarmupLR", "warmup_min_lr": 0.0, "warmup_max_lr": 1.0, "warmup_num_steps": 4}"#)
        let v = try s.evaluate(steps: 7).learningRates
        #expect(v[0] == 0 && v[1] == 0)
        #expect(abs(v[2] - log(2) / log(4)) < 1e-15)
        #expect(v[5] == 1.0 && v[6] == 1.0)
    }

    @Test func warmupNullMaximumTakesOptimizerLR() throws {
        let s = try makeSchedule(#"{"type": "deepspeed.WarmupLR", "warmup_max_lr": null, "lr": 0.5, "warmup_num_steps": 2, "warmup_type": "linear"}"#)
        #expect(try s.evaluate(steps: 4).learningRates == [0, 0, 0.25, 0.5])
        #expect(buildError(#"{"type": "deepspeed.WarmupLR", "warmup_max_lr": null}"#)?.contains("give \"lr\"") == true)
    }

    @Test func raisesWhereDeepSpeedRaises() {
        #expect(buildError(#"{"type": "deepspeed.WarmupLR", "warmup_num_steps": 0}"#)?.contains("must be a positive integer, got 0") == true)
        #expect(buildError(#"{"type": "deepspeed.WarmupLR", "warmup_num_steps": 10.0}"#)?.contains("DeepSpeed raises ValueError for a float") == true)
        #expect(buildError(#"{"type": "deepspeed.WarmupDecayLR", "total_num_steps": 100, "warmup_num_steps": -3}"#)?.contains("warmup_num_steps") == true)
        #expect(buildError(#"{"type": "deepspeed.LRRangeTest", "lr_range_test_step_size": 0}"#)?.contains("lr_range_test_step_size must be a positive integer") == true)
        #expect(buildError(#"{"type": "deepspeed.OneCycle", "cycle_min_lr": 0.1, "cycle_max_lr": 1, "cycle_first_step_size": 0}"#)?.contains("cycle_first_step_size must be positive") == true)
        #expect(buildError(#"{"type": "deepspeed.OneCycle", "cycle_min_lr": 0.1, "cycle_max_lr": 1, "cycle_second_step_size": -1}"#)?.contains("must be non-negative") == true)
    }

    @Test func autoAndUnknownWarmupTypeAreErrorsWithTheFix() {
        let auto = buildError(#"{"type": "deepspeed.WarmupLR", "warmup_num_steps": "auto"}"#, path: "schedules[0]")
        #expect(auto?.hasPrefix("schedules[0].warmup_num_steps: \"auto\" is filled in by the transformers Trainer") == true)
        #expect(buildError(#"{"type": "deepspeed.WarmupDecayLR", "total_num_steps": "auto"}"#)?.contains("\"auto\"") == true)
        let type = buildError(#"{"type": "deepspeed.WarmupLR", "warmup_type": "liner"}"#)
        #expect(type?.contains("DeepSpeed would log a warning and use \"log\"") == true)
        #expect(type?.contains("did you mean \"linear\"") == true)
    }

    @Test func oneCycleReportsBeta1OnlyWhenCycling() throws {
        let on = try makeSchedule(#"{"type": "deepspeed.OneCycle", "cycle_min_lr": 0.1, "cycle_max_lr": 1, "cycle_first_step_size": 2}"#)
        #expect(on.setsMomentum)
        let series = try on.evaluate(steps: 6)
        #expect(series.momenta?.first == 0.8)
        let off = try makeSchedule(#"{"type": "deepspeed.OneCycle", "cycle_min_lr": 0.1, "cycle_max_lr": 1, "cycle_momentum": false}"#)
        #expect(!off.setsMomentum)
    }

    @Test func catalogListsTheFamily() {
        #expect(DeepSpeedTypes.all.map(\.name) == ["deepspeed.WarmupLR", "deepspeed.WarmupDecayLR", "deepspeed.WarmupCosineLR", "deepspeed.OneCycle", "deepspeed.LRRangeTest"])
        #expect(DeepSpeedTypes.all.allSatisfy { ScheduleCatalog.standard.type(named: $0.name) != nil })
    }
}
