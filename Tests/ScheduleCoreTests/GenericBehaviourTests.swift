import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// Breakpoints, past-the-end behaviour, validation messages, stateful composition and parity
/// of the generic families with the torch schedulers they mirror.
@Suite struct GenericBehaviourTests {
    /// Metrics of the metric-driven cases (values computed with a Python transcription of
    /// torch's ReduceLROnPlateau).
    static let metrics: [Double] = [5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3.9999, 3.9, 3.9, 3.9]
    static let metricsJSON = "[5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3.9999, 3.9, 3.9, 3.9]"
    static let halving = #"{"type": "plateau", "lr": 1, "factor": 0.5, "patience": 0, "threshold": 0, "threshold_mode": "abs", "metrics": \#(metricsJSON)}"#

    func rates(_ json: String, _ steps: Int) throws -> [Double] {
        let series = try makeSchedule(json).evaluate(steps: steps)
        #expect(series.stop == nil)
        return series.learningRates
    }

    // MARK: Parity with torch (fixture values computed by PyTorch itself)

    static let torchCases: [ReferenceCase] = {
        guard let url = Bundle.module.url(forResource: "frameworks", withExtension: "json", subdirectory: "Fixtures"),
              let cases = try? ReferenceCase.load(from: url) else { return [] }
        return cases.filter { ["torch.CyclicLR", "torch.OneCycleLR", "torch.ReduceLROnPlateau"].contains($0.typeName) }
    }()

    /// The generic spec equivalent to a torch case: same parameter values, generic names.
    static func generic(_ c: ReferenceCase) -> JSONValue {
        guard case .object(let members) = c.schedule else { return .null }
        var out: [(key: String, value: JSONValue)] = []
        func copy(_ from: String, _ to: String? = nil) {
            if let v = members.first(where: { $0.key == from })?.value, v != .null { out.append((to ?? from, v)) }
        }
        switch c.typeName {
        case "torch.CyclicLR":
            out.append(("type", .string("cyclic")))
            ["base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma"].forEach { copy($0) }
        case "torch.OneCycleLR":
            out.append(("type", .string("one_cycle")))
            ["max_lr", "total_steps", "pct_start", "div_factor", "final_div_factor", "three_phase"].forEach { copy($0) }
            copy("anneal_strategy", "anneal")
            if case .integer(let e)? = c.schedule["epochs"], case .integer(let s)? = c.schedule["steps_per_epoch"] {
                out.append(("total_steps", .integer(e * s)))
            }
        default:
            out.append(("type", .string("plateau")))
            ["lr", "metrics", "mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"].forEach { copy($0) }
        }
        return .object(out)
    }

