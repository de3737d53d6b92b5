import Foundation
import TestSupport
import Testing
import RunLogs
import ScheduleCore
@testable import RunCheck

/// Runs made by the real tools (tools/runlogs/make_fixtures.py), checked against the plan
/// recorded with them: the correct runs match, and each reproduced fault is named.
@Suite struct FaultTests {
    @Test(arguments: [
        ("hf-trainer-cosine", "hf-trainer-cosine/trainer_state.json", "transformers ≥ 4.51"),
        ("hf-trainer-cosine", "hf-trainer-cosine/runs", "transformers ≥ 4.51"),
        ("torch-onecycle", "torch-onecycle", "plan step = logged step"),
        ("timm-cosine", "timm-cosine/summary.csv", "timm summary.csv"),
        ("mlflow-steplr", "mlflow-steplr/run", "plan step = logged step"),
        ("mmengine-cosine", "mmengine-cosine/scalars.json", "mmengine"),
        ("keras-cosine", "keras-cosine/train", "Keras TensorBoard"),
        ("detectron2-balloon", "detectron2-balloon/metrics.json", "plan step = logged step"),
    ])
    func correctRunsMatch(_ fixture: String, _ file: String, _ convention: String) throws {
        let (plan, params) = try recorded(fixture)
        let spe: Int? = if case .integer(let n)? = params["steps_per_epoch"] { n } else { nil }
        let report = try check(file, plan, stepsPerEpoch: spe)
        #expect(report.matches, "\(report)")
        #expect(report.verdict == .matches)
        #expect(report.convention.name == convention)
        #expect(report.pointsCompared > 0 && report.pointsOutsidePlan == 0)
        #expect(report.explanations.isEmpty)
    }

    @Test func lightningParameterGroupsMatchTheirOwnRates() throws {
        let (pg1, params) = try recorded("lightning-cosine-groups")
        let pg2 = try CheckPlan(params["plan_pg2"] ?? .null)
        let file = "lightning-cosine-groups/csv/version_0/metrics.csv"
        #expect(try check(file, key: "lr-SGD/pg1", pg1).matches)
        #expect(try check(file, key: "lr-SGD/pg2", pg2).matches)
        // pg2 against pg1's plan: one parameter, the peak rate, explains it.
        let crossed = try check(file, key: "lr-SGD/pg2", pg1)
        #expect(crossed.explanations == [.parameter(ParameterFit(role: .peak, name: "lr", planned: 0.1, fitted: 0.01))])
    }

    /// `add_scalar` after `scheduler.step()` at the index of the step just taken.
    @Test func loggerRecordsTheNextStepsValue() throws {
        let (plan, _) = try recorded("torch-logs-next-step")
        let report = try check("torch-logs-next-step", plan)
        #expect(report.verdict == .explained)
        #expect(report.explanations == [.offset(k: 1)])
        #expect(report.firstDifference?.step == 0)
    }

    /// `scheduler.step()` on every micro-batch with gradient accumulation 3, logged after the
    /// optimizer step and before that micro-batch's scheduler step.
    @Test func gradientAccumulationMiscounted() throws {
        let (plan, params) = try recorded("torch-grad-accum-miscounted")
        guard case .integer(let k)? = params["gradient_accumulation_steps"] else { Issue.record("params"); return }
        let report = try check("torch-grad-accum-miscounted", plan)
        #expect(report.explanations.first == .stepScale(factor: k, phase: -1))
    }

    /// accelerate on two processes: the scheduler stepped twice per optimizer step.
    @Test func schedulerSteppedPerProcess() throws {
        let (plan, params) = try recorded("accelerate-two-processes")
        guard case .integer(let processes)? = params["num_processes"] else { Issue.record("params"); return }
        let report = try check("accelerate-two-processes", plan)
        #expect(report.explanations.first == .stepScale(factor: processes, phase: 0))
        #expect(report.firstDifference?.step == 1)
    }

