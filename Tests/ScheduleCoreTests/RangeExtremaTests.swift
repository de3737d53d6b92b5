import Foundation
import Testing
import ScheduleCore
import TestSupport

/// Random specs for every type with a ``RangeExtrema`` fast path.
enum RandomSpecs {
    static func spec(_ type: String, scale: Int, _ g: inout SeededGenerator) -> String {
        func n(_ lo: Int, _ hi: Int) -> Int { Int.random(in: lo...max(lo, hi), using: &g) }
        func x(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo...hi, using: &g) }
        func pick(_ s: [String]) -> String { s[n(0, s.count - 1)] }
        let total = n(1, scale)
        let warm = n(0, total / 3)
        switch type {
        case "constant": return #"{"type": "constant", "lr": \#(x(0, 1))}"#
        case "step": return #"{"type": "step", "lr": \#(x(0, 1)), "step_size": \#(n(1, scale / 10)), "gamma": \#(x(0.05, 1.5))}"#
        case "multistep":
            let ms = Set((0..<n(1, 8)).map { _ in n(1, scale) }).sorted()
            return #"{"type": "multistep", "lr": \#(x(0, 1)), "milestones": \#(ms), "gamma": \#(x(0.05, 2))}"#
        case "exponential": return #"{"type": "exponential", "lr": \#(x(0, 1)), "gamma": \#(pick(["0.5", "0.999", "0.99999", "1.00001", "0.9999999"]))}"#
        case "time_based": return #"{"type": "time_based", "lr": \#(x(0, 1)), "decay": \#(x(0, 2)), "decay_steps": \#(n(1, scale / 20)), "staircase": \#(Bool.random(using: &g))}"#
        case "linear": return #"{"type": "linear", "lr": \#(x(0, 1)), "end_lr": \#(x(0, 1)), "total_steps": \#(total)}"#
        case "polynomial": return #"{"type": "polynomial", "lr": \#(x(0, 1)), "end_lr": \#(x(0, 0.1)), "total_steps": \#(total), "power": \#(x(0.1, 4))}"#
        case "cosine": return #"{"type": "cosine", "lr": \#(x(0, 1)), "min_lr": \#(x(0, 0.01)), "total_steps": \#(total)}"#
        case "rex": return #"{"type": "rex", "lr": \#(x(0, 1)), "min_lr": \#(x(0, 0.01)), "total_steps": \#(total)}"#
        case "tanh": return #"{"type": "tanh", "lr": \#(x(0, 1)), "min_lr": \#(x(0, 0.01)), "total_steps": \#(total)}"#
        case "wsd": return #"{"type": "wsd", "lr": \#(x(0, 1)), "total_steps": \#(total), "warmup_steps": \#(warm), "decay_shape": "\#(pick(["linear", "cosine", "sqrt"]))", "min_lr": \#(x(0, 0.01))}"#
        case "piecewise":
            let steps = Set((0..<n(2, 8)).map { _ in n(0, scale) }).sorted()
            let knots = steps.map { "[\($0), \(x(0, 1))]" }.joined(separator: ", ")
            return #"{"type": "piecewise", "knots": [\#(knots)], "interpolation": "\#(pick(["step", "linear", "cosine"]))"}"#
        case "inverse_sqrt": return #"{"type": "inverse_sqrt", "lr": \#(x(0.001, 1)), "warmup_steps": \#(n(1, scale / 3))}"#
        case "one_cycle": return #"{"type": "one_cycle", "max_lr": \#(x(0.01, 1)), "total_steps": \#(max(total, 10)), "pct_start": \#(x(0.05, 0.5)), "anneal": "\#(pick(["cos", "linear"]))", "three_phase": \#(Bool.random(using: &g))}"#
        case "cyclic": return #"{"type": "cyclic", "base_lr": \#(x(0, 0.01)), "max_lr": \#(x(0.02, 1)), "step_size_up": \#(pick(["\(n(1, 20))", "\(n(1, scale / 8))"])), "step_size_down": \#(pick(["\(n(1, 20))", "\(n(1, scale / 8))"])), "mode": "\#(pick(["triangular", "triangular2", "exp_range"]))", "gamma": \#(pick(["1", "0.99999", "0.999", "0.9", "0.5", "0.99", "1.001", "1.01", "\(x(0.95, 1))"]))}"#
        case "cosine_restarts": return #"{"type": "cosine_restarts", "lr": \#(x(0, 1)), "period": \#(n(1, scale / 6)), "t_mult": \#(pick(["1", "2", "1.5", "3"])), "decay": \#(x(0.3, 1.2)), "min_lr": \#(x(0, 0.01))}"#
        case "warmup": return #"{"type": "warmup", "warmup_steps": \#(warm), "warmup": "\#(pick(["linear", "cosine", "exponential", "constant"]))", "start_lr": \#(x(0.0001, 0.01)), "schedule": \#(spec(pick(["cosine", "step", "cyclic"]), scale: scale, &g))}"#
        case "sequence":
            let b = n(1, scale)
            return #"{"type": "sequence", "boundaries": [\#(b)], "schedules": [\#(spec("linear", scale: b, &g)), \#(spec(pick(["cosine", "cosine_restarts", "exponential"]), scale: scale, &g))]}"#
        case "hf.constant": return #"{"type": "hf.constant", "lr": \#(x(0, 1))}"#
        case "hf.constant_with_warmup": return #"{"type": "hf.constant_with_warmup", "lr": \#(x(0, 1)), "num_warmup_steps": \#(warm)}"#
        case "hf.linear": return #"{"type": "hf.linear", "lr": \#(x(0, 1)), "num_warmup_steps": \#(warm), "num_training_steps": \#(total)}"#
        case "hf.cosine": return #"{"type": "hf.cosine", "lr": \#(x(0, 1)), "num_warmup_steps": \#(warm), "num_training_steps": \#(total), "num_cycles": \#(pick(["0.5", "1", "2.25", "7"]))}"#
        case "hf.cosine_with_min_lr": return #"{"type": "hf.cosine_with_min_lr", "lr": \#(x(0.01, 1)), "num_warmup_steps": \#(warm), "num_training_steps": \#(total), "num_cycles": \#(pick(["0.5", "1.5"])), "min_lr_rate": \#(x(0, 0.5))}"#
        case "hf.cosine_warmup_with_min_lr": return #"{"type": "hf.cosine_warmup_with_min_lr", "lr": \#(x(0.01, 1)), "num_warmup_steps": \#(warm), "num_training_steps": \#(total), "num_cycles": \#(pick(["0.5", "1.5"])), "min_lr_rate": \#(x(0, 0.5))}"#
        case "hf.cosine_with_restarts": return #"{"type": "hf.cosine_with_restarts", "lr": \#(x(0, 1)), "num_warmup_steps": \#(warm), "num_training_steps": \#(total), "num_cycles": \#(pick(["1", "3", "2.5", "10"]))}"#
        case "hf.inverse_sqrt": return #"{"type": "hf.inverse_sqrt", "lr": \#(x(0, 1)), "num_warmup_steps": \#(warm)}"#
        case "hf.polynomial": return #"{"type": "hf.polynomial", "lr": \#(x(0.01, 1)), "num_warmup_steps": \#(warm), "num_training_steps": \#(total + warm + 1), "lr_end": \#(x(0, 0.001)), "power": \#(x(0.2, 3))}"#
        case "hf.warmup_stable_decay":
            let d = n(1, scale / 3), st = n(0, scale / 3)
            return #"{"type": "hf.warmup_stable_decay", "lr": \#(x(0.01, 1)), "num_warmup_steps": \#(warm), "num_stable_steps": \#(st), "num_decay_steps": \#(d), "warmup_type": "\#(pick(["linear", "cosine", "1-sqrt"]))", "decay_type": "\#(pick(["linear", "cosine", "1-sqrt"]))", "min_lr_ratio": \#(x(0, 0.3)), "num_cycles": \#(pick(["0.5", "1", "3.5"]))}"#
        case "timm.StepLRScheduler":
            return #"{"type": "timm.StepLRScheduler", "lr": \#(x(0.01, 1)), "decay_t": \#(x(1, Double(max(scale / 10, 2)))), "decay_rate": \#(x(0.1, 1)), "warmup_t": \#(warm), "warmup_lr_init": \#(x(0, 0.01)), "warmup_prefix": \#(Bool.random(using: &g))}"#
        case "timm.MultiStepLRScheduler":
            let ds = (0..<n(1, 6)).map { _ in n(1, scale) }
            return #"{"type": "timm.MultiStepLRScheduler", "lr": \#(x(0.01, 1)), "decay_t": \#(ds), "decay_rate": \#(x(0.1, 1)), "warmup_t": \#(warm), "warmup_lr_init": \#(x(0, 0.01)), "warmup_prefix": \#(Bool.random(using: &g))}"#
        case "timm.CosineLRScheduler", "timm.PolyLRScheduler", "timm.TanhLRScheduler":
            let extra: String
            switch type {
            case "timm.PolyLRScheduler": extra = #", "power": \#(pick(["\(x(0.2, 3))", "1", "0"])), "k_decay": \#(pick(["1", "0.5", "2"]))"#
            case "timm.TanhLRScheduler": extra = #", "lb": \#(pick(["-7", "-3", "-1", "0", "\(x(-10, 0))"])), "ub": \#(pick(["3", "1", "0", "\(x(0, 10))"]))"#
            default: extra = #", "k_decay": \#(pick(["1", "0.5", "2"]))"#
            }
            // cycle_mul < 1 raises after t_initial / (1 − cycle_mul) steps: kept past the run.
            let mul = pick(["1", "1", "2", "1.5", "1.05", "3", "0.97"])
            let initial = mul == "0.97" ? "\(n(max(scale / 20, 1), scale))" : pick(["1", "2", "\(n(1, scale / 40))", "\(n(1, scale / 4))"])
            let limit = pick(["1", "\(n(1, 8))", "\(n(1, 8))", "1000", "0"])
            let prefix = Bool.random(using: &g)
            return #"{"type": "\#(type)", "lr": \#(x(0.01, 1)), "t_initial": \#(initial), "lr_min": \#(x(0, 0.01)), "cycle_mul": \#(mul), "cycle_decay": \#(pick(["1", "0.5", "\(x(0.3, 1))", "1.2"])), "cycle_limit": \#(limit), "warmup_t": \#(pick(["0", "\(warm)", "1"])), "warmup_lr_init": \#(x(0, 0.01)), "warmup_prefix": \#(prefix)\#(extra)}"#
        case "timm.WSDLRScheduler":
            let initial = n(1, scale), decay = n(1, initial)
            let stable = pick(["constant", "rsqrt", "power"])
            let timescale = stable == "constant" || Bool.random(using: &g) ? "" : #", "stable_timescale": \#(x(0.5, Double(max(scale / 10, 1))))"#
            let w = stable != "constant" && timescale.isEmpty ? n(1, scale / 3) : n(0, scale / 3)
            return #"{"type": "timm.WSDLRScheduler", "lr": \#(x(0.01, 1)), "t_initial": \#(initial), "decay_t": \#(decay), "lr_min": \#(pick(["0", "\(x(0, 0.01))"])), "stable_fn": "\#(stable)"\#(timescale), "stable_power": \#(x(0.1, 2)), "decay_fn": "\#(pick(["linear", "1-sqrt", "cosine", "power", "exp"]))", "decay_power": \#(x(0.1, 3)), "decay_ratio": \#(x(0.01, 0.99)), "warmup_t": \#(w), "warmup_lr_init": \#(x(0, 0.01))}"#
        case "optax.cosine_decay_schedule": return #"{"type": "optax.cosine_decay_schedule", "init_value": \#(x(0.01, 1)), "decay_steps": \#(total), "alpha": \#(x(0, 0.3)), "exponent": \#(pick(["1", "0.5", "2"]))}"#
        case "optax.exponential_decay": return #"{"type": "optax.exponential_decay", "init_value": \#(x(0.01, 1)), "transition_steps": \#(n(1, scale / 10)), "decay_rate": \#(pick(["0.5", "0.99", "1.01"])), "transition_begin": \#(warm), "staircase": \#(Bool.random(using: &g))}"#
        case "optax.polynomial_schedule": return #"{"type": "optax.polynomial_schedule", "init_value": \#(x(0.01, 1)), "end_value": \#(x(0, 0.01)), "power": \#(x(0.3, 3)), "transition_steps": \#(total), "transition_begin": \#(warm)}"#
        case "optax.linear_schedule": return #"{"type": "optax.linear_schedule", "init_value": \#(x(0, 1)), "end_value": \#(x(0, 1)), "transition_steps": \#(total), "transition_begin": \#(warm)}"#
        case "optax.piecewise_constant_schedule":
            let entries = (0..<n(1, 5)).map { _ in "\"\(n(0, scale))\": \(x(0.1, 2))" }.joined(separator: ", ")
            return #"{"type": "optax.piecewise_constant_schedule", "init_value": \#(x(0.01, 1)), "boundaries_and_scales": {\#(entries)}}"#
        case "optax.piecewise_interpolate_schedule":
            let entries = Set((0..<n(1, 5)).map { _ in n(0, scale) }).map { "\"\($0)\": \(x(0.1, 2))" }.joined(separator: ", ")
            return #"{"type": "optax.piecewise_interpolate_schedule", "interpolate_type": "\#(pick(["linear", "cosine"]))", "init_value": \#(x(0.01, 1)), "boundaries_and_scales": {\#(entries)}}"#
        case "optax.warmup_cosine_decay_schedule": return #"{"type": "optax.warmup_cosine_decay_schedule", "init_value": \#(x(0, 0.01)), "peak_value": \#(x(0.02, 1)), "warmup_steps": \#(warm), "decay_steps": \#(total + warm), "end_value": \#(x(0, 0.01))}"#
        case "optax.cosine_onecycle_schedule": return #"{"type": "optax.cosine_onecycle_schedule", "transition_steps": \#(max(total, 10)), "peak_value": \#(x(0.01, 1)), "pct_start": \#(x(0.1, 0.5))}"#
        case "optax.join_schedules":
            let b = n(1, scale)
            return #"{"type": "optax.join_schedules", "boundaries": [\#(b)], "schedules": [\#(spec("optax.linear_schedule", scale: b, &g)), \#(spec("optax.cosine_decay_schedule", scale: scale, &g))]}"#
        case "keras.ExponentialDecay": return #"{"type": "keras.ExponentialDecay", "initial_learning_rate": \#(x(0.01, 1)), "decay_steps": \#(n(1, scale / 5)), "decay_rate": \#(pick(["0.5", "0.96", "1.5"])), "staircase": \#(Bool.random(using: &g))}"#
        case "keras.InverseTimeDecay": return #"{"type": "keras.InverseTimeDecay", "initial_learning_rate": \#(x(0.01, 1)), "decay_steps": \#(n(1, scale / 5)), "decay_rate": \#(x(0, 2)), "staircase": \#(Bool.random(using: &g))}"#
        case "keras.PiecewiseConstantDecay":
            let bs = Set((0..<n(1, 5)).map { _ in n(0, scale) }).sorted()
            return #"{"type": "keras.PiecewiseConstantDecay", "boundaries": \#(bs), "values": \#((0...bs.count).map { _ in x(0, 1) })}"#
        case "keras.PolynomialDecay":
            let cycle = Bool.random(using: &g)
            let decay = cycle ? pick(["1", "2", "0.7", "2.5", "\(n(1, scale / 20))", "\(x(1, Double(max(scale / 5, 2))))", "\(total)"]) : "\(total)"
            return #"{"type": "keras.PolynomialDecay", "initial_learning_rate": \#(x(0.01, 1)), "decay_steps": \#(decay), "end_learning_rate": \#(x(0, 0.01)), "power": \#(pick(["\(x(0.3, 3))", "1", "0", "0.5"])), "cycle": \#(cycle)}"#
        case "keras.CosineDecayRestarts":
            let first = pick(["1", "2", "0.5", "3.5", "\(n(1, scale / 20))", "\(n(1, scale / 4))", "\(x(1, Double(max(scale / 8, 2))))"])
            return #"{"type": "keras.CosineDecayRestarts", "initial_learning_rate": \#(x(0.001, 1)), "first_decay_steps": \#(first), "t_mul": \#(pick(["1", "2", "1.5", "1.05", "3"])), "m_mul": \#(pick(["1", "0.5", "0.9", "\(x(0.1, 1))"])), "alpha": \#(pick(["0", "\(x(0, 0.3))"]))}"#
        case "keras.CosineDecay":
            let w = Bool.random(using: &g)
            return #"{"type": "keras.CosineDecay", "initial_learning_rate": \#(x(0.001, 0.1)), "decay_steps": \#(total), "alpha": \#(x(0, 0.3))\#(w ? ", \"warmup_target\": \(x(0.2, 1)), \"warmup_steps\": \(warm)" : "")}"#
        case "deepspeed.WarmupLR": return #"{"type": "deepspeed.WarmupLR", "warmup_min_lr": \#(x(0, 0.01)), "warmup_max_lr": \#(x(0.01, 1)), "warmup_num_steps": \#(max(warm, 1)), "warmup_type": "\#(pick(["log", "linear"]))"}"#
        case "deepspeed.WarmupDecayLR": return #"{"type": "deepspeed.WarmupDecayLR", "total_num_steps": \#(pick(["\(total)", "\(x(1, Double(scale)))", "\(warm / 2)"])), "warmup_min_lr": \#(x(0, 0.01)), "warmup_max_lr": \#(x(0.01, 1)), "warmup_num_steps": \#(max(warm, 1)), "warmup_type": "\#(pick(["log", "linear"]))"}"#
        case "deepspeed.WarmupCosineLR": return #"{"type": "deepspeed.WarmupCosineLR", "lr": \#(x(0.01, 1)), "total_num_steps": \#(pick(["\(total)", "\(x(1, Double(scale)))", "\(warm / 2)"])), "warmup_min_ratio": \#(x(0, 0.2)), "cos_min_ratio": \#(x(0, 0.2)), "warmup_num_steps": \#(max(warm, 1)), "warmup_type": "\#(pick(["log", "linear"]))"}"#
        case "deepspeed.LRRangeTest": return #"{"type": "deepspeed.LRRangeTest", "lr_range_test_min_lr": \#(x(0.0001, 0.01)), "lr_range_test_step_size": \#(n(1, scale / 10)), "lr_range_test_step_rate": \#(x(-0.001, 5)), "lr_range_test_staircase": \#(Bool.random(using: &g))}"#
        default: return ""
        }
    }

    static let types = [
        "constant", "step", "multistep", "exponential", "time_based", "linear", "polynomial", "cosine", "rex", "tanh",
        "wsd", "piecewise", "inverse_sqrt", "one_cycle", "cyclic", "cosine_restarts", "warmup", "sequence",
        "hf.constant", "hf.constant_with_warmup", "hf.linear", "hf.cosine", "hf.cosine_with_min_lr",
        "hf.cosine_warmup_with_min_lr", "hf.cosine_with_restarts", "hf.inverse_sqrt", "hf.polynomial",
        "hf.warmup_stable_decay",
        "timm.StepLRScheduler", "timm.MultiStepLRScheduler", "timm.CosineLRScheduler", "timm.PolyLRScheduler",
        "timm.TanhLRScheduler", "timm.WSDLRScheduler",
        "optax.cosine_decay_schedule", "optax.exponential_decay", "optax.polynomial_schedule", "optax.linear_schedule",
        "optax.piecewise_constant_schedule", "optax.piecewise_interpolate_schedule", "optax.warmup_cosine_decay_schedule",
        "optax.cosine_onecycle_schedule", "optax.join_schedules",
        "keras.ExponentialDecay", "keras.InverseTimeDecay", "keras.PiecewiseConstantDecay", "keras.PolynomialDecay",
        "keras.CosineDecay", "keras.CosineDecayRestarts",
        "deepspeed.WarmupLR", "deepspeed.WarmupDecayLR", "deepspeed.WarmupCosineLR", "deepspeed.LRRangeTest",
    ]
}

