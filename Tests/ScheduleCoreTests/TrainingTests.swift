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

    /// Counts past 2⁶³ (Python's ints would go on) are errors that name the key, for every
    /// trainer — never a trap. Found by a new-user trial: dataset_size 2⁶³ − 1 × 3 epochs,
    /// batch_size 2⁶² × 4 devices, epochs 1e19 and 1e300 trapped in the step accounting.
    @Test func countsBeyondInt64AreErrorsNamingTheKey() throws {
        let blocks = [
            (#""dataset_size": 9223372036854775807, "batch_size": 1, "epochs": 3"#, ["training.epochs", "training"]),
            (#""dataset_size": 1000, "batch_size": 4611686018427387904, "devices": 4, "epochs": 1"#, ["training.batch_size"]),
            (#""dataset_size": 1000, "batch_size": 4, "epochs": 1e19"#, ["training.epochs"]),
            (#""dataset_size": 1000, "batch_size": 4, "epochs": 1e300"#, ["training.epochs"]),
            (#""dataset_size": 9223372036854775807, "batch_size": 1, "grad_accum": 9223372036854775807, "epochs": 3"#, ["training.batch_size", "training.epochs"]),
        ]
        var refused = 0
        for trainer in Trainer.allCases {
            for schedule in [#"{"type": "hf.cosine", "lr": 0.1}"#, #"{"type": "torch.StepLR", "lr": 0.1, "step_size": 3}"#] {
                for (block, paths) in blocks {
                    do {
                        _ = try resolve(schedule, #"{"trainer": "\#(trainer.rawValue)", \#(block)}"#)
                    } catch let error as TrainingError {
                        if case .invalid(let path, let message) = error, message.contains("2⁶³") {
                            #expect(paths.contains(path), "\(trainer) \(block): \(error)")
                            refused += 1
                        }
                    } catch is ScheduleError {
                        // Refused by the schedule (e.g. a keras-only type on another trainer).
                    }
                }
            }
        }
        #expect(refused >= Trainer.allCases.count * 4)
    }

    /// The per-batch and batch-frequency stepping counts, computed in O(1), equal the sums of
    /// their per-step definitions (one scheduler step per batch of each optimizer step; a step
    /// when min(j·A, L) mod f == 0), and huge frequencies cost nothing.
    @Test func steppingCountsMatchTheirPerStepDefinitions() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            let l = Int(rng.next() % 40), a = Int(rng.next() % 7) + 1, f = Int(rng.next() % 9) + 1
            let u = l == 0 ? 0 : (l + a - 1) / a
            let perBatch = (0..<u).map { j in min((j + 1) * a, l) - j * a }
            let lightning = (0..<u).map { j in min((j + 1) * a, l) % f == 0 ? 1 : 0 }
            func brute(_ p: [Int], _ k: Int) -> Int {
                p.isEmpty ? 0 : (k / p.count) * p.reduce(0, +) + p[..<(k % p.count)].reduce(0, +)
            }
            for k in 0...(3 * u + 2) {
                #expect(SchedulerStepping.perBatch(batchesPerEpoch: l, gradAccum: a).count(after: k) == brute(perBatch, k), "L \(l) A \(a) k \(k)")
                #expect(SchedulerStepping.batchFrequency(batchesPerEpoch: l, gradAccum: a, frequency: f).count(after: k) == brute(lightning, k),
                        "L \(l) A \(a) f \(f) k \(k)")
            }
        }
        #expect(SchedulerStepping.every(1_000_000_000_000).count(after: 3_000_000_000_000) == 3)
        #expect(SchedulerStepping.batchFrequency(batchesPerEpoch: .max, gradAccum: .max - 1, frequency: 1 << 40).count(after: .max) >= 0)
        #expect(SchedulerStepping.perBatch(batchesPerEpoch: .max, gradAccum: 3).count(after: .max) == .max)
    }

    /// A stateful schedule stepped 10¹² times per optimizer step (accelerate on 10¹² processes)
    /// is refused before it is walked; a closed form is evaluated at the scheduler step directly.
    @Test func walkingAStatefulScheduleIsBounded() throws {
        let block = #"{"trainer": "accelerate", "dataset_size": 10000000000000, "batch_size": 1, "devices": 1000000000000, "epochs": 1}"#
        #expect {
            try resolve(#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 3}"#, block)
        } throws: { error in
            guard case .invalid(let path, let message)? = error as? TrainingError else { return false }
            return path == "training.devices" && message.contains("at most 1,000,000,000 scheduler steps")
        }
        let closed = try resolve(#"{"type": "hf.linear", "lr": 1.0}"#, block)
        #expect(closed.derivation.stepping == .repeated(1_000_000_000_000))
        #expect(try closed.schedule.evaluate(steps: 3).learningRates.count == 3)
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