    /// A per-step cosine stepped once per epoch (Lightning's default interval).
    @Test func perStepScheduleSteppedPerEpoch() throws {
        let (plan, params) = try recorded("lightning-per-epoch")
        guard case .integer(let spe)? = params["steps_per_epoch"] else { Issue.record("params"); return }
        let csv = try check("lightning-per-epoch/csv/version_0/metrics.csv", plan, stepsPerEpoch: spe)
        #expect(csv.explanations == [.steppedPerEpoch(stepsPerEpoch: spe)])
        let tb = try check("lightning-per-epoch/tb/version_0", plan, stepsPerEpoch: spe)
        #expect(tb.explanations == [.steppedPerEpoch(stepsPerEpoch: spe)])
        // Without steps_per_epoch the same stepping is found as a step divisor.
        let withoutEpochs = try CheckPlan(params["plan"] ?? .null)
        let unknown = try check("lightning-per-epoch/csv/version_0/metrics.csv", withoutEpochs)
        #expect(unknown.explanations == [.stepDivisor(divisor: spe)])
    }

    /// The reverse: a per-epoch plan (StepLR every 10 epochs of 3 steps) that the run stepped
    /// every step (the MLflow run's StepLR(step_size=10) per step).
    @Test func perEpochScheduleSteppedPerStep() throws {
        let perEpoch = try plan(#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 10, "gamma": 0.5, "interval": "epoch"}"#, stepsPerEpoch: 3)
        let report = try check("mlflow-steplr/run", perEpoch, stepsPerEpoch: 3)
        #expect(report.explanations.contains(.steppedPerStep(stepsPerEpoch: 3)))
    }

    /// Crashed after step 29, resumed from the step-20 checkpoint without the scheduler's state.
    @Test func resumedRunRestartedTheSchedule() throws {
        let (plan, params) = try recorded("torch-resumed-restarted")
        guard case .integer(let resumed)? = params["resumed_from_step"], case .integer(let crashed)? = params["crashed_after_step"] else {
            Issue.record("params"); return
        }
        let report = try check("torch-resumed-restarted", plan)
        #expect(report.explanations == [.restarted(atStep: resumed, shift: resumed)])
        #expect(report.firstDifference?.step == resumed)
        #expect(report.notes.contains(.repeatedSteps(count: crashed - resumed + 1, firstStep: resumed, lastStep: crashed, resumes: 1)))
    }

    /// GradScaler skipped the optimizer (and scheduler) steps where the gradients overflowed.
    @Test func fp16SkippedStepsMakeAGrowingLag() throws {
        let (plan, params) = try recorded("torch-fp16-skipped-steps")
        guard case .array(let skippedValues)? = params["skipped_optimizer_steps"] else { Issue.record("params"); return }
        let skipped = skippedValues.compactMap { v -> Int? in if case .integer(let i) = v { return i }; return nil }
        #expect(!skipped.isEmpty)
        // Logged after the scheduler at the global step, like transformers before 4.51.
        let report = try check("torch-fp16-skipped-steps", plan)
        #expect(report.convention == .transformersBefore451)
        let growth = skipped.enumerated().map { LagChange(step: $1, lag: $0 + 1) }
        #expect(report.explanations == [.growingLag(initialLag: 0, growth: growth)])
    }

    /// The right log against a wrong plan: one refitted parameter names the difference.
    @Test func differentTotalWarmupAndPeak() throws {
        let file = "hf-trainer-cosine/trainer_state.json"
        let total = try check(file, plan(#"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 5, "num_training_steps": 60}"#))
        #expect(total.explanations == [.parameter(ParameterFit(role: .total, name: "num_training_steps", planned: 60, fitted: 40))])
        let longer = try check(file, plan(#"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 10, "num_training_steps": 40}"#))
        let shorterFit = ParameterFit(role: .warmup, name: "num_warmup_steps", planned: 10, fitted: 5)
        #expect(longer.explanations.contains(.parameter(shorterFit)))
        #expect(shorterFit.warmupChange == .shorter)
        let none = try check(file, plan(#"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 0, "num_training_steps": 40}"#))
        #expect(none.explanations.contains(.parameter(ParameterFit(role: .warmup, name: "num_warmup_steps", planned: 0, fitted: 5))))
        let peak = try check(file, plan(#"{"type": "hf.cosine", "lr": 2e-3, "num_warmup_steps": 5, "num_training_steps": 40}"#))
        #expect(peak.explanations == [.parameter(ParameterFit(role: .peak, name: "lr", planned: 2e-3, fitted: 1e-3))])
        // Two parameters wrong at once: no simple explanation, and the first divergence (the
        // warm-ups of 10 steps to 2e-3 and 5 steps to 1e-3 rise alike until step 6).
        let two = try check(file, plan(#"{"type": "hf.cosine", "lr": 2e-3, "num_warmup_steps": 10, "num_training_steps": 40}"#))
        #expect(two.verdict == .unexplained)
        #expect(two.convention == .transformersSince451)
        #expect(two.firstDifference?.step == 7)
    }

    @Test func missingWarmupAndDifferentFloor() throws {
        // hf-7 ran linear without warm-up; a plan with 20 warm-up steps: the warm-up is missing.
        let report = try check("real-runs/hf-7/model/trainer_state.json",
                               plan(#"{"type": "hf.linear", "lr": 2e-4, "num_warmup_steps": 20, "num_training_steps": 313}"#))
        let fit = ParameterFit(role: .warmup, name: "num_warmup_steps", planned: 20, fitted: 0)
        #expect(report.explanations.contains(.parameter(fit)))
        #expect(fit.warmupChange == .missing)
        let floor = try check("timm-cosine/summary.csv",
                              plan(#"{"type": "timm.CosineLRScheduler", "lr": 0.05, "t_initial": 12, "lr_min": 1e-3, "warmup_t": 3, "warmup_lr_init": 1e-3}"#))
        #expect(floor.explanations.contains(.parameter(ParameterFit(role: .floor, name: "lr_min", planned: 1e-3, fitted: 1e-4))))
    }

    /// Streaming the file and checking the series read into memory give the same report.
    @Test func streamingEqualsInMemory() throws {
        let (plan, _) = try recorded("torch-resumed-restarted")
        let streamed = try check("torch-resumed-restarted", plan)
        let series = try LogReader.read(RunFixtures.path("torch-resumed-restarted"))
        let inMemory = try RunChecker.check(.series(series), against: plan)
        #expect(streamed == inMemory)
    }

    @Test func errors() throws {
        #expect(throws: CheckError.needsStepsPerEpoch(reason: "\(RunFixtures.path("keras-cosine/train")) is logged per epoch (Keras TensorBoard)")) {
            try check("keras-cosine/train", plan(#"{"type": "keras.CosineDecay", "initial_learning_rate": 0.01, "decay_steps": 40}"#))
        }
        #expect(throws: CheckError.needsStepsPerEpoch(reason: "the plan has \"interval\": \"epoch\"")) {
            try plan(#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 3, "interval": "epoch"}"#)
        }
        #expect {
            try plan(#"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_step": 5, "num_training_steps": 40}"#)
        } throws: { error in
            guard case CheckError.plan(let path, let message) = error else { return false }
            return path == "plan.num_warmup_step" && message.contains("num_warmup_steps")
        }
        #expect {
            try check("hf-trainer-cosine/trainer_state.json", key: "lr", plan(#"{"type": "constant", "lr": 1}"#))
        } throws: { error in
            guard case CheckError.log(.unknownKey(_, "lr", _, _)) = error else { return false }
            return true
        }
        // A TensorBoard key that is given is not looked up before the pass; the pass names it.
        #expect {
            try check("torch-onecycle", key: "learning_rate", plan(#"{"type": "constant", "lr": 1}"#))
        } throws: { error in
            guard case CheckError.log(.unknownKey(_, "learning_rate", let candidates, _)) = error else { return false }
            return candidates == ["lr"]
        }
    }

    @Test func evenSampleStaysBounded() {
        var sample = EvenSample(capacity: 100)
        for step in 0..<100_000 { sample.add(CheckPoint(step: step, value: 0, precision: .float32)) }
        #expect(sample.points.count >= 100 && sample.points.count < 200)
        let gaps = Set(zip(sample.points, sample.points.dropFirst()).map { $1.step - $0.step })
        #expect(gaps.count == 1)
        #expect(sample.points.first?.step == 0)
    }
}