/// Brute-force min and max of `schedule` over `range`.
func bruteExtrema(_ schedule: any ClosedFormSchedule, _ range: Range<Int>) -> (min: Double, max: Double) {
    var lo = Double.infinity, hi = -Double.infinity
    for t in range {
        let v = schedule.value(at: t)
        lo = min(lo, v)
        hi = max(hi, v)
    }
    return (lo, hi)
}

@Suite struct RangeExtremaTests {
    @Test("every listed type takes the fast path", arguments: RandomSpecs.types)
    func conforms(_ type: String) throws {
        var g = SeededGenerator(seed: 7)
        let schedule = try makeSchedule(RandomSpecs.spec(type, scale: 1000, &g))
        #expect(schedule is any RangeExtrema, "\(type) does not conform")
    }

    @Test("decimated min/max equal brute force over whole runs", arguments: RandomSpecs.types)
    func wholeRuns(_ type: String) throws {
        var g = SeededGenerator(seed: UInt64(type.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF) &+ 11)
        var fastColumns = 0
        for _ in 0..<25 {
            let steps = Int.random(in: 1...6000, using: &g)
            let spec = RandomSpecs.spec(type, scale: steps, &g)
            guard let schedule = try? makeSchedule(spec), let closed = schedule as? any ClosedFormSchedule else { continue }
            let columns = Int.random(in: 1...300, using: &g)
            let sampler = ColumnSampler(steps: steps, columns: columns)
            let result = try sampler.sample(schedule)
            #expect(result.sampledClosedForm)
            #expect(result.learningRates.count == sampler.columns)
            for (c, summary) in result.learningRates.enumerated() {
                let range = sampler.range(ofColumn: c)
                let brute = bruteExtrema(closed, range)
                #expect(summary.range == range)
                #expect(summary.minimum.value == brute.min, "\(spec) column \(range)")
                #expect(summary.maximum.value == brute.max, "\(spec) column \(range)")
                #expect(summary.first == SamplePoint(step: range.lowerBound, value: closed.value(at: range.lowerBound)))
                #expect(summary.last == SamplePoint(step: range.upperBound - 1, value: closed.value(at: range.upperBound - 1)))
                #expect(closed.value(at: summary.minimum.step) == summary.minimum.value)
                #expect(closed.value(at: summary.maximum.step) == summary.maximum.value)
                if let critical = (schedule as? any RangeExtrema)?.criticalSteps(in: range), critical.count < range.count {
                    fastColumns += 1
                }
            }
        }
        #expect(fastColumns > 0, "\(type): no column used the critical steps")
    }

