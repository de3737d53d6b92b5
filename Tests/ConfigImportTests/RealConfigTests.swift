import Foundation
import Testing
@testable import ConfigImport
@testable import ScheduleCore

/// Every config of /work/shared/real-runs (copied into Fixtures/real-runs with its source) is
/// read directly: imported, or refused with the error that names the value and the fix.
@Suite struct RealConfigTests {
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/real-runs") else {
            throw ConfigImportError(file: name, location: ConfigLocation(path: ""), problem: "missing fixture", fix: "")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func load(_ name: String, overlay: String? = nil, overrides: [(path: String, value: JSONValue)] = []) throws -> ImportedConfig {
        try ConfigImporter.importConfig(text(name), file: name, overlay: overlay.map { try JSONParser.parse($0) }, overrides: overrides)
    }

    /// The imported schedule resolved against the imported training block.
    static func resolve(_ imported: ImportedConfig, schedule index: Int = 0) throws -> ResolvedSchedule {
        let training = try TrainingSetup(json: imported.spec["training"] ?? .object([]))
        var interval: ScheduleInterval?
        if case .string(let s)? = imported.schedules[index]["interval"] { interval = ScheduleInterval(rawValue: s) }
        return try TrainingResolver(training: training).resolve(imported.schedules[index], path: "schedules[\(index)]",
                                                                ignoring: ["label", "interval"], interval: interval)
    }

    @Test func timm1CosineWithCooldownPerEpoch() throws {
        let imported = try Self.load("timm-1-args.yaml")
        #expect(imported.format == .timm)
        let s = imported.schedules[0]
        #expect(s["type"] == .string("timm.create_scheduler_v2"))
        #expect(s["lr"] == .number(0.0004) && s["num_epochs"] == .integer(1800) && s["cooldown_epochs"] == .integer(10))
        #expect(s["warmup_lr"] == .number(1e-6) && s["min_lr"] == .number(4e-6) && s["step_on_epochs"] == .bool(true))
        // lr_cycle_decay is not in this 0.4-era file: scheduler_kwargs' getattr default.
        #expect(s["cycle_decay"] == .number(0.1))
        #expect(imported.notes.contains { $0.message.contains("lr_cycle_decay not in the file") })
        #expect(imported.notes.contains { $0.message.contains("resumed at epoch 1508") })
        let r = try Self.resolve(imported)
        #expect(r.derivation.axis == .epoch && r.derivation.steps == 1810)
        let v = try r.schedule.evaluate(steps: 1810).learningRates
        #expect(v[0] == 1e-6 && abs(v[5] - 0.0004 * 0.5 * (1 + cos(Double.pi * 5 / 1800)) - 4e-6 * 0.5 * (1 - cos(Double.pi * 5 / 1800))) < 1e-15)
        #expect(v[1800] == 4e-6 && v[1809] == 4e-6)
    }

    @Test func timmNoiseIsRefusedUntilTurnedOff() throws {
        for (name, line) in [("timm-2-reid-stepscheduler.yaml", 68), ("timm-3-reid-updates_by_iter.yaml", 67)] {
            #expect {
                try Self.load(name)
            } throws: { error in
                let e = error as? ConfigImportError
                return e?.location.path == "lr_noise" && e?.location.line == line && e?.location.column == 1
                    && e?.description.hasPrefix("\(name):\(line):1: lr_noise: lr_noise [0.07, 0.15] turns on timm's random") == true
                    && e?.description.contains("set lr_noise to null") == true
            }
        }
        let imported = try Self.load("timm-3-reid-updates_by_iter.yaml", overlay: #"{"devices": 4}"#, overrides: [("lr_noise", .null)])
        // lr null: lr_base 3.5e-4 × (64 × 4 × 1) / 256, linear for rmsproptf.
        let r = try Self.resolve(imported)
        #expect(r.object["lr"] == .number(3.5e-4))
        #expect(r.derivation.axis == .epoch && r.derivation.steps == 30)
        let v = try r.schedule.evaluate(steps: 30).learningRates
        #expect(v[0] == 1e-4 && v[5] == 3.5e-4 && v[29] == 3.5e-4)   // milestones 40, 90 beyond 30 epochs
    }

