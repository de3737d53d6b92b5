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

/// Expected values below were printed by Keras 3.15.1 (JAX backend, float64) for the same
/// arguments; they pin the float32 steps inside Keras's schedules.
@Suite struct KerasTests {
    @Test func everyKerasTypeIsRegistered() {
        #expect(KerasTypes.all.map(\.name) == [
            "keras.ExponentialDecay", "keras.PiecewiseConstantDecay", "keras.PolynomialDecay",
            "keras.InverseTimeDecay", "keras.CosineDecay", "keras.CosineDecayRestarts",
        ])
    }

    // MARK: PiecewiseConstantDecay

    @Test func piecewiseConstantBoundaryTakesEffectOneStepLate() throws {
        let v = try values(#"{"type": "keras.PiecewiseConstantDecay", "boundaries": [10, 20], "values": [1.0, 0.5, 0.1]}"#, at: [0, 10, 11, 20, 21, 10_000])
        #expect(v == [1.0, 1.0, 0.5, 0.5, 0.1, 0.1])
        #expect(try make(#"{"type": "keras.PiecewiseConstantDecay", "boundaries": [10, 20], "values": [1.0, 0.5, 0.1]}"#).breakpoints(below: 100) == [11, 21])
    }

    @Test func piecewiseConstantUnsortedBoundariesAddUpLikeKeras() throws {
        // Keras sums indicator·value terms; with boundaries [20, 10] at step 15 both the first
        // (15 <= 20) and the last (15 > 10) terms hold.
        let v = try values(#"{"type": "keras.PiecewiseConstantDecay", "boundaries": [20, 10], "values": [1.0, 0.5, 0.25]}"#, at: [5, 15, 25])
        #expect(v == [1.0, 1.25, 0.25])
    }

    @Test func piecewiseConstantValidation() {
        let mismatch = errorMessage(#"{"type": "keras.PiecewiseConstantDecay", "boundaries": [10, 20], "values": [1.0, 0.5]}"#)
        #expect(mismatch?.contains("The length of boundaries should be 1 less than the length of values") == true)
        #expect(mismatch?.contains("Received: boundaries=[10, 20] of length 2, and values=[1.0, 0.5] of length 2.") == true)
        let empty = errorMessage(#"{"type": "keras.PiecewiseConstantDecay", "boundaries": [], "values": [1.0]}"#)
        #expect(empty?.contains("at least one boundary") == true)
    }

    /// Keras casts a float boundary to the step's int64 dtype, truncating: 10.5 acts as 10.
    @Test func piecewiseConstantTruncatesFloatBoundaries() throws {
        let fractional = try values(#"{"type": "keras.PiecewiseConstantDecay", "boundaries": [10.5], "values": [1.0, 0.5]}"#, at: [10, 11])
        #expect(fractional == [1.0, 0.5])
    }

    // MARK: Exponential / inverse time

    @Test func exponentialDecayStaircase() throws {
        let v = try values(#"{"type": "keras.ExponentialDecay", "initial_learning_rate": 1.0, "decay_steps": 10, "decay_rate": 0.5, "staircase": true}"#, at: [0, 9, 10, 25])
        #expect(v == [1.0, 1.0, 0.5, 0.25])
        let smooth = try values(#"{"type": "keras.ExponentialDecay", "initial_learning_rate": 1.0, "decay_steps": 10, "decay_rate": 0.5}"#, at: [5])
        #expect(smooth == [pow(0.5, 0.5)])
    }

    @Test func staircaseFloorsInFloat32() throws {
        // Keras's ops.floor casts to float32: 100663295 / 3 = 33554431.67 rounds to 33554432
        // before the floor, one stair early. Keras: 5.960464122267716e-08 = 1 / (1 + 0.5 · 33554432).
        let v = try values(#"{"type": "keras.InverseTimeDecay", "initial_learning_rate": 1.0, "decay_steps": 3, "decay_rate": 0.5, "staircase": true}"#, at: [0, 2, 3, 100_663_295])
        #expect(v == [1.0, 1.0, 0.6666666666666666, 5.960464122267716e-08])
        let e = try values(#"{"type": "keras.ExponentialDecay", "initial_learning_rate": 1.0, "decay_steps": 3, "decay_rate": 0.9999999, "staircase": true}"#, at: [100_663_295])
        #expect(e == [pow(0.9999999, 33_554_432)])
    }

    @Test func decayStepsMustBePositive() {
        for type in ["ExponentialDecay", "InverseTimeDecay"] {
            let message = errorMessage(#"{"type": "keras.\#(type)", "initial_learning_rate": 1.0, "decay_steps": 0, "decay_rate": 0.5}"#)
            #expect(message == "s.decay_steps: Argument `decay_steps` must be > 0. Received: decay_steps=0")
        }
        #expect(errorMessage(#"{"type": "keras.PolynomialDecay", "initial_learning_rate": 1.0, "decay_steps": -2}"#)?.contains("must be > 0") == true)
        #expect(errorMessage(#"{"type": "keras.CosineDecay", "initial_learning_rate": 1.0, "decay_steps": 0}"#)?.contains("must be > 0") == true)
        #expect(errorMessage(#"{"type": "keras.CosineDecayRestarts", "initial_learning_rate": 1.0, "first_decay_steps": 0}"#)
            == "s.first_decay_steps: Argument `first_decay_steps` must be > 0. Received: first_decay_steps=0")
    }

    // MARK: PolynomialDecay

    @Test func polynomialDecayCycle() throws {
        let cycling = try values(#"{"type": "keras.PolynomialDecay", "initial_learning_rate": 1.0, "decay_steps": 10, "end_learning_rate": 0.0, "cycle": true}"#,
                                 at: [0, 5, 10, 11, 20, 21])
        #expect(cycling == [1.0, 0.5, 0.0, 0.44999999999999996, 0.0, 0.30000000000000004])
        let plain = try values(#"{"type": "keras.PolynomialDecay", "initial_learning_rate": 1.0, "decay_steps": 10}"#, at: [0, 10, 11, 1000])
        #expect(plain[0] == 1.0 && plain[1] == 0.0001 && plain[2] == 0.0001 && plain[3] == 0.0001)
        #expect(try make(#"{"type": "keras.PolynomialDecay", "initial_learning_rate": 1.0, "decay_steps": 10, "cycle": true}"#).breakpoints(below: 35) == [11, 21, 31])
    }

    // MARK: CosineDecay

    @Test func cosineDecayWithWarmup() throws {
        let v = try values(#"{"type": "keras.CosineDecay", "initial_learning_rate": 0.414, "decay_steps": 59, "alpha": 0.1, "warmup_target": 4.14, "warmup_steps": 91}"#,
                           at: [0, 45, 91, 96, 150, 151, 500])
        #expect(v == [0.414, 2.2565274725274724, 4.14, 4.074362461566925, 0.4140000061690807, 0.4140000061690807, 0.4140000061690807])
    }

    /// The float32 cosine factor times the float64 rate, as Keras 3.15.1 on JAX computes with
    /// `jax_enable_x64` and `initial_learning_rate = np.float64(0.414)` (issue 13: the product
    /// was taken in float32, as for a weakly typed Python-float rate).
    @Test func cosineDecayWithoutWarmupTargetIgnoresWarmupStepsAndMultipliesInFloat64() throws {
        let v = try values(#"{"type": "keras.CosineDecay", "initial_learning_rate": 0.414, "decay_steps": 59, "alpha": 0.1, "warmup_target": null, "warmup_steps": 91}"#,
                           at: [0, 5, 59, 500])
        #expect(v == [0.414, 0.4074362708330154, 0.04140000061690807, 0.04140000061690807])
        let issue = try values(#"{"type": "keras.CosineDecay", "initial_learning_rate": 0.000429, "decay_steps": 61, "alpha": 0.0}"#,
                               at: [0, 1, 30, 61])
        #expect(issue == [0.000429, 0.0004287156060934067, 0.00022002292352914812, 0.0])
        #expect(try make(#"{"type": "keras.CosineDecay", "initial_learning_rate": 0.414, "decay_steps": 59, "warmup_steps": 91}"#).breakpoints(below: 1000) == [59])
        #expect(try make(#"{"type": "keras.CosineDecay", "initial_learning_rate": 0.4, "decay_steps": 59, "warmup_target": 1, "warmup_steps": 91}"#).breakpoints(below: 1000) == [91, 150])
    }

    // MARK: CosineDecayRestarts

    @Test func cosineDecayRestartsConstantPeriod() throws {
        let v = try values(#"{"type": "keras.CosineDecayRestarts", "initial_learning_rate": 1.0, "first_decay_steps": 10, "t_mul": 1.0}"#, at: [9, 10, 11])
        #expect(v == [0.024471759796142578, 1.0, 0.9755282402038574])
    }

    @Test func cosineDecayRestartsFloat32RestartIndex() throws {
        // t_mul = 3: restarts at 1, 4, 13, 40, 121. At 121 the float64 ratio
        // log(1 + 2·121) / log(3) is 4.999999999999999, which float32 rounds to 5 before the floor.
        let spec = #"{"type": "keras.CosineDecayRestarts", "initial_learning_rate": 1.0, "first_decay_steps": 1, "t_mul": 3.0, "m_mul": 1.0, "alpha": 0.0}"#
        let v = try values(spec, at: [0, 1, 3, 4, 12, 13, 120, 121])
        #expect(v == [1.0, 1.0, 0.2499999701976776, 1.0, 0.03015369176864624, 1.0, 0.00037601590156555176, 1.0])
        #expect(try make(spec).breakpoints(below: 200) == [1, 4, 13, 40, 121])
    }

    @Test func cosineDecayRestartsPeaksScaleByMMul() throws {
        let spec = #"{"type": "keras.CosineDecayRestarts", "initial_learning_rate": 2.0, "first_decay_steps": 4, "t_mul": 2.0, "m_mul": 0.5, "alpha": 0.0}"#
        let v = try values(spec, at: [0, 4, 12, 28])
        #expect(v == [2.0, 1.0, 0.5, 0.25])
        #expect(try make(spec).breakpoints(below: 30) == [4, 12, 28])
    }
}
