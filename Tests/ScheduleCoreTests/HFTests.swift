import Foundation
import Testing
import ScheduleCore
import TestSupport

/// Quirks and validation of the `hf.*` (transformers `get_scheduler`) types.
@Suite struct HFTests {
    func make(_ json: String) throws -> any Schedule { try makeSchedule(json, path: "s") }

    func values(_ json: String, steps: Int) throws -> ScheduleSeries {
        try make(json).evaluate(steps: steps)
    }

    func error(_ json: String) -> String? { buildError(json, path: "s") }

    @Test func everyNameIsRegistered() {
        let names = HFTypes.all.map(\.name)
        #expect(names == [
            "hf.linear", "hf.cosine", "hf.cosine_with_restarts", "hf.polynomial", "hf.constant",
            "hf.constant_with_warmup", "hf.inverse_sqrt", "hf.reduce_lr_on_plateau", "hf.cosine_with_min_lr",
            "hf.cosine_warmup_with_min_lr", "hf.warmup_stable_decay", "hf.greedy",
        ])
    }

    @Test func getSchedulerRequiresWarmupAndTrainingSteps() {
        let noWarmup = error(#"{"type": "hf.linear", "lr": 0.1, "num_training_steps": 10}"#)
        #expect(noWarmup?.contains("num_warmup_steps") == true)
        let noTraining = error(#"{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 2}"#)
        #expect(noTraining?.contains("num_training_steps") == true)
        // constant ignores both; reduce_lr_on_plateau and greedy take neither.
        #expect(error(#"{"type": "hf.constant", "lr": 0.1}"#) == nil)
    }

    @Test func constantWithWarmupTakesNoSchedulerSpecificKwargs() {
        // get_scheduler passes only num_warmup_steps to get_constant_schedule_with_warmup.
        let e = error(#"{"type": "hf.constant_with_warmup", "lr": 0.1, "num_warmup_steps": 3, "num_cycles": 2}"#)
        #expect(e?.contains("unknown parameter \"num_cycles\"") == true)
    }

    @Test func negativeLearningRateIsRejected() {
        let e = error(#"{"type": "hf.linear", "lr": -0.1, "num_warmup_steps": 0, "num_training_steps": 10}"#)
        #expect(e?.contains("Invalid learning rate") == true)
    }

    @Test func linearWarmsUpThenDecaysToZeroAndStays() throws {
        let s = try values(#"{"type": "hf.linear", "lr": 1.0, "num_warmup_steps": 4, "num_training_steps": 12}"#, steps: 16)
        #expect(s.learningRates[0] == 0)
        #expect(s.learningRates[2] == 0.5)
        #expect(s.learningRates[4] == 1)
        #expect(s.learningRates[8] == 0.5)
        #expect(s.learningRates[12] == 0)
        #expect(s.learningRates[15] == 0)
    }

    @Test func cosinePastTheEndRisesAgain() throws {
        // num_cycles 0.5: 0 at T, then the cosine keeps going (transformers does not clamp).
        let s = try values(#"{"type": "hf.cosine", "lr": 1.0, "num_warmup_steps": 0, "num_training_steps": 10}"#, steps: 21)
        #expect(abs(s.learningRates[10]) < 1e-15)
        #expect(abs(s.learningRates[20] - 1) < 1e-15)
    }

    @Test func cosineWithRestartsRestartsAndMarksIt() throws {
        let spec = #"{"type": "hf.cosine_with_restarts", "lr": 1.0, "num_warmup_steps": 0, "num_training_steps": 100, "num_cycles": 2}"#
        let s = try values(spec, steps: 110)
        #expect(s.learningRates[50] == 1)
        #expect(abs(s.learningRates[49] - 0.0009866357858642205) < 1e-15)
        #expect(s.learningRates[100] == 0)
        #expect(s.learningRates[109] == 0)
        #expect(try make(spec).breakpoints(below: 200) == [50, 100])
    }

    @Test func polynomialValidatesLrEndAndStopsOnZeroDivision() throws {
        let e = error(#"{"type": "hf.polynomial", "lr": 1e-7, "num_warmup_steps": 1, "num_training_steps": 10}"#)
        #expect(e?.contains("lr_end (1e-07) must be smaller than initial lr (1e-07)") == true)
        // T == W: Python raises ZeroDivisionError at step W; the series ends there.
        let s = try values(#"{"type": "hf.polynomial", "lr": 0.1, "num_warmup_steps": 5, "num_training_steps": 5}"#, steps: 10)
        #expect(s.learningRates.count == 5)
        #expect(s.stop?.step == 5)
        #expect(s.stop?.message.contains("ZeroDivisionError") == true)
        // Past T it holds lr * (lr_end / lr).
        let p = try values(#"{"type": "hf.polynomial", "lr": 0.5, "num_warmup_steps": 0, "num_training_steps": 4, "lr_end": 0.1, "power": 2}"#, steps: 8)
        #expect(p.learningRates[7] == 0.5 * (0.1 / 0.5))
        #expect(p.learningRates[2] == 0.5 * (((0.5 - 0.1) * 0.25 + 0.1) / 0.5))
    }

    @Test func inverseSqrtTimescaleDefaults() throws {
        // num_warmup_steps 0 → timescale 10 000: at t = 10 000 the factor is 1/sqrt(2).
        let s = try make(#"{"type": "hf.inverse_sqrt", "lr": 1.0, "num_warmup_steps": 0}"#) as? any ClosedFormSchedule
        #expect(s?.value(at: 10_000) == 1 / (2.0).squareRoot())
        #expect(s?.value(at: 0) == 1)
        let t = try make(#"{"type": "hf.inverse_sqrt", "lr": 1.0, "num_warmup_steps": 4, "timescale": 2}"#) as? any ClosedFormSchedule
        #expect(t?.value(at: 4) == 1)
        #expect(t?.value(at: 6) == 1 / (2.0).squareRoot())
    }

    @Test func minLrOptionsAreExclusive() {
        let both = error(#"{"type": "hf.cosine_with_min_lr", "lr": 0.1, "num_warmup_steps": 0, "num_training_steps": 10, "min_lr": 1e-3, "min_lr_rate": 0.1}"#)
        #expect(both?.contains("Only one of min_lr or min_lr_rate should be set") == true)
        let neither = error(#"{"type": "hf.cosine_warmup_with_min_lr", "lr": 0.1, "num_warmup_steps": 0, "num_training_steps": 10}"#)
        #expect(neither?.contains("One of min_lr or min_lr_rate should be set") == true)
    }

    @Test func cosineWithMinLrEndsAtMinLr() throws {
        let s = try values(#"{"type": "hf.cosine_with_min_lr", "lr": 2.0, "num_warmup_steps": 0, "num_training_steps": 10, "min_lr": 0.5}"#, steps: 11)
        #expect(abs(s.learningRates[10] - 0.5) < 1e-15)
    }

    @Test func cosineWarmupWithMinLrStartsAboveZero() throws {
        let s = try values(#"{"type": "hf.cosine_warmup_with_min_lr", "lr": 1.0, "num_warmup_steps": 8, "num_training_steps": 20, "min_lr_rate": 0.1}"#, steps: 9)
        #expect(Array(s.learningRates.prefix(3)) == [0.125, 0.25, 0.375])
        // progress = (t - W + 1) / (T - W): at t = W it is already 1/12 into the cosine.
        #expect(s.learningRates[8] < 1)
        let w = try values(#"{"type": "hf.cosine_warmup_with_min_lr", "lr": 1.0, "num_warmup_steps": 5, "num_training_steps": 20, "min_lr_rate": 0.1, "warmup_lr_rate": 0.2}"#, steps: 5)
        #expect(w.learningRates[0] == 0.2)
        #expect(w.learningRates[4] == 1.0)
    }

    @Test func warmupStableDecayPhases() throws {
        let e = error(#"{"type": "hf.warmup_stable_decay", "lr": 0.1, "num_warmup_steps": 2, "num_decay_steps": 3}"#)
        #expect(e?.contains("Either num_training_steps or num_stable_steps must be specified.") == true)
        // num_stable_steps wins over num_training_steps.
        let spec = #"{"type": "hf.warmup_stable_decay", "lr": 1.0, "num_warmup_steps": 2, "num_decay_steps": 4, "num_training_steps": 100, "num_stable_steps": 3, "decay_type": "linear", "min_lr_ratio": 0.1}"#
        let s = try values(spec, steps: 12)
        #expect(s.learningRates[0] == 0.1)
        #expect(s.learningRates[2] == 1 && s.learningRates[4] == 1)
        #expect(abs(s.learningRates[5] - 1) < 1e-15)
        #expect(abs(s.learningRates[7] - (0.5 * 0.9 + 0.1)) < 1e-15)
        #expect(s.learningRates[9] == 0.1 && s.learningRates[11] == 0.1)
        #expect(try make(spec).breakpoints(below: 100) == [2, 5, 9])
        let bad = error(#"{"type": "hf.warmup_stable_decay", "lr": 1.0, "num_warmup_steps": 2, "num_decay_steps": 4, "num_stable_steps": 3, "warmup_type": "sqrt"}"#)
        #expect(bad?.contains("warmup_type") == true)
    }

    @Test func reduceOnPlateauReducesAfterPatience() throws {
        let spec = #"{"type": "hf.reduce_lr_on_plateau", "lr": 1.0, "patience": 2, "factor": 0.5, "metrics": [1, 1, 1, 1, 1, 1, 1]}"#
        let s = try values(spec, steps: 8)
        // Round 1 sets best = 1; rounds 2, 3, 4 are bad; the third bad one (> patience) halves lr.
        #expect(s.learningRates == [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25])
        #expect(error(#"{"type": "hf.reduce_lr_on_plateau", "lr": 1.0, "factor": 1.0}"#)?.contains("Factor should be < 1.0.") == true)
        #expect(throws: EvaluationError.self) { try make(#"{"type": "hf.reduce_lr_on_plateau", "lr": 1.0}"#).evaluate(steps: 3) }
    }

    @Test func greedyRaisesOnImprovementAndLowersOnPlateau() throws {
        // patience 1: the second consecutive improvement divides lr by factor; warmup 1 then
        // skips a round; two bad rounds multiply it by factor.
        let spec = #"{"type": "hf.greedy", "lr": 0.5, "factor": 0.5, "patience": 1, "warmup": 1, "min_lr": 0.01, "metrics": [3, 2, 1, 1, 1, 1]}"#
        let s = try values(spec, steps: 7)
        #expect(s.learningRates == [0.5, 0.5, 1.0, 1.0, 1.0, 1.0, 0.5])
        #expect(error(#"{"type": "hf.greedy", "lr": 0.5, "factor": 1.5}"#)?.contains("Factor should be < 1.0.") == true)
    }

    @Test func greedyResetsAfterResetStartReductionsAtMinLr() throws {
        // Every second round is bad (patience 0 → reduce each bad round); at min_lr the reset
        // countdown runs and, at 0, lr returns to its initial value.
        let spec = #"{"type": "hf.greedy", "lr": 0.4, "factor": 0.5, "patience": 0, "min_lr": 0.1, "reset_start": 2, "metrics": [1, 1, 1, 1, 1]}"#
        let s = try values(spec, steps: 6)
        // Round 1: improvement (good = 1 > 0) → lr / 0.5 capped at max_lr 1.0 → 0.8.
        // Rounds 2-4: bad → 0.4, 0.2, 0.1 (at min: reset_start 2 → 1); round 5: bad at min → reset → 0.4.
        #expect(s.learningRates == [0.4, 0.8, 0.4, 0.2, 0.1, 0.4])
    }

    @Test func greedySmoothingUsesRunningMean() throws {
        // window 2: means 1, 1.5, 2.5 — never better than best 1 after round 1.
        let spec = #"{"type": "hf.greedy", "lr": 0.5, "factor": 0.5, "patience": 1, "min_lr": 0.01, "smooth": true, "window_size": 2, "metrics": [1, 2, 3, 0.5]}"#
        let s = try values(spec, steps: 5)
        // Round 3: second bad round → 0.25; round 4: mean (3 + 0.5) / 2 = 1.75, bad again.
        #expect(s.learningRates == [0.5, 0.5, 0.5, 0.25, 0.25])
    }
}