    /// Deeply nested `warmup`s and `sequence`s (each level leaves out the range's own first
    /// step, which every column evaluates anyway) still give the brute-force extremes.
    @Test func nestedWarmupsAndSequencesEqualBruteForce() throws {
        var g = SeededGenerator(seed: 509)
        var fastColumns = 0
        for _ in 0..<20 {
            let steps = Int.random(in: 1...4000, using: &g)
            var spec = RandomSpecs.spec(["cosine", "step", "cyclic", "linear"].randomElement(using: &g) ?? "cosine", scale: steps, &g)
            for _ in 0..<Int.random(in: 2...8, using: &g) {
                let at = Int.random(in: 0...max(1, steps / 4), using: &g)
                spec = Bool.random(using: &g)
                    ? #"{"type": "warmup", "warmup_steps": \#(at), "start_lr": 0.001, "schedule": \#(spec)}"#
                    : #"{"type": "sequence", "boundaries": [\#(max(1, at))], "schedules": [\#(RandomSpecs.spec("linear", scale: max(1, at), &g)), \#(spec)]}"#
            }
            guard let schedule = try? makeSchedule(spec), let closed = schedule as? any RangeExtrema else {
                Issue.record("\(spec) has no fast path")
                continue
            }
            let sampler = ColumnSampler(steps: steps, columns: Int.random(in: 1...300, using: &g))
            let result = try sampler.sample(schedule)
            for (c, summary) in result.learningRates.enumerated() {
                let range = sampler.range(ofColumn: c)
                let brute = bruteExtrema(closed, range)
                #expect(summary.minimum.value == brute.min, "\(spec) column \(range)")
                #expect(summary.maximum.value == brute.max, "\(spec) column \(range)")
                if let critical = closed.criticalSteps(in: range), critical.count < range.count { fastColumns += 1 }
            }
        }
        #expect(fastColumns > 0)
    }

