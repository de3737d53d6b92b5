import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// The training block and its step accounting on hand-checked cases (the cases computed by
/// the real trainers are in `StepAccountingParityTests`).
@Suite struct TrainingTests {
    func setup(_ json: String) throws -> TrainingSetup { try TrainingSetup(json: JSONParser.parse(json)) }

    func resolve(_ schedule: String, _ training: String) throws -> ResolvedSchedule {
        try TrainingResolver(training: setup(training)).resolve(JSONParser.parse(schedule), path: "schedules[0]")
    }

    @Test func transformersWarmupRatioAndAccumulationOnSeveralDevices() throws {
        // 52,002 samples, 4 per device on 4 devices, accumulation 8, 3 epochs, warm-up 3 %:
        // ceil(52002/4) = 13001 batches, sharded over 4: 13001 // 4 + 1 = 3251; 3251 / 8 -> 407 steps per epoch.
        let r = try resolve(#"{"type": "hf.cosine", "lr": 2e-5}"#,
                            #"{"dataset_size": 52002, "batch_size": 4, "devices": 4, "grad_accum": 8, "epochs": 3, "warmup_ratio": 0.03}"#)
        #expect(r.derivation.batchesPerEpoch == 3251)
        #expect(r.derivation.stepsPerEpoch == 407)
        #expect(r.derivation.steps == 1221)
        #expect(r.derivation.warmupSteps == 37)   // ceil(1221 * 0.03) = ceil(36.63)
        #expect(r.object["num_training_steps"] == .integer(1221))
        #expect(r.derivation.summary == "1,221 optimizer steps (3 epochs × 407), warm-up 37")
        #expect(r.derivation.globalBatchSize == 128)
    }

    @Test func missingNumberNamesTheKeyAndTheAlternatives() {
        #expect(throws: TrainingError.missing(key: "training.dataset_size", purpose: "hf.linear's num_training_steps (the scheduler steps of the run)", alternatives: ["training.max_steps"])) {
            try resolve(#"{"type": "hf.linear", "lr": 1e-4}"#, #"{"batch_size": 8, "epochs": 2}"#)
        }
        let error = TrainingError.missing(key: "training.dataset_size", purpose: "x", alternatives: ["training.max_steps"])
        #expect(error.description == "training.dataset_size: missing \"dataset_size\": needed for x; give training.dataset_size, or training.max_steps")
    }

    @Test func maxStepsWinsInTransformers() throws {
        let r = try resolve(#"{"type": "hf.linear", "lr": 1e-4}"#, #"{"max_steps": 500, "epochs": 3, "warmup_steps": 50}"#)
        #expect(r.derivation.steps == 500)
        #expect(r.object["num_warmup_steps"] == .integer(50))
    }

    @Test func lightningDefaultsToEpochInterval() throws {
        // 1000 samples, 2 devices: 500 each, batch 32 -> 16 batches, accumulate 3 -> 6 optimizer steps per epoch.
        let r = try resolve(#"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 20}"#,
                            #"{"trainer": "lightning", "dataset_size": 1000, "batch_size": 32, "devices": 2, "grad_accum": 3, "epochs": 20}"#)
        #expect(r.derivation.batchesPerEpoch == 16 && r.derivation.stepsPerEpoch == 6 && r.derivation.steps == 120)
        #expect(r.derivation.stepping == .perEpoch(stepsPerEpoch: 6, frequency: 1))
        let v = try r.schedule.evaluate(steps: 13).learningRates
        #expect(v[0] == v[5] && v[6] < v[5] && v[6] == v[11] && v[12] < v[11])
    }

    @Test func accelerateStepsOncePerProcess() throws {
        let r = try resolve(#"{"type": "hf.linear", "lr": 1.0}"#,
                            #"{"trainer": "accelerate", "dataset_size": 100, "batch_size": 10, "devices": 2, "epochs": 1}"#)
        // 10 batches over 2 processes: 5 optimizer steps; the scheduler sees 10.
        #expect(r.derivation.steps == 5)
        #expect(r.object["num_training_steps"] == .integer(10))
        #expect(try r.schedule.evaluate(steps: 6).learningRates == [1, 0.8, 0.6, 0.4, 0.2, 0])
    }

    @Test func timmPerUpdateFactoryGetsUpdatesPerEpoch() throws {
        // 1,281,167 ImageNet images on 8 GPUs, 128 each: ceil(N/8) = 160146 samples, // 128 = 1251 batches.
        let r = try resolve(#"{"type": "timm.create_scheduler_v2", "lr": 0.5, "sched": "cosine", "num_epochs": 100, "warmup_epochs": 5, "step_on_epochs": false}"#,
                            #"{"dataset_size": 1281167, "batch_size": 128, "devices": 8}"#)
        #expect(r.derivation.stepsPerEpoch == 1251)
        #expect(r.derivation.axis == .update)
        #expect(r.derivation.steps == 125_100)
        #expect(r.derivation.warmupSteps == 6255)
    }

    @Test func deepSpeedAutoAsTheTransformersIntegration() throws {
        let r = try resolve(#"{"type": "deepspeed.WarmupLR", "warmup_min_lr": 1e-5, "warmup_max_lr": 2e-5, "warmup_num_steps": "auto"}"#,
                            #"{"dataset_size": 7473, "batch_size": 4, "devices": 8, "grad_accum": 2, "epochs": 1, "warmup_ratio": 0.03, "learning_rate": 2e-5}"#)
        #expect(r.derivation.trainer == .transformers)
        // ceil(7473/4) = 1869 batches; over 8: 234; / 2 = 117 steps; warm-up max(1, ceil(117 * 0.03)) = 4.
        #expect(r.derivation.steps == 117)
        #expect(r.object["warmup_num_steps"] == .integer(4))
        #expect(throws: TrainingError.self) {
            try resolve(#"{"type": "deepspeed.WarmupLR", "warmup_max_lr": 3e-5, "warmup_num_steps": "auto"}"#,
                        #"{"max_steps": 100, "learning_rate": 2e-5}"#)
        }
    }

    @Test func blockRejectsUnknownKeysWithASuggestion() {
        #expect(throws: ScheduleError(path: "training.grad_acum", "unknown parameter \"grad_acum\" for the training block; did you mean \"grad_accum\"?")) {
            try setup(#"{"grad_acum": 4}"#)
        }
    }
}
