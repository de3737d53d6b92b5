import Foundation
import Testing
import ScheduleCore
import TestSupport

/// Builds one schedule from a JSON spec object.
private func make(_ json: String) throws -> any Schedule { try makeSchedule(json, path: "s") }

/// Values at the given steps of a closed-form schedule.
private func values(_ json: String, at steps: [Int]) throws -> [Double] {
    let schedule = try make(json)
    guard let closed = schedule as? any ClosedFormSchedule else {
        Issue.record("not closed form: \(json)")
        return []
    }
    return steps.map { closed.value(at: $0) }
}

/// The error message `make` throws for `json`, or nil.
private func errorMessage(_ json: String) -> String? { buildError(json, path: "s") }

@Suite struct OptaxTests {
    @Test func everyOptaxTypeIsRegistered() {
        let names = OptaxTypes.all.map(\.name)
        #expect(names.count == 14)
        for name in ["optax.constant_schedule", "optax.linear_schedule", "optax.polynomial_schedule", "optax.exponential_decay",
                     "optax.cosine_decay_schedule", "optax.warmup_cosine_decay_schedule", "optax.warmup_exponential_decay_schedule",
                     "optax.warmup_constant_schedule", "optax.piecewise_constant_schedule", "optax.piecewise_interpolate_schedule",
                     "optax.cosine_onecycle_schedule", "optax.linear_onecycle_schedule", "optax.sgdr_schedule", "optax.join_schedules"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    // MARK: polynomial / linear

    @Test func polynomialDocExample() throws {
        // optax's docstring: counts 0, 5, 6, 104, 105, 110 → 1.0000, 1.0000, 0.9803, 0.0101, 0.0100, 0.0100.
        let v = try values(#"{"type": "optax.polynomial_schedule", "init_value": 1.0, "end_value": 0.01, "transition_steps": 100, "transition_begin": 5, "power": 2}"#,
                           at: [0, 5, 6, 104, 105, 110])
        let expected = [1.0, 1.0, 0.9803, 0.0101, 0.01, 0.01]
        for (a, e) in zip(v, expected) { #expect(abs(a - e) < 5e-5) }
        #expect(v[4] == 0.01 && v[5] == 0.01)
    }

    @Test func nonPositiveTransitionStepsGiveConstantInitValue() throws {
        // optax logs and returns `lambda count: init_value`: not an error.
        for steps in [0, -3] {
            let v = try values(#"{"type": "optax.linear_schedule", "init_value": 0.3, "end_value": 0.1, "transition_steps": \#(steps), "transition_begin": 4}"#,
                               at: [0, 4, 10, 1000])
            #expect(v == [0.3, 0.3, 0.3, 0.3])
        }
    }

    @Test func negativeTransitionBeginFallsBackToZero() throws {
        let a = try values(#"{"type": "optax.linear_schedule", "init_value": 1, "end_value": 0, "transition_steps": 10, "transition_begin": -7}"#, at: Array(0...12))
        let b = try values(#"{"type": "optax.linear_schedule", "init_value": 1, "end_value": 0, "transition_steps": 10}"#, at: Array(0...12))
        #expect(a == b)
        #expect(a[5] == 0.5 && a[10] == 0 && a[12] == 0)
    }

    @Test func warmupConstantHoldsPeak() throws {
        let v = try values(#"{"type": "optax.warmup_constant_schedule", "init_value": 0.0, "peak_value": 0.2, "warmup_steps": 4}"#, at: [0, 2, 4, 100])
        #expect(v == [0.0, 0.1, 0.2, 0.2])
    }

    // MARK: exponential decay

    @Test func exponentialDecayStaircaseAndBegin() throws {
        let v = try values(#"{"type": "optax.exponential_decay", "init_value": 1.0, "transition_steps": 10, "decay_rate": 0.5, "transition_begin": 5, "staircase": true}"#,
                           at: [0, 5, 14, 15, 24, 25])
        #expect(v == [1.0, 1.0, 1.0, 0.5, 0.5, 0.25])
    }

    @Test func exponentialDecayEndValueIsABound() throws {
        let lower = try values(#"{"type": "optax.exponential_decay", "init_value": 1.0, "transition_steps": 1, "decay_rate": 0.5, "end_value": 0.2}"#, at: [0, 1, 2, 3, 50])
        #expect(lower == [1.0, 0.5, 0.25, 0.2, 0.2])
        let upper = try values(#"{"type": "optax.exponential_decay", "init_value": 1.0, "transition_steps": 1, "decay_rate": 2.0, "end_value": 3.0}"#, at: [0, 1, 2, 3])
        #expect(upper == [1.0, 2.0, 3.0, 3.0])
    }

    @Test func exponentialDecayDegenerateCasesAreConstant() throws {
        // decay_rate 0 and transition_steps ≤ 0: optax returns the constant init_value (end_value ignored).
        let zeroRate = try values(#"{"type": "optax.exponential_decay", "init_value": 0.7, "transition_steps": 3, "decay_rate": 0, "end_value": 0.9}"#, at: [0, 10])
        #expect(zeroRate == [0.7, 0.7])
        let noSteps = try values(#"{"type": "optax.exponential_decay", "init_value": 0.7, "transition_steps": 0, "decay_rate": 0.5}"#, at: [0, 10])
        #expect(noSteps == [0.7, 0.7])
    }

    @Test func exponentialDecayNullEndValueIsNone() throws {
        let v = try values(#"{"type": "optax.exponential_decay", "init_value": 1.0, "transition_steps": 1, "decay_rate": 0.5, "end_value": null}"#, at: [10])
        #expect(v == [pow(0.5, 10)])
    }

    // MARK: cosine

    @Test func cosineDecayReachesAlphaAndStays() throws {
        let v = try values(#"{"type": "optax.cosine_decay_schedule", "init_value": 2.0, "decay_steps": 10, "alpha": 0.25}"#, at: [0, 5, 10, 11, 10_000_000])
        #expect(v[0] == 2.0)
        #expect(abs(v[1] - 2.0 * (0.75 * 0.5 + 0.25)) < 1e-15)
        #expect(v[2] == 0.5 && v[3] == 0.5 && v[4] == 0.5)
    }

    @Test func cosineDecayRejectsNonPositiveDecaySteps() {
        let message = errorMessage(#"{"type": "optax.cosine_decay_schedule", "init_value": 1.0, "decay_steps": 0}"#)
        #expect(message?.contains("s.decay_steps") == true)
        #expect(message?.contains("requires positive decay_steps, got decay_steps=0") == true)
    }

    @Test func warmupCosineDecayPhases() throws {
        let v = try values(#"{"type": "optax.warmup_cosine_decay_schedule", "init_value": 0.0, "peak_value": 1.0, "warmup_steps": 10, "decay_steps": 30, "end_value": 0.1}"#,
                           at: [0, 5, 10, 20, 30, 1000])
        #expect(v[0] == 0 && v[1] == 0.5 && v[2] == 1.0)
        #expect(abs(v[3] - 0.55) < 1e-15)
        #expect(abs(v[4] - 0.1) < 1e-16 && v[5] == v[4])
    }

    @Test func warmupCosineDecayNeedsDecayLongerThanWarmup() {
        let message = errorMessage(#"{"type": "optax.warmup_cosine_decay_schedule", "init_value": 0.0, "peak_value": 1.0, "warmup_steps": 10, "decay_steps": 10}"#)
        #expect(message?.contains("s.decay_steps") == true)
        #expect(message?.contains("warmup_steps") == true)
    }

    @Test func warmupCosineWithZeroPeakUsesAlphaZero() throws {
        // alpha = 0 if peak_value == 0 (no division by zero).
        let v = try values(#"{"type": "optax.warmup_cosine_decay_schedule", "init_value": 1.0, "peak_value": 0.0, "warmup_steps": 2, "decay_steps": 6, "end_value": 0.5}"#, at: [0, 1, 2, 6, 9])
        #expect(v == [1.0, 0.5, 0.0, 0.0, 0.0])
    }

    @Test func warmupExponentialDecay() throws {
        let v = try values(#"{"type": "optax.warmup_exponential_decay_schedule", "init_value": 0.0, "peak_value": 1.0, "warmup_steps": 4, "transition_steps": 2, "decay_rate": 0.5, "transition_begin": 1, "staircase": true, "end_value": 0.3}"#,
                           at: [0, 2, 4, 5, 6, 7, 9, 100])
        #expect(v == [0.0, 0.5, 1.0, 1.0, 1.0, 0.5, 0.3, 0.3])
    }

    // MARK: piecewise

    @Test func piecewiseConstantBoundaryTakesEffectAtItsStepAndKeysAreSorted() throws {
        let v = try values(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": {"200": 0.5, "100": 0.1}}"#,
                           at: [0, 99, 100, 199, 200, 5000])
        #expect(v == [1.0, 1.0, 0.1, 0.1, 0.05, 0.05])
    }

    @Test func piecewiseConstantWithoutBoundariesIsConstant() throws {
        #expect(try values(#"{"type": "optax.piecewise_constant_schedule", "init_value": 0.3}"#, at: [0, 9]) == [0.3, 0.3])
        #expect(try values(#"{"type": "optax.piecewise_constant_schedule", "init_value": 0.3, "boundaries_and_scales": null}"#, at: [0, 9]) == [0.3, 0.3])
        #expect(try values(#"{"type": "optax.piecewise_constant_schedule", "init_value": 0.3, "boundaries_and_scales": {}}"#, at: [0, 9]) == [0.3, 0.3])
    }

    @Test func piecewiseConstantValidation() {
        let negative = errorMessage(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": {"10": -0.5}}"#)
        #expect(negative?.contains("non-negative scale factors") == true)
        let badKey = errorMessage(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": {"ten": 0.5}}"#)
        #expect(badKey?.contains("whole numbers written as strings") == true)
        #expect(badKey?.contains("\"ten\"") == true)
        let twice = errorMessage(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": {"10": 0.5, "010": 0.1}}"#)
        #expect(twice?.contains("boundary 10 is given twice") == true)
        let notNumber = errorMessage(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": {"10": "0.5"}}"#)
        #expect(notNumber?.contains("expected a number") == true)
        let notObject = errorMessage(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": [10, 0.5]}"#)
        #expect(notObject?.contains("expected an object") == true)
    }

    @Test func piecewiseInterpolateDocExample() throws {
        // optax's docstring: steps 0, 2, …, 10 → 1.0, 0.55, 0.1, 0.0505, 0.001, 0.001.
        let v = try values(#"{"type": "optax.piecewise_interpolate_schedule", "interpolate_type": "linear", "init_value": 1.0, "boundaries_and_scales": {"4": 0.1, "8": 0.01}}"#,
                           at: [0, 2, 4, 6, 8, 10])
        let expected = [1.0, 0.55, 0.1, 0.0505, 0.001, 0.001]
        for (a, e) in zip(v, expected) { #expect(abs(a - e) < 1e-15) }
    }

    @Test func piecewiseInterpolateCosineAndBoundaryAtZero() throws {
        let v = try values(#"{"type": "optax.piecewise_interpolate_schedule", "interpolate_type": "cosine", "init_value": 1.0, "boundaries_and_scales": {"0": 2.0, "10": 0.5}}"#,
                           at: [0, 5, 10, 11])
        // Boundary 0 takes effect at once: interpolation from 2.0 to 1.0 over [0, 10).
        #expect(v[0] == 2.0 && abs(v[1] - 1.5) < 1e-15 && v[2] == 1.0 && v[3] == 1.0)
    }

    @Test func piecewiseInterpolateValidation() {
        let badType = errorMessage(#"{"type": "optax.piecewise_interpolate_schedule", "interpolate_type": "cosin", "init_value": 1.0}"#)
        #expect(badType?.contains("did you mean \"cosine\"") == true)
        let negative = errorMessage(#"{"type": "optax.piecewise_interpolate_schedule", "interpolate_type": "linear", "init_value": 1.0, "boundaries_and_scales": {"3": -1}}"#)
        #expect(negative?.contains("non-negative scale factors") == true)
    }

    // MARK: onecycle

    @Test func linearOnecyclePhases() throws {
        let v = try values(#"{"type": "optax.linear_onecycle_schedule", "transition_steps": 100, "peak_value": 1.0, "pct_start": 0.3, "pct_final": 0.85, "div_factor": 25.0, "final_div_factor": 100.0}"#,
                           at: [0, 30, 85, 100, 500])
        #expect(v[0] == 0.04 && v[1] == 1.0 && abs(v[2] - 0.04) < 1e-17)
        #expect(abs(v[3] - 0.0004) < 1e-18 && v[4] == v[3])
    }

    @Test func linearOnecycleCollidingKeysKeepTheLaterScale() throws {
        // int(0.5 * 10) == int(0.55 * 10) == 5: the dict keeps {5: 1/div_factor, 10: 1/final_div_factor}.
        let v = try values(#"{"type": "optax.linear_onecycle_schedule", "transition_steps": 10, "peak_value": 1.0, "pct_start": 0.5, "pct_final": 0.55, "div_factor": 4.0, "final_div_factor": 2.0}"#,
                           at: [0, 5, 10])
        #expect(v == [0.25, 0.0625, 0.03125])
    }

    @Test func cosineOnecyclePhases() throws {
        let v = try values(#"{"type": "optax.cosine_onecycle_schedule", "transition_steps": 10, "peak_value": 1.0, "pct_start": 0.2, "div_factor": 10.0, "final_div_factor": 100.0}"#,
                           at: [0, 1, 2, 10, 11])
        // Cosine interpolation end + (start - end) / 2 * (cos(0) + 1) is 0.1 up to rounding.
        #expect(abs(v[0] - 0.1) < 1e-16 && abs(v[1] - 0.55) < 1e-15 && v[2] == 1.0)
        #expect(abs(v[3] - 0.001) < 1e-18 && v[4] == v[3])
    }

    @Test func onecycleValidation() {
        let zeroSteps = errorMessage(#"{"type": "optax.cosine_onecycle_schedule", "transition_steps": 0, "peak_value": 1.0}"#)
        #expect(zeroSteps?.contains("non-positive `transition_steps`") == true)
        let zeroDiv = errorMessage(#"{"type": "optax.linear_onecycle_schedule", "transition_steps": 10, "peak_value": 1.0, "div_factor": 0}"#)
        #expect(zeroDiv?.contains("s.div_factor") == true)
        let negative = errorMessage(#"{"type": "optax.cosine_onecycle_schedule", "transition_steps": 10, "peak_value": 1.0, "div_factor": -2}"#)
        #expect(negative?.contains("non-negative scale factors") == true)
    }

    // MARK: join / sgdr

    @Test func joinSchedulesRestartsEachScheduleAtItsBoundary() throws {
        let spec = #"{"type": "optax.join_schedules", "schedules": [{"type": "optax.constant_schedule", "value": 1.0}, {"type": "optax.linear_schedule", "init_value": 0.0, "end_value": 1.0, "transition_steps": 10}], "boundaries": [5]}"#
        #expect(try values(spec, at: [0, 4, 5, 10, 15, 100]) == [1.0, 1.0, 0.0, 0.5, 1.0, 1.0])
        #expect(try make(spec).breakpoints(below: 100) == [5, 15])
    }

    @Test func joinSchedulesUsesTheLastBoundaryReachedInListOrder() throws {
        // Unsorted boundaries: at t = 7, the pair (3, c) comes after (9, b), so c(t - 3) wins.
        let spec = #"{"type": "optax.join_schedules", "schedules": [{"type": "optax.constant_schedule", "value": 1}, {"type": "optax.constant_schedule", "value": 2}, {"type": "optax.linear_schedule", "init_value": 0, "end_value": 10, "transition_steps": 10}], "boundaries": [9, 3]}"#
        #expect(try values(spec, at: [0, 3, 7, 9, 12]) == [1, 0, 4, 6, 9])
    }

    @Test func joinSchedulesZipIgnoresExtras() throws {
        let extraBoundary = #"{"type": "optax.join_schedules", "schedules": [{"type": "optax.constant_schedule", "value": 1}], "boundaries": [3]}"#
        #expect(try values(extraBoundary, at: [0, 5]) == [1, 1])
        let extraSchedule = #"{"type": "optax.join_schedules", "schedules": [{"type": "optax.constant_schedule", "value": 1}, {"type": "optax.constant_schedule", "value": 2}], "boundaries": []}"#
        #expect(try values(extraSchedule, at: [0, 5]) == [1, 1])
        let none = errorMessage(#"{"type": "optax.join_schedules", "schedules": [], "boundaries": []}"#)
        #expect(none?.contains("at least one schedule") == true)
        let nestedError = errorMessage(#"{"type": "optax.join_schedules", "schedules": [{"type": "optax.cosine_decay_schedule", "init_value": 1, "decay_steps": -1}], "boundaries": []}"#)
        #expect(nestedError?.hasPrefix("s.schedules[0].decay_steps") == true)
    }

    @Test func sgdrBoundariesAreCumulativeDecaySteps() throws {
        let spec = #"{"type": "optax.sgdr_schedule", "cosine_kwargs": [{"init_value": 0.0, "peak_value": 1.0, "warmup_steps": 2, "decay_steps": 10}, {"init_value": 0.0, "peak_value": 0.5, "warmup_steps": 2, "decay_steps": 6, "end_value": 0.1}]}"#
        let v = try values(spec, at: [0, 2, 9, 10, 11, 12, 16, 40])
        #expect(v[0] == 0 && v[1] == 1.0 && v[2] > 0)
        #expect(v[3] == 0 && v[4] == 0.25 && v[5] == 0.5)
        #expect(abs(v[6] - 0.1) < 1e-16 && v[7] == v[6])
        #expect(try make(spec).breakpoints(below: 100) == [2, 10, 12, 16])
    }

    @Test func sgdrValidation() {
        #expect(errorMessage(#"{"type": "optax.sgdr_schedule", "cosine_kwargs": []}"#)?.contains("at least one cycle") == true)
        let unknown = errorMessage(#"{"type": "optax.sgdr_schedule", "cosine_kwargs": [{"init_value": 0, "peak_value": 1, "warmup_steps": 1, "decay_step": 5}]}"#)
        #expect(unknown?.contains("s.cosine_kwargs[0].decay_step") == true)
        #expect(unknown?.contains("did you mean \"decay_steps\"") == true)
        let short = errorMessage(#"{"type": "optax.sgdr_schedule", "cosine_kwargs": [{"init_value": 0, "peak_value": 1, "warmup_steps": 5, "decay_steps": 5}]}"#)
        #expect(short?.contains("s.cosine_kwargs[0].decay_steps") == true)
    }

    // MARK: breakpoints

    @Test func breakpoints() throws {
        #expect(try make(#"{"type": "optax.linear_schedule", "init_value": 1, "end_value": 0, "transition_steps": 10, "transition_begin": 5}"#).breakpoints(below: 100) == [5, 15])
        #expect(try make(#"{"type": "optax.linear_schedule", "init_value": 1, "end_value": 0, "transition_steps": 10, "transition_begin": 5}"#).breakpoints(below: 10) == [5])
        #expect(try make(#"{"type": "optax.exponential_decay", "init_value": 1, "transition_steps": 10, "decay_rate": 0.5, "transition_begin": 5, "staircase": true}"#).breakpoints(below: 40) == [5, 15, 25, 35])
        #expect(try make(#"{"type": "optax.exponential_decay", "init_value": 1, "transition_steps": 1, "decay_rate": 0.5, "transition_begin": 5, "staircase": true}"#).breakpoints(below: 100_000) == [5])
        #expect(try make(#"{"type": "optax.piecewise_constant_schedule", "init_value": 1, "boundaries_and_scales": {"30": 0.1, "0": 2, "10": 0.5}}"#).breakpoints(below: 20) == [10])
        #expect(try make(#"{"type": "optax.warmup_cosine_decay_schedule", "init_value": 0, "peak_value": 1, "warmup_steps": 10, "decay_steps": 50}"#).breakpoints(below: 100) == [10, 50])
    }
}