    @Test func torchCasesPresent() { #expect(Self.torchCases.count == 9) }

    @Test(arguments: torchCases)
    func matchesTorch(_ c: ReferenceCase) throws {
        let schedule = try ScheduleCatalog.standard.make(Self.generic(c), path: c.id)
        let series = try schedule.evaluate(steps: c.steps)
        let mismatch = Closeness.firstMismatch(series.learningRates, c.values)
        #expect(mismatch == nil, "\(c.id): \(mismatch ?? "")")
    }

    // MARK: Metric-driven and stateful composition

    @Test func plateauReducesAfterPatienceWithCooldownAndFloor() throws {
        let json = #"{"type": "plateau", "lr": 1, "factor": 0.5, "patience": 1, "threshold": 0, "threshold_mode": "abs", "cooldown": 1, "min_lr": 0.2, "metrics": \#(Self.metricsJSON)}"#
        #expect(try rates(json, 15) == [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2])
        #expect(try makeSchedule(json).breakpoints(below: 15) == [3, 6, 9])
        let schedule = try makeSchedule(json)
        #expect(schedule.usesMetrics && !(schedule is any ClosedFormSchedule))
    }

    @Test func plateauMaxRelative() throws {
        let json = #"{"type": "plateau", "lr": 1, "mode": "max", "factor": 0.5, "patience": 1, "threshold": 0.001, "metrics": [1, 2, 2.0001, 2.001, 2.001, 2.001, 1, 1, 1]}"#
        #expect(try rates(json, 10) == [1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125])
    }

    @Test func plateauNeedsEnoughMetrics() throws {
        let schedule = try makeSchedule(#"{"type": "plateau", "lr": 1, "metrics": [1, 2]}"#)
        #expect(throws: EvaluationError.self) { try schedule.evaluate(steps: 5) }
    }

    @Test func sequenceRestartsStatefulChildAtItsBoundary() throws {
        let json = #"{"type": "sequence", "schedules": [{"type": "constant", "lr": 0.5}, \#(Self.halving)], "boundaries": [3]}"#
        let schedule = try makeSchedule(json)
        #expect(!(schedule is any ClosedFormSchedule) && schedule.usesMetrics)
        #expect(try rates(json, 12) == [0.5, 0.5, 0.5, 1.0, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.015625])
    }

    @Test func warmupBeforeStatefulChild() throws {
        let local = #"{"type": "warmup", "warmup_steps": 2, "schedule": \#(Self.halving)}"#
        #expect(try rates(local, 10) == [0.0, 0.5, 1.0, 1.0, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125])
        let global = #"{"type": "warmup", "warmup_steps": 4, "child_steps": "global", "schedule": \#(Self.halving)}"#
        // The target is the child's value at step 4 (0.25), walking its own metrics.
        #expect(try rates(global, 10) == [0.0, 0.0625, 0.125, 0.1875, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125])
        #expect(!(try makeSchedule(global) is any ClosedFormSchedule))
    }

    @Test func productWithStatefulFactor() throws {
        let json = #"{"type": "product", "schedules": [{"type": "exponential", "lr": 0.1, "gamma": 0.9}, \#(Self.halving)]}"#
        let expected = [0.1, 0.09000000000000001, 0.04050000000000001, 0.018225, 0.0164025, 0.007381125000000001,
                        0.0033215062500000004, 0.0014946778125000003, 0.0006726050156250002, 0.0003026722570312501]
        #expect(Closeness.firstMismatch(try rates(json, 10), expected, relative: 1e-12) == nil)
        #expect(!(try makeSchedule(json) is any ClosedFormSchedule))
    }

    @Test func nestedClosedFormsStayClosedForm() throws {
        let json = #"{"type": "product", "schedules": [{"type": "warmup", "warmup_steps": 3, "schedule": {"type": "sequence", "lr": 0.1, "schedules": [{"type": "cosine", "total_steps": 5}, {"type": "step", "step_size": 2}], "boundaries": [5]}}, {"type": "constant", "lr": 2}]}"#
        let schedule = try makeSchedule(json)
        let closed = try #require(schedule as? any ClosedFormSchedule)
        // Step 3 + 5 + 2 = 10: the step child's first drop, times 2.
        #expect(abs(closed.value(at: 10) - 0.1 * 0.1 * 2) < 1e-15)
        #expect(closed.value(at: 3) == 0.2)
        #expect(schedule.breakpoints(below: 20) == [3, 8, 10, 12, 14, 16, 18])
    }

    // MARK: Epoch intervals

    @Test func epochIntervalHoldsClosedFormValues() throws {
        let inner = try makeSchedule(#"{"type": "step", "lr": 1, "step_size": 2, "gamma": 0.5}"#)
        let wrapped = EpochIntervalSchedule.wrap(inner, stepsPerEpoch: 3)
        let closed = try #require(wrapped as? any ClosedFormSchedule)
        #expect((0..<13).map { closed.value(at: $0) } == [1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25])
        #expect(wrapped.breakpoints(below: 20) == [6, 12, 18])
        #expect(wrapped.breakpoints(below: 18) == [6, 12])
        #expect(EpochIntervalSchedule.wrap(inner, stepsPerEpoch: 1) is StepSchedule)
    }

    @Test func epochIntervalAdvancesStatefulInnerOncePerEpoch() throws {
        let inner = try makeSchedule(#"{"type": "plateau", "lr": 1, "factor": 0.5, "patience": 0, "threshold": 0, "threshold_mode": "abs", "metrics": [3, 3, 3, 2, 2]}"#)
        let wrapped = EpochIntervalSchedule.wrap(inner, stepsPerEpoch: 3)
        #expect(wrapped.metrics == [3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2])
        let series = try wrapped.evaluate(steps: 16)
        #expect(series.learningRates == [1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.125])
        #expect(wrapped.breakpoints(below: 16) == [6, 9, 15])
    }

    /// A per-epoch schedule that stops after `last` epochs.
    struct Stopping: Schedule {
        var last: Int
        func start() -> any ScheduleState { S(last: last) }
        struct S: ScheduleState {
            var last: Int
            var epoch = 0
            var learningRate: Double { Double(epoch) }
            mutating func advance(metric: Double?) throws {
                if epoch == last { throw ScheduleStop(step: epoch + 1, "done") }
                epoch += 1
            }
        }
    }

    @Test func epochIntervalStopScalesToSteps() throws {
        let series = try EpochIntervalSchedule.wrap(Stopping(last: 2), stepsPerEpoch: 4).evaluate(steps: 20)
        #expect(series.learningRates == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
        #expect(series.stop?.step == 12)
    }

    @Test func childStopsAreReportedAtTheGlobalStep() throws {
        // Stopping(last: 2) has values 0, 1, 2 and stops at its step 3.
        let seq = SequenceSchedule(schedules: [ConstantSchedule(learningRate: 9), Stopping(last: 2)], boundaries: [4])
        let s1 = try seq.evaluate(steps: 20)
        #expect(s1.learningRates == [9, 9, 9, 9, 0, 1, 2])
        #expect(s1.stop?.step == 7)
        let warm = WarmupSchedule(child: Stopping(last: 2), warmupSteps: 2, shape: .linear, globalSteps: false,
                                  startLearningRate: nil, startFactor: 0)
        let s2 = try warm.evaluate(steps: 20)
        #expect(s2.learningRates == [0, 0, 0, 1, 2])
        #expect(s2.stop?.step == 5)
        let product = ProductSchedule(schedules: [ConstantSchedule(learningRate: 2), Stopping(last: 2)])
        let s3 = try product.evaluate(steps: 20)
        #expect(s3.learningRates == [0, 2, 4])
        #expect(s3.stop?.step == 3)
    }

    // MARK: Breakpoints

    @Test func breakpoints() throws {
        func bp(_ json: String, _ steps: Int) throws -> [Int] { try makeSchedule(json).breakpoints(below: steps) }
        #expect(try bp(#"{"type": "step", "lr": 1, "step_size": 3}"#, 10) == [3, 6, 9])
        #expect(try bp(#"{"type": "step", "lr": 1, "step_size": 1}"#, 1_000_000) == [])
        #expect(try bp(#"{"type": "multistep", "lr": 1, "milestones": [2, 5, 6]}"#, 6) == [2, 5])
        #expect(try bp(#"{"type": "cosine_restarts", "lr": 1, "period": 4, "t_mult": 1.5}"#, 40) == [4, 10, 19, 33])
        #expect(try bp(#"{"type": "cosine_restarts", "lr": 1, "period": 4}"#, 13) == [4, 8, 12])
        #expect(try bp(#"{"type": "cyclic", "base_lr": 0.1, "max_lr": 1, "step_size_up": 3, "step_size_down": 5}"#, 20) == [3, 8, 11, 16, 19])
        #expect(try bp(#"{"type": "one_cycle", "max_lr": 1, "total_steps": 20}"#, 30) == [6, 19])
        #expect(try bp(#"{"type": "wsd", "lr": 1, "total_steps": 20, "warmup_steps": 3, "decay_steps": 5}"#, 23) == [3, 15, 20])
        #expect(try bp(#"{"type": "inverse_sqrt", "lr": 1, "warmup_steps": 5}"#, 10) == [4])
        #expect(try bp(#"{"type": "linear", "lr": 1, "total_steps": 7}"#, 10) == [7])
        #expect(try bp(#"{"type": "linear", "lr": 1, "total_steps": 7}"#, 7) == [])
        #expect(try bp(#"{"type": "piecewise", "knots": [[0, 1], [4, 0.5], [9, 0.1]]}"#, 9) == [4])
        let cosine = #"{"type": "cosine", "lr": 0.1, "total_steps": 10}"#
        #expect(try bp(#"{"type": "warmup", "warmup_steps": 4, "schedule": \#(cosine)}"#, 16) == [4, 14])
        #expect(try bp(#"{"type": "warmup", "warmup_steps": 4, "child_steps": "global", "schedule": \#(cosine)}"#, 16) == [4, 10])
        #expect(try bp(#"{"type": "sequence", "schedules": [{"type": "step", "lr": 1, "step_size": 2}, {"type": "linear", "lr": 1, "total_steps": 4}, {"type": "constant", "lr": 1}], "boundaries": [5, 8]}"#, 12) == [2, 4, 5, 8])
        #expect(try bp(#"{"type": "product", "schedules": [{"type": "step", "lr": 1, "step_size": 4}, {"type": "linear", "lr": 1, "total_steps": 6}]}"#, 10) == [4, 6, 8])
    }

    // MARK: Boundaries and past the end

    @Test func boundariesTakeEffectWhereDocumented() throws {
        func v(_ json: String, _ t: Int) throws -> Double {
            try #require(try makeSchedule(json) as? any ClosedFormSchedule).value(at: t)
        }
        let step = #"{"type": "step", "lr": 1, "step_size": 3, "gamma": 0.5}"#
        #expect(try v(step, 2) == 1 && v(step, 3) == 0.5)
        let multi = #"{"type": "multistep", "lr": 1, "milestones": [4], "gamma": 0.5}"#
        #expect(try v(multi, 3) == 1 && v(multi, 4) == 0.5)
        let piece = #"{"type": "piecewise", "knots": [[2, 1], [6, 0.5]], "interpolation": "step"}"#
        #expect(try v(piece, 0) == 1 && v(piece, 5) == 1 && v(piece, 6) == 0.5 && v(piece, 100) == 0.5)
        let cyclic = #"{"type": "cyclic", "base_lr": 0.1, "max_lr": 1, "step_size_up": 3, "step_size_down": 5}"#
        #expect(try v(cyclic, 0) == 0.1 && v(cyclic, 3) == 1 && abs(v(cyclic, 8) - 0.1) < 1e-15)
        let noam = #"{"type": "inverse_sqrt", "d_model": 512, "warmup_steps": 4000}"#
        let peak = 1 / (512.0 * 4000).squareRoot()
        #expect(try abs(v(noam, 3999) - peak) < 1e-15 * peak * 10)
        #expect(try v(noam, 3998) < v(noam, 3999) && v(noam, 4000) < v(noam, 3999))
        let warm = #"{"type": "warmup", "warmup_steps": 4, "schedule": {"type": "constant", "lr": 0.8}}"#
        #expect(try v(warm, 0) == 0 && v(warm, 2) == 0.4 && v(warm, 4) == 0.8)
        let seq = #"{"type": "sequence", "lr": 1, "schedules": [{"type": "constant"}, {"type": "linear", "total_steps": 2}], "boundaries": [3]}"#
        #expect(try v(seq, 2) == 1 && v(seq, 3) == 1 && v(seq, 4) == 0.5 && v(seq, 5) == 0)
    }

    @Test func pastTheEnd() throws {
        func v(_ json: String, _ t: Int) throws -> Double {
            try #require(try makeSchedule(json) as? any ClosedFormSchedule).value(at: t)
        }
        let far = 1_000_000_000
        #expect(try v(#"{"type": "cosine", "lr": 1, "min_lr": 0.01, "total_steps": 10}"#, far) == 0.01)
        #expect(try v(#"{"type": "linear", "lr": 1, "end_lr": 0.2, "total_steps": 10}"#, far) == 0.2)
        #expect(try v(#"{"type": "polynomial", "lr": 1, "end_lr": 0.2, "total_steps": 10, "power": 3}"#, far) == 0.2)
        #expect(try v(#"{"type": "rex", "lr": 1, "min_lr": 0.05, "total_steps": 10}"#, far) == 0.05)
        #expect(try v(#"{"type": "wsd", "lr": 1, "min_lr": 0.05, "total_steps": 10}"#, far) == 0.05)
        #expect(try v(#"{"type": "one_cycle", "max_lr": 1, "total_steps": 100}"#, far) == 1.0 / 25 / 1e4)
        #expect(try v(#"{"type": "one_cycle", "max_lr": 1, "total_steps": 100}"#, 99) == 1.0 / 25 / 1e4)
        let tanh = #"{"type": "tanh", "lr": 1, "total_steps": 10}"#
        #expect(try v(tanh, far) == v(tanh, 10))
        #expect(try abs(v(tanh, 10) - (1 - Foundation.tanh(3.0)) / 2) < 1e-16)
        #expect(try v(#"{"type": "piecewise", "knots": [[0, 1], [5, 0.3]]}"#, far) == 0.3)
        // Restart 20 of SGDR with period 3, t_mult 2 starts at 3·(2^20 − 1), at the decayed peak.
        let sgdr = #"{"type": "cosine_restarts", "lr": 0.1, "period": 3, "t_mult": 2, "decay": 0.5}"#
        let start20 = 3 * ((1 << 20) - 1)
        #expect(try v(sgdr, start20) == 0.1 * pow(0.5, 20))
        #expect(try v(sgdr, start20 - 1) < 1e-12 * 0.1 * pow(0.5, 19))
        // The walked series of one_cycle goes on past total_steps (torch would raise).
        let oc = try makeSchedule(#"{"type": "one_cycle", "max_lr": 1, "total_steps": 10}"#).evaluate(steps: 15)
        #expect(oc.stop == nil && oc.learningRates.count == 15 && oc.learningRates[14] == 1.0 / 25 / 1e4)
    }

    // MARK: Validation

    @Test(arguments: [
        (#"{"type": "step", "lr": 1, "step_size": 0}"#, "step_size: must be ≥ 1, found 0"),
        (#"{"type": "step", "lr": 1, "step_size": 2, "gama": 0.5}"#, "gama: unknown parameter \"gama\" for step; did you mean \"gamma\"?"),
        (#"{"type": "multistep", "lr": 1, "milestones": [5, 3]}"#, "milestones: must be strictly increasing, found 5 then 3"),
        (#"{"type": "multistep", "lr": 1, "milestones": [0, 3]}"#, "milestones: must all be ≥ 1, found 0 at index 0"),
        (#"{"type": "exponential", "lr": 1, "gamma": 0}"#, "gamma: must be > 0, found 0.0"),
        (#"{"type": "time_based", "lr": 1, "decay": -1}"#, "decay: must be ≥ 0, found -1.0"),
        (#"{"type": "linear", "lr": -1, "total_steps": 3}"#, "lr: must be ≥ 0, found -1.0"),
        (#"{"type": "polynomial", "lr": 1, "total_steps": 3, "power": 0}"#, "power: must be > 0, found 0.0"),
        (#"{"type": "cosine", "lr": 1}"#, "cosine needs \"total_steps\" (a whole number): Steps of annealing (≥ 1)."),
        (#"{"type": "cosine_restarts", "lr": 1, "period": 5, "t_mult": 0.5}"#, "t_mult: must be ≥ 1, found 0.5"),
        (#"{"type": "cyclic", "base_lr": 1, "max_lr": 0.5}"#, "max_lr: must be ≥ base_lr (1.0), found 0.5"),
        (#"{"type": "cyclic", "base_lr": 0.1, "max_lr": 0.5, "mode": "triangle"}"#, "mode: unknown value \"triangle\"; expected one of \"triangular\", \"triangular2\", \"exp_range\"; did you mean \"triangular\"?"),
        (#"{"type": "one_cycle", "max_lr": 1, "total_steps": 100, "pct_start": 1.3}"#, "pct_start: must be in [0, 1], found 1.3"),
        (#"{"type": "one_cycle", "max_lr": 1, "total_steps": 3, "pct_start": 0.3}"#, "pct_start: pct_start · total_steps must be > 1 so the warm-up phase lasts at least one step, found 0.3 · 3 = 0.8999999999999999"),
        (#"{"type": "one_cycle", "max_lr": 1, "total_steps": 10, "pct_start": 1}"#, "pct_start: must be < 1 so the annealing phase lasts at least one step, found 1.0"),
        (#"{"type": "plateau", "lr": 1, "factor": 1}"#, "factor: must be in (0, 1), found 1.0"),
        (#"{"type": "inverse_sqrt", "lr": 1, "d_model": 512, "warmup_steps": 10}"#, "d_model: give either lr (the peak) or d_model (the paper's form), not both"),
        (#"{"type": "inverse_sqrt", "warmup_steps": 10}"#, "inverse_sqrt needs \"lr\" (the peak) or \"d_model\" (the paper's form)"),
        (#"{"type": "wsd", "lr": 1, "total_steps": 10, "warmup_steps": 8, "decay_steps": 3}"#, "warmup_steps: warmup_steps + decay steps must be ≤ total_steps: 8 + 3 > 10"),
        (#"{"type": "wsd", "lr": 1, "total_steps": 10, "decay_steps": 3, "decay_fraction": 0.2}"#, "decay_fraction: give decay_steps or decay_fraction, not both"),
        (#"{"type": "wsd", "lr": 1, "stable_steps": 10}"#, "wsd needs \"total_steps\", or \"stable_steps\" and \"decay_steps\""),
        (#"{"type": "wsd", "lr": 1, "total_steps": 10, "stable_steps": 5, "decay_steps": 3}"#, "stable_steps: warmup_steps + stable_steps + decay steps must equal total_steps: 0 + 5 + 3 ≠ 10"),
        (#"{"type": "tanh", "lr": 1, "total_steps": 10, "lower": 3, "upper": 3}"#, "upper: must be > lower (3.0), found 3.0"),
        (#"{"type": "piecewise", "knots": [[0, 1], [0, 2]]}"#, "knots[1][0]: knot steps must be strictly increasing, found 0 then 0"),
        (#"{"type": "piecewise", "knots": [[0, 1], 5]}"#, "knots[1]: expected a [step, value] pair, found the integer 5"),
        (#"{"type": "piecewise", "knots": []}"#, "knots: needs at least one [step, value] pair"),
        (#"{"type": "warmup", "warmup_steps": 5, "schedule": {"type": "cosine", "lr": 1, "total_steps": 0}}"#, "schedule.total_steps: must be ≥ 1, found 0"),
        (#"{"type": "warmup", "warmup_steps": 5, "warmup": "exponential", "schedule": {"type": "constant", "lr": 1}}"#, "start_factor: exponential warm-up needs a start > 0 (e.g. \"start_factor\": 0.01), found 0.0"),
        (#"{"type": "sequence", "schedules": [{"type": "constant", "lr": 1}, {"type": "constant", "lr": 2}], "boundaries": []}"#, "boundaries: needs one boundary fewer than schedules (1), found 0"),
        (#"{"type": "sequence", "schedules": [{"type": "constant", "lr": 1}, {"type": "constant", "lr": 2}, {"type": "constant", "lr": 3}], "boundaries": [4, 4]}"#, "boundaries: must be strictly increasing, found 4 then 4"),
        (#"{"type": "product", "schedules": []}"#, "schedules: needs at least one schedule"),
    ])
    func validation(_ json: String, _ message: String) {
        #expect(buildError(json) == message)
    }
}
