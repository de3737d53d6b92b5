import Foundation
import Testing
import ScheduleCore
import TestSupport

/// Quirks and validation of the `timm.*` scheduler types.
@Suite struct TimmTests {
    func make(_ json: String) throws -> any Schedule { try makeSchedule(json, path: "s") }

    func values(_ json: String, steps: Int) throws -> ScheduleSeries {
        try make(json).evaluate(steps: steps)
    }

    func error(_ json: String) -> String? { buildError(json, path: "s") }

    @Test func everyNameIsRegistered() {
        #expect(TimmTypes.all.map(\.name) == [
            "timm.CosineLRScheduler", "timm.TanhLRScheduler", "timm.PolyLRScheduler", "timm.StepLRScheduler",
            "timm.MultiStepLRScheduler", "timm.PlateauLRScheduler", "timm.WSDLRScheduler", "timm.create_scheduler_v2",
        ])
    }

    @Test func constructorSetsWarmupLrInit() throws {
        // values[0] is warmup_lr_init when warmup_t is non-zero, else lr.
        let w = try values(#"{"type": "timm.StepLRScheduler", "lr": 0.1, "decay_t": 10, "warmup_t": 4, "warmup_lr_init": 0.02}"#, steps: 6)
        #expect(w.learningRates[0] == 0.02)
        #expect(w.learningRates[2] == 0.02 + 2 * ((0.1 - 0.02) / 4))
        #expect(w.learningRates[4] == 0.1)   // warmup_prefix (default true): t - 4 = 0
        let n = try values(#"{"type": "timm.StepLRScheduler", "lr": 0.1, "decay_t": 10, "warmup_lr_init": 0.02}"#, steps: 2)
        #expect(n.learningRates[0] == 0.1)
    }

    @Test func multiStepDecaysOneStepEarly() throws {
        // timm counts bisect_right(decay_t, t + 1): milestone 5 is in effect from t = 4.
        let spec = #"{"type": "timm.MultiStepLRScheduler", "lr": 1.0, "decay_t": [5, 8], "decay_rate": 0.5}"#
        let s = try values(spec, steps: 10)
        #expect(s.learningRates == [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25])
        #expect(try make(spec).breakpoints(below: 100) == [4, 7])
    }

    @Test func stepDecayAcceptsFloatDecayT() throws {
        // t // 2.5 with Python float floor division.
        let s = try values(#"{"type": "timm.StepLRScheduler", "lr": 1.0, "decay_t": 2.5, "decay_rate": 0.5}"#, steps: 6)
        #expect(s.learningRates == [1, 1, 1, 0.5, 0.5, 0.25])
        let zero = try values(#"{"type": "timm.StepLRScheduler", "lr": 1.0, "decay_t": 0, "warmup_t": 2}"#, steps: 5)
        #expect(zero.stop?.step == 2)
        #expect(zero.stop?.message.contains("ZeroDivisionError") == true)
    }

    @Test func tInEpochsFalseIsSteppedPerUpdate() throws {
        // train.py drives a t_in_epochs=False scheduler with step_update(num_updates): the same
        // _get_lr(t), with t counting optimizer updates (it used to be drawn flat at warmup_lr_init).
        let perUpdate = try values(#"{"type": "timm.CosineLRScheduler", "lr": 0.1, "t_initial": 10, "warmup_t": 3, "warmup_lr_init": 0.01, "t_in_epochs": false}"#, steps: 20)
        let perEpoch = try values(#"{"type": "timm.CosineLRScheduler", "lr": 0.1, "t_initial": 10, "warmup_t": 3, "warmup_lr_init": 0.01}"#, steps: 20)
        #expect(perUpdate.learningRates == perEpoch.learningRates)
        #expect(perUpdate.learningRates[0] == 0.01 && perUpdate.learningRates[3] != 0.01)
    }

    @Test func noiseIsRejected() {
        let e = error(#"{"type": "timm.CosineLRScheduler", "lr": 0.1, "t_initial": 10, "noise_range_t": [2, 8]}"#)
        #expect(e?.contains("noise is random and not reproduced by lrplot") == true)
        // null noise_range_t (no noise) is accepted with any inert noise options.
        #expect(error(#"{"type": "timm.CosineLRScheduler", "lr": 0.1, "t_initial": 10, "noise_range_t": null, "noise_pct": 0.5}"#) == nil)
        #expect(error(#"{"type": "timm.PlateauLRScheduler", "lr": 0.1, "noise_type": "uniform", "noise_seed": null}"#) == nil)
    }

    @Test func initializeFalseIsRejected() {
        // A fresh optimizer has no initial_lr; timm raises KeyError.
        let e = error(#"{"type": "timm.StepLRScheduler", "lr": 0.1, "decay_t": 3, "initialize": false}"#)
        #expect(e?.contains("initial_lr missing") == true)
        #expect(error(#"{"type": "timm.StepLRScheduler", "lr": 0.1, "decay_t": 3, "initialize": true}"#) == nil)
    }

    @Test func cosineRestartsWithGrowingCycles() throws {
        let spec = #"{"type": "timm.CosineLRScheduler", "lr": 1.0, "t_initial": 10, "cycle_mul": 2, "cycle_decay": 0.5, "cycle_limit": 3, "lr_min": 0.01}"#
        let s = try values(spec, steps: 80)
        // Cycles start at 10 (length 20) and 30 (length 40); lr_min from 70 on.
        #expect(s.learningRates[10] == 0.01 + 0.5 * (0.5 - 0.01) * 2)
        #expect(s.learningRates[30] == 0.01 + 0.5 * (0.25 - 0.01) * 2)
        #expect(s.learningRates[69] > 0.01)
        #expect(s.learningRates[70] == 0.01 && s.learningRates[79] == 0.01)
        #expect(try make(spec).breakpoints(below: 100) == [10, 30, 70])
    }

    @Test func shrinkingCyclesRaiseMathDomainError() throws {
        // cycle_mul 0.5: log's argument 1 - t/10 * 0.5 reaches 0 at t = 20; Python raises there.
        let s = try values(#"{"type": "timm.CosineLRScheduler", "lr": 1.0, "t_initial": 10, "cycle_mul": 0.5, "cycle_limit": 1000}"#, steps: 30)
        #expect(s.learningRates.count == 20)
        #expect(s.stop?.step == 20)
        #expect(s.stop?.message.contains("math domain error") == true)
    }

    @Test func warmupPrefixShiftsTheSchedule() throws {
        let prefixed = try make(#"{"type": "timm.CosineLRScheduler", "lr": 1.0, "t_initial": 10, "warmup_t": 5, "warmup_prefix": true}"#) as? any ClosedFormSchedule
        let overlaid = try make(#"{"type": "timm.CosineLRScheduler", "lr": 1.0, "t_initial": 10, "warmup_t": 5}"#) as? any ClosedFormSchedule
        #expect(prefixed?.value(at: 5) == 1)            // cosine starts after warmup
        #expect(prefixed?.value(at: 15) == 0)
        #expect(overlaid?.value(at: 10) == 0)           // warmup overlays the first 5 steps
        #expect(overlaid?.value(at: 5) == 0.5 * (1 + cos(Double.pi * 5 / 10)))
    }

    @Test func tanhWarmupWithoutPrefixAimsAtTheScheduleValue() throws {
        // Without warmup_prefix, timm warms up towards _get_lr(warmup_t), computed at construction.
        let s = try make(#"{"type": "timm.TanhLRScheduler", "lr": 1.0, "t_initial": 20, "warmup_t": 5}"#) as? any ClosedFormSchedule
        let target = 0.5 * 1.0 * (1 - tanh(-7.0 * (1.0 - 0.25) + 3.0 * 0.25))
        #expect(s?.value(at: 1) == 0 + 1 * ((target - 0) / 5))
        #expect(s?.value(at: 5) == target)
    }

    @Test func tanhAsserts() {
        #expect(error(#"{"type": "timm.TanhLRScheduler", "lr": 1.0, "t_initial": 20, "lb": 3, "ub": 3}"#)?.contains("lb must be < ub") == true)
        #expect(error(#"{"type": "timm.TanhLRScheduler", "lr": 1.0, "t_initial": 0}"#)?.contains("t_initial") == true)
        #expect(error(#"{"type": "timm.TanhLRScheduler", "lr": 1.0, "t_initial": 5, "warmup_lr_init": -1}"#)?.contains("warmup_lr_init") == true)
        #expect(error(#"{"type": "timm.PolyLRScheduler", "lr": 1.0, "t_initial": 5, "lr_min": -1}"#)?.contains("lr_min") == true)
    }

    @Test func polyDecaysToLrMinAndHolds() throws {
        let s = try values(#"{"type": "timm.PolyLRScheduler", "lr": 1.0, "t_initial": 4, "power": 2, "lr_min": 0.1}"#, steps: 7)
        #expect(s.learningRates[2] == 0.1 + 0.9 * 0.25)
        #expect(s.learningRates[4] == 0.1 && s.learningRates[6] == 0.1)
    }

    @Test func plateauDefaultsToMaxModeAndIgnoresMetricsDuringWarmup() throws {
        // mode "max" (timm's default): a falling metric is a plateau. patience 0.
        let s = try values(#"{"type": "timm.PlateauLRScheduler", "lr": 1.0, "patience_t": 0, "decay_rate": 0.5, "warmup_t": 2, "warmup_lr_init": 0.5, "metrics": [9, 8, 3, 2, 1]}"#, steps: 6)
        // t = 1, 2: warmup (metrics 9, 8 ignored); t = 3: best = 3; t = 4, 5: worse → halve each.
        #expect(s.learningRates == [0.5, 0.75, 1.0, 1.0, 0.5, 0.25])
        #expect(error(#"{"type": "timm.PlateauLRScheduler", "lr": 1.0, "decay_rate": 1.0}"#)?.contains("Factor should be < 1.0.") == true)
    }

    @Test func wsdValidatesAndDecays() throws {
        #expect(error(#"{"type": "timm.WSDLRScheduler", "lr": 1.0, "t_initial": 10, "decay_t": 11}"#)?.contains("Invalid decay_t (11)") == true)
        #expect(error(#"{"type": "timm.WSDLRScheduler", "lr": 1.0, "t_initial": 10, "decay_t": 5, "stable_fn": "rsqrt"}"#)?.contains("requires a positive stable_timescale") == true)
        let spec = #"{"type": "timm.WSDLRScheduler", "lr": 1.0, "t_initial": 10, "decay_t": 4, "decay_fn": "linear", "warmup_t": 2, "lr_min": 0.2}"#
        let s = try values(spec, steps: 15)
        #expect(s.learningRates[2] == 1 && s.learningRates[8] == 1)
        #expect(abs(s.learningRates[10] - 0.6) < 1e-15)
        #expect(s.learningRates[12] == 0.2 && s.learningRates[14] == 0.2)
        #expect(try make(spec).breakpoints(below: 100) == [2, 8, 12])
    }

    /// timm's layer-wise decay: each parameter group's value times its `lr_scale`.
    @Test func lrScaleGivesOneScaledGroupEach() throws {
        let groups = try ScheduleCatalog.standard.makeGroups(
            try JSONParser.parse(#"{"type": "timm.StepLRScheduler", "lr": 1.0, "lr_scale": [0.25, 1.0], "decay_t": 2, "decay_rate": 0.5}"#), path: "")
        #expect(groups.count == 2)
        #expect(try groups[0].evaluate(steps: 5).learningRates == [0.25, 0.25, 0.125, 0.125, 0.0625])
        #expect(try groups[1].evaluate(steps: 5).learningRates == [1, 1, 0.5, 0.5, 0.25])
        let mismatch = try? ScheduleCatalog.standard.makeGroups(
            try JSONParser.parse(#"{"type": "timm.StepLRScheduler", "lr": [1.0, 0.5], "lr_scale": [0.25, 0.5, 1.0], "decay_t": 2}"#), path: "s")
        #expect(mismatch == nil)
        #expect(error(#"{"type": "timm.StepLRScheduler", "lr": [1.0, 0.5], "lr_scale": [0.25, 0.5, 1.0], "decay_t": 2}"#)?.contains("lr_scale: gives 3 parameter groups, but lr gives 2") == true)
    }
}