    @Test func kerasSchedulesInHyperParameterFiles() throws {
        let k1 = try Self.load("keras-1-GIN_hyper.json")
        #expect(k1.format == .keras)
        #expect(k1.schedules[0]["type"] == .string("keras.ExponentialDecay") && k1.schedules[0]["decay_steps"] == .integer(1600))
        #expect(k1.spec["training"]?["batch_size"] == .integer(32) && k1.spec["training"]?["epochs"] == .integer(300))
        let k2 = try Self.load("keras-2-GIN_hyper.json")
        #expect(k2.schedules[0]["decay_steps"] == .integer(5800))
        #expect(k2.notes.contains { $0.message.contains("ExponentialDecay read from training.compile.optimizer.config.lr") })
        #expect {
            try Self.load("keras-3-PAiNN_hyper.json")
        } throws: { error in
            let e = error as? ConfigImportError
            return e?.location.path == "training.compile.optimizer.config.learning_rate.class_name"
                && e?.problem.contains("\"kgcnn>LinearWarmupExponentialDecay\" is a custom schedule class") == true
        }
        // With the data set's size (ESOL: 1128 molecules, 4/5 for training in a 5-fold split): ceil(902 / 32) = 29 batches.
        let r = try Self.resolve(try Self.load("keras-1-GIN_hyper.json", overlay: #"{"dataset_size": 902}"#))
        #expect(r.derivation.axis == .batch && r.derivation.stepsPerEpoch == 29 && r.derivation.steps == 8700)
    }

    @Test func deepSpeedConfigs() throws {
        let d1 = try Self.load("deepspeed-1-ds_config.json")
        #expect(d1.format == .deepspeed && d1.spec["training"]?["trainer"] == .string("transformers"))
        #expect(d1.schedules[0]["warmup_num_steps"] == .string("auto"))
        // Without the Trainer's learning_rate, TrainingArguments' default 5e-05 mismatches warmup_max_lr 2e-05, as the integration says.
        #expect(throws: TrainingError.self) { try Self.resolve(try Self.load("deepspeed-1-ds_config.json", overlay: #"{"max_steps": 128}"#)) }
        // run.sh: --learning_rate 2e-5 --warmup_ratio 0.03; the log has 128 optimizer steps.
        let r1 = try Self.resolve(try Self.load("deepspeed-1-ds_config.json", overlay: #"{"max_steps": 128, "learning_rate": 2e-5, "warmup_ratio": 0.03}"#))
        #expect(r1.object["warmup_num_steps"] == .integer(4))
        let v1 = try r1.schedule.evaluate(steps: 6).learningRates
        #expect(v1[1] == 1e-5 && abs(v1[2] - 1.5e-5) < 1e-20 && v1[5] == 2e-5)   // trainer_state.json logs 1e-05, 1.5e-05, 1.79e-05, 2e-05

        let d2 = try Self.load("deepspeed-2-qanet-1cycle.json")
        #expect(d2.schedules[0]["type"] == .string("deepspeed.OneCycle") && d2.spec["training"]?["trainer"] == .string("deepspeed"))
        #expect(d2.notes.contains { $0.message.contains("\"train_step_batch_size\" is not a DeepSpeed setting") })
        #expect(d2.notes.contains { $0.message.contains("the optimizer's lr 0.001 is not used") })

        let d3 = try Self.load("deepspeed-3-ds_config.json")
        let r3 = try Self.resolve(d3)
        #expect(r3.derivation.steps == 500_000)
        let v3 = try r3.schedule.evaluate(steps: 24_002).learningRates
        #expect(v3[0] == 0 && abs(v3[24_001] - 6e-4) < 1e-18)
    }

    @Test func lightningCLIConfigs() throws {
        let l1 = try Self.load("lightning-1-forestnet_timm.yaml")
        #expect(l1.format == .lightning)
        #expect(l1.schedules[0]["type"] == .string("torch.CosineAnnealingLR") && l1.schedules[0]["lr"] == .number(1e-4))
        #expect(l1.schedules[0]["interval"] == .string("epoch"))
        #expect(l1.spec["training"]?["epochs"] == .integer(100) && l1.spec["training"]?["batch_size"] == .integer(16))
        let r1 = try Self.resolve(l1)
        #expect(r1.derivation.axis == .epoch && r1.derivation.steps == 100)
        let v = try r1.schedule.evaluate(steps: 100).learningRates
        #expect(abs(v[20]) < 1e-20 && abs(v[40] - 1e-4) < 1e-18)   // torch's recursive cosine climbs back after T_max
        let l2 = try Self.load("lightning-2-substation.yaml")
        #expect(l2.schedules[0]["lr"] == .number(1e-4))
        #expect(l2.notes.contains { $0.message.contains("devices \"auto\"") && $0.location?.line == 6 })
    }

    @Test func wandbMetadataCommandLine() throws {
        let imported = try Self.load("hf-4-wandb-metadata.json")
        #expect(imported.format == .transformers)
        #expect(imported.schedules[0]["type"] == .string("hf.cosine"))
        let t = imported.spec["training"]
        #expect(t?["batch_size"] == .integer(2) && t?["grad_accum"] == .integer(16) && t?["epochs"] == .integer(3) && t?["warmup_ratio"] == .number(0.03))
        // Alpaca: 52,002 examples, 4 processes. transformers 5.24 counts ceil(6501 / 16) = 407 steps per epoch.
        let r = try Self.resolve(try Self.load("hf-4-wandb-metadata.json", overlay: #"{"dataset_size": 52002, "devices": 4}"#))
        #expect(r.derivation.stepsPerEpoch == 407 && r.derivation.steps == 1221 && r.derivation.warmupSteps == 37)
    }
}
