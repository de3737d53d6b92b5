import Foundation
import TestSupport
import Testing
import RunLogs
import ScheduleCore
@testable import RunCheck

/// Every log in shared/real-runs checked against the hyper-parameters its repository states
/// (Tests/RunFixtures/real-runs/README.md). Warm-up ratios become steps as transformers'
/// `get_warmup_steps` does: ⌈ratio · total⌉. Where the README names the transformers version,
/// its logging convention is used.
@Suite struct RealRunVerdictTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var key: String?
        var plan: String
        var stepsPerEpoch: Int?
        var conventions: [StepConvention]?
        var description: String { name }
    }

    static let before = [StepConvention.transformersBefore451]
    static let since = [StepConvention.transformersSince451]

    @Test func matchingRuns() throws {
        let cases: [Case] = [
            // transformers 4.26, constant_with_warmup 1000, resumed from checkpoint-66000: the resume kept the schedule.
            Case(name: "hf-3", file: "real-runs/hf-3/trainer_state.json", plan: #"{"type": "hf.constant_with_warmup", "lr": 3e-6, "num_warmup_steps": 1000}"#, conventions: Self.before),
            // transformers 4.30.2, cosine, warmup_ratio 0.03 of 1218 steps = 37.
            Case(name: "hf-4", file: "real-runs/hf-4/output/trainer_state.json", plan: #"{"type": "hf.cosine", "lr": 2e-5, "num_warmup_steps": 37, "num_training_steps": 1218}"#, conventions: Self.before),
            // constant ignores warmup_ratio: 2e-4 throughout.
            Case(name: "hf-6", file: "real-runs/hf-6/output/trainer_state.json", plan: #"{"type": "hf.constant", "lr": 2e-4}"#),
            // linear without warm-up over 313 steps; logs like transformers ≥ 4.51.
            Case(name: "hf-7", file: "real-runs/hf-7/model/trainer_state.json", plan: #"{"type": "hf.linear", "lr": 2e-4, "num_warmup_steps": 0, "num_training_steps": 313}"#, conventions: Self.since),
            // transformers 4.41.2, cosine, warmup_ratio 0.1 of 8660 = 866.
            Case(name: "hf-8", file: "real-runs/hf-8/checkpoint-8500/trainer_state.json", plan: #"{"type": "hf.cosine", "lr": 5e-5, "num_warmup_steps": 866, "num_training_steps": 8660}"#, conventions: Self.before),
            Case(name: "hf-8 (LLaMA-Factory log)", file: "real-runs/hf-8/trainer_log.jsonl", key: "learning_rate", plan: #"{"type": "hf.cosine", "lr": 5e-5, "num_warmup_steps": 866, "num_training_steps": 8660}"#, conventions: Self.before),
            // transformers 4.51.0.dev0 from before PR #36973 was merged; linear, no warm-up, 215337 steps.
            Case(name: "tb-1", file: "real-runs/tb-1/runs", plan: #"{"type": "hf.linear", "lr": 5e-5, "num_warmup_steps": 0, "num_training_steps": 215337}"#, conventions: Self.before),
            // Lightning, StepLR(step_size=1, gamma=0.97) per epoch of 429 steps, logged at each epoch's start.
            Case(name: "tb-2", file: "real-runs/tb-2/lightning_logs/version_0", plan: #"{"type": "torch.StepLR", "lr": 1e-4, "step_size": 1, "gamma": 0.97, "interval": "epoch"}"#, stepsPerEpoch: 429),
        ]
        for c in cases {
            let report = try check(c.file, key: c.key, plan(c.plan, stepsPerEpoch: c.stepsPerEpoch), stepsPerEpoch: c.stepsPerEpoch, conventions: c.conventions)
            #expect(report.verdict == .matches, "\(c.name): \(report)")
        }
    }

    /// fp16 runs (Native AMP) whose loss scaler skipped optimizer steps: a lag that grows.
    @Test func fp16RunsLag() throws {
        let hf1 = try check("real-runs/hf-1/trainer_state.json",
                            plan(#"{"type": "hf.linear", "lr": 1e-5, "num_warmup_steps": 500, "num_training_steps": 5000}"#),
                            conventions: Self.before)
        #expect(hf1.explanations == [.growingLag(initialLag: 2, growth: [LagChange(step: 125, lag: 3), LagChange(step: 375, lag: 4)])])
        let hf2 = try check("real-runs/hf-2/trainer_state.json",
                            plan(#"{"type": "hf.linear", "lr": 1e-5, "num_warmup_steps": 500, "num_training_steps": 15000}"#),
                            conventions: Self.before)
        guard case .growingLag(let initial, let growth)? = hf2.explanations.first else { Issue.record("\(hf2)"); return }
        #expect(initial == 3 && growth.last == LagChange(step: 12000, lag: 10) && growth.count == 7)
        // hf-5 (fp16 on a T4, transformers of Aug 2025): on plan until step 2025, one skipped step before 2040.
        let hf5 = try check("real-runs/hf-5/trainer_state.json",
                            plan(#"{"type": "hf.cosine", "lr": 1e-5, "num_warmup_steps": 57, "num_training_steps": 2808}"#),
                            conventions: Self.since)
        #expect(hf5.explanations == [.growingLag(initialLag: 0, growth: [LagChange(step: 2040, lag: 1)])])
        #expect(hf5.firstDifference?.step == 2040)
    }

    /// run.sh asks for cosine with warmup_ratio 0.03, but ds_config.json's WarmupLR scheduler
    /// (1e-5 → 2e-5 over "auto" = 4 steps, then constant) is what ran.
    @Test func deepSpeedConfigOverrodeTheCosine() throws {
        let report = try check("real-runs/deepspeed-1/output/trainer_state.json",
                               plan(#"{"type": "hf.cosine", "lr": 2e-5, "num_warmup_steps": 4, "num_training_steps": 128}"#))
        #expect(report.verdict == .unexplained)
        #expect(report.pointsDiffering == 127)
        #expect(report.firstDifference?.step == 1)
    }

    /// pytorch-forecasting's ReduceLROnPlateau (factor 1/2, patience 4, cooldown = patience,
    /// min_lr 1e-5, per epoch of 30 steps) replayed on the val_loss the run logged.
    @Test func plateauReplayedOnTheLoggedValidationLoss() throws {
        let file = RunFixtures.path("real-runs/tb-3/TFT-Prediction/lightning_logs/optuna/version_2")
        let valLoss = try LogReader.read(file, key: "val_loss")
        #expect(valLoss.points.count == 50)
        func plateau(lr: Double) throws -> CheckPlan {
            try CheckPlan(.object([("type", .string("torch.ReduceLROnPlateau")), ("lr", .number(lr)), ("factor", .number(0.5)),
                                   ("patience", .integer(4)), ("cooldown", .integer(4)), ("min_lr", .number(1e-5)),
                                   ("metrics", .array(valLoss.points.map { .number($0.value) })), ("interval", .string("epoch"))]),
                          stepsPerEpoch: 30)
        }
        // hparams.yaml states learning_rate 0.001; the optuna trial ran with another rate.
        let stated = try RunChecker.check(log: file, against: plateau(lr: 0.001), options: CheckOptions(stepsPerEpoch: 30))
        guard case .parameter(let fit)? = stated.explanations.first else { Issue.record("\(stated)"); return }
        #expect(fit.role == .peak && fit.name == "lr" && abs(fit.fitted - 0.0026688119396567345) < 1e-9)
        let trial = try RunChecker.check(log: file, against: plateau(lr: 0.0026688119396567345), options: CheckOptions(stepsPerEpoch: 30))
        #expect(trial.matches)
        #expect(trial.pointsCompared == 50)
    }

    @Test func timmSummaryHasNoRate() throws {
        let file = RunFixtures.path("real-runs/timm-1/output/summary.csv")
        #expect(throws: CheckError.log(.noLearningRateKey(file: file, keys: ["train_loss", "eval_loss", "eval_top1", "eval_top5"]))) {
            try RunChecker.check(log: file, against: plan(#"{"type": "timm.CosineLRScheduler", "lr": 4e-4, "t_initial": 1800}"#))
        }
    }
}