    @Test("critical steps bound ranges far into long runs", arguments: RandomSpecs.types)
    func farRanges(_ type: String) throws {
        var g = SeededGenerator(seed: UInt64(type.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF) &+ 99)
        for _ in 0..<20 {
            let scale = [10_000_000, 1_000_000_000].randomElement(using: &g) ?? 1000
            let spec = RandomSpecs.spec(type, scale: scale, &g)
            guard let schedule = try? makeSchedule(spec) as? any RangeExtrema else { continue }
            for _ in 0..<10 {
                // Ranges near the schedule's breakpoints as well as anywhere.
                let marks = schedule.breakpoints(below: scale) + [0, scale / 2, scale - 1]
                let centre = Bool.random(using: &g) ? (marks.randomElement(using: &g) ?? 0) : Int.random(in: 0..<scale, using: &g)
                let lo = max(0, centre - Int.random(in: 0...3000, using: &g))
                let range = lo..<(lo + Int.random(in: 1...5000, using: &g))
                guard let critical = schedule.criticalSteps(in: range) else { continue }
                var lowest = min(schedule.value(at: range.lowerBound), schedule.value(at: range.upperBound - 1))
                var highest = max(schedule.value(at: range.lowerBound), schedule.value(at: range.upperBound - 1))
                for s in critical {
                    #expect(range.contains(s), "\(spec): \(s) outside \(range)")
                    lowest = min(lowest, schedule.value(at: s))
                    highest = max(highest, schedule.value(at: s))
                }
                let brute = bruteExtrema(schedule, range)
                #expect(lowest == brute.min, "\(spec) range \(range)")
                #expect(highest == brute.max, "\(spec) range \(range)")
            }
        }
    }

    @Test func streamedAndSampledAgree() throws {
        // A stateful torch schedule streams; its columns hold the exact extremes of the walk.
        let schedule = try makeSchedule(#"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 37}"#)
        let series = try schedule.evaluate(steps: 5000)
        let sampler = ColumnSampler(steps: 5000, columns: 64)
        let result = try sampler.sample(schedule)
        #expect(!result.sampledClosedForm)
        #expect(result.momenta?.count == 64)
        for (c, summary) in result.learningRates.enumerated() {
            let values = series.learningRates[sampler.range(ofColumn: c)]
            #expect(summary.minimum.value == values.min())
            #expect(summary.maximum.value == values.max())
            #expect(summary.first.value == values.first)
            #expect(summary.last.value == values.last)
            #expect(summary.points.map(\.step) == summary.points.map(\.step).sorted())
        }
    }

    @Test("per-epoch wrappers keep the fast path and its exactness", arguments: ["step", "cosine", "cyclic", "hf.cosine"])
    func epochIntervals(_ type: String) throws {
        var g = SeededGenerator(seed: 5)
        for _ in 0..<10 {
            let spe = Int.random(in: 2...50, using: &g)
            let epochs = Int.random(in: 10...400, using: &g)
            let inner = try makeSchedule(RandomSpecs.spec(type, scale: epochs, &g))
            let schedule = EpochIntervalSchedule.wrap(inner, stepsPerEpoch: spe)
            let closed = try #require(schedule as? any RangeExtrema)
            let steps = spe * epochs
            let sampler = ColumnSampler(steps: steps, columns: Int.random(in: 1...200, using: &g))
            let result = try sampler.sample(schedule)
            #expect(result.sampledClosedForm)
            for (c, summary) in result.learningRates.enumerated() {
                let brute = bruteExtrema(closed, sampler.range(ofColumn: c))
                #expect(summary.minimum.value == brute.min && summary.maximum.value == brute.max)
            }
        }
    }

    @Test func columnsAreUniformAndCoverEveryStep() {
        for (steps, columns) in [(10, 3), (1_000_000_000, 3840), (7, 100), (1, 1)] {
            let sampler = ColumnSampler(steps: steps, columns: columns)
            #expect(sampler.columns == min(steps, columns))
            var next = 0
            for c in 0..<sampler.columns {
                let r = sampler.range(ofColumn: c)
                #expect(r.lowerBound == next && !r.isEmpty)
                next = r.upperBound
            }
            #expect(next == steps)
        }
    }

    @Test("timm with cycle_mul < 1: nil over ranges where timm raises, exact before",
          arguments: ["timm.CosineLRScheduler", "timm.PolyLRScheduler", "timm.TanhLRScheduler"])
    func timmShrinkingCycles(_ type: String) throws {
        // 1 − t / 100 · (1 − 0.5) reaches 0 at t = 200: math.log raises ValueError from there.
        let warmup = type == "timm.TanhLRScheduler" ? 0 : 5
        let schedule = try #require(try makeSchedule(#"{"type": "\#(type)", "lr": 0.5, "t_initial": 100, "cycle_mul": 0.5, "cycle_decay": 0.8, "cycle_limit": 50, "warmup_t": \#(warmup), "warmup_prefix": true}"#) as? any RangeExtrema)
        let raisesFrom = 200 + warmup
        #expect(schedule.value(at: raisesFrom).isNaN && !schedule.value(at: raisesFrom - 1).isNaN)
        var g = SeededGenerator(seed: 3)
        var fast = 0
        for _ in 0..<300 {
            let lo = Int.random(in: 0..<260, using: &g)
            let range = lo..<Int.random(in: (lo + 1)...300, using: &g)
            let critical = schedule.criticalSteps(in: range)
            if range.upperBound > raisesFrom {
                #expect(critical == nil, "\(type) \(range)")
                continue
            }
            let steps = try #require(critical, "\(type) \(range)")
            fast += 1
            let values = ([range.lowerBound, range.upperBound - 1] + steps).map { schedule.value(at: $0) }
            let brute = bruteExtrema(schedule, range)
            #expect(values.min() == brute.min && values.max() == brute.max, "\(type) \(range)")
        }
        #expect(fast > 100)
        let walked = try schedule.evaluate(steps: 300)
        let sampled = try ColumnSampler(steps: 300, columns: 17).sample(schedule)
        #expect(sampled.stop == walked.stop)
    }

    @Test("cyclic exp_range: peaks inside a half (γ < 1 rising, γ > 1 falling) are listed",
          arguments: [(5, 2000, 1.01), (2000, 5, 0.99), (300, 300, 0.9), (1, 100, 1.5), (100, 1, 0.5), (1, 1, 0.3), (3000, 7, 0.9999)])
    func cyclicExpRangeInnerPeaks(_ up: Int, _ down: Int, _ gamma: Double) throws {
        let schedule = try #require(try makeSchedule(#"{"type": "cyclic", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": \#(up), "step_size_down": \#(down), "mode": "exp_range", "gamma": \#(gamma)}"#) as? any RangeExtrema)
        var g = SeededGenerator(seed: UInt64(up * 7 + down))
        let steps = 3 * (up + down) + 11
        for _ in 0..<200 {
            let lo = Int.random(in: 0..<steps, using: &g)
            let range = lo..<Int.random(in: (lo + 1)...steps, using: &g)
            let critical = try #require(schedule.criticalSteps(in: range), "\(range)")
            #expect(critical.allSatisfy(range.contains))
            let values = ([range.lowerBound, range.upperBound - 1] + critical).map { schedule.value(at: $0) }
            let brute = bruteExtrema(schedule, range)
            #expect(values.min() == brute.min && values.max() == brute.max, "\(range)")
            #expect(critical.count < 64 + range.count / max(up + down, 1) * 16)
        }
    }

    @Test("keras.CosineDecayRestarts far out: float32 periods that start early or end late are split exactly",
          arguments: [1000.0, 100.0, 37.5])
    func kerasRestartsFloat32Lag(_ first: Double) throws {
        let schedule = try #require(try makeSchedule(#"{"type": "keras.CosineDecayRestarts", "initial_learning_rate": 0.1, "first_decay_steps": \#(first), "t_mul": 1, "alpha": 0.05}"#) as? any RangeExtrema)
        var g = SeededGenerator(seed: UInt64(first))
        var risingStarts = 0
        for _ in 0..<40 {
            let lo = Int.random(in: 100_000_000...1_000_000_000, using: &g)
            let range = lo..<(lo + Int.random(in: 1...3000, using: &g))
            let critical = try #require(schedule.criticalSteps(in: range), "\(range)")
            let values = ([range.lowerBound, range.upperBound - 1] + critical).map { schedule.value(at: $0) }
            let brute = bruteExtrema(schedule, range)
            #expect(values.min() == brute.min && values.max() == brute.max, "\(range)")
            // Periods whose float32 index starts them early rise before they fall.
            for t in range.dropLast(2) where schedule.value(at: t + 1) > schedule.value(at: t) && schedule.value(at: t + 2) > schedule.value(at: t + 1) {
                risingStarts += 1
            }
        }
        #expect(risingStarts > 0)
    }

    @Test func raisingScheduleStopsWhereTransformersRaises() throws {
        // lr_end / lr divides by zero past num_training_steps when lr == 0 … here power < 0:
        // 0 ** negative raises at t = num_training_steps.
        let schedule = try makeSchedule(#"{"type": "hf.polynomial", "lr": 0.1, "num_warmup_steps": 2, "num_training_steps": 50, "lr_end": 0.0, "power": -1}"#)
        let walked = try schedule.evaluate(steps: 400)
        let result = try ColumnSampler(steps: 400, columns: 20).sample(schedule)
        #expect(result.stop == walked.stop)
        #expect(result.learningRates.last.map { $0.range.upperBound } == walked.learningRates.count)
    }
}
