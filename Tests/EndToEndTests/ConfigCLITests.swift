import Foundation
import Testing
import TestSupport

/// `lrplot CONFIG`, `lrplot import`, `lrplot steps` and the training flags, as a user runs them.
@Suite struct ConfigCLITests {
    let root = PackagePaths.root()

    func lrplot(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        return try ProcessResult.run(exe, arguments, in: directory)
    }

    var realRuns: URL { root.appendingPathComponent("Tests/ConfigImportTests/Fixtures/real-runs") }

    @Test func importPrintsTheSpecAndNotes() throws {
        let r = try lrplot(["import", "deepspeed-1-ds_config.json", "--max-steps", "128", "--learning-rate", "2e-5", "--warmup-ratio", "0.03"], in: realRuns)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("{\n  \"title\": \"deepspeed-1-ds_config.json: DeepSpeed WarmupLR\",\n  \"training\": {\n    \"trainer\": \"transformers\""))
        #expect(r.stdout.contains("\"warmup_num_steps\": \"auto\""))
        #expect(r.stderr.contains("lrplot: note: deepspeed-1-ds_config.json: optimizer.params.lr: the optimizer's lr 2e-05 is not used"))
    }

    @Test func importedSpecRendersAsTheConfigDoes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = realRuns.appendingPathComponent("timm-1-args.yaml").path
        let imported = try lrplot(["import", config])
        #expect(imported.status == 0)
        try Data(imported.stdout.utf8).write(to: dir.appendingPathComponent("spec.json"))
        let fromSpec = try lrplot(["values", "spec.json"], in: dir)
        let fromConfig = try lrplot(["values", config])
        #expect(fromSpec.status == 0 && fromSpec.stdout == fromConfig.stdout)
        #expect(fromSpec.stdout.split(separator: "\n").count == 1811)
    }

    @Test func stepsExplainsTheCount() throws {
        let r = try lrplot(["steps", "hf-4-wandb-metadata.json", "--dataset-size", "52002", "--devices", "4"], in: realRuns)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("schedules[0] (hf.cosine): 1,221 optimizer steps (3 epochs × 407), warm-up 37\n"))
        #expect(r.stdout.contains("note: transformers 4.48 and earlier counted len_dataloader // gradient_accumulation_steps = 406"))
    }

    @Test func missingNumberIsAnErrorWithItsFlag() throws {
        let r = try lrplot(["values", "hf-4-wandb-metadata.json"], in: realRuns)
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.hasSuffix("lrplot: error: hf-4-wandb-metadata.json: training.dataset_size: missing \"dataset_size\": needed for hf.cosine's num_training_steps (the scheduler steps of the run); give training.dataset_size (--dataset-size), or training.max_steps (--max-steps)\n"))
    }

    @Test func setTurnsOffTimmNoise() throws {
        let refused = try lrplot(["values", "timm-2-reid-stepscheduler.yaml"], in: realRuns)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("timm-2-reid-stepscheduler.yaml:68:1: lr_noise: lr_noise [0.07, 0.15] turns on timm's random learning-rate noise"))
        let r = try lrplot(["values", "timm-2-reid-stepscheduler.yaml", "--set", "lr_noise=null", "--devices", "4"], in: realRuns)
        #expect(r.status == 0)
        // multistep [3, 9, 21] epochs from lr_base 3.5e-4 × 64·4/256: decays one epoch early (timm's t + 1).
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 31 && rows[1] == "0,0.00035" && rows[3] == "2,3.5000000000000004e-05")
    }

    @Test func trainingOverlayFileAndFlags() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("dataset_size: 902\nepochs: 2\n".utf8).write(to: dir.appendingPathComponent("overlay.yaml"))
        let config = realRuns.appendingPathComponent("keras-1-GIN_hyper.json").path
        let r = try lrplot(["steps", config, "--training", "overlay.yaml", "--batch-size", "64"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("schedules[0] (keras.ExponentialDecay): 30 batches (2 epochs × 15)"))
        let bad = try lrplot(["steps", config, "--training", "overlay.yaml", "--set", "nothing"], in: dir)
        #expect(bad.status == 2 && bad.stderr.contains("--set expects KEY=VALUE"))
        // A bad value in a bare training block is pointed at by its own line and column.
        try Data("dataset_size: 902\nbatch_size: 64\nepochs: -2\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let located = try lrplot(["steps", config, "--training", "bad.yaml"], in: dir)
        #expect(located.status == 2)
        #expect(located.stderr.hasPrefix("lrplot: error: bad.yaml:3:9: epochs: "), "\(located.stderr)")
        // A misspelt --set key is an error naming the key and the closest one.
        let misspelt = try lrplot(["steps", config, "--training", "overlay.yaml", "--set", "training.fit.epoch=3"], in: dir)
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.contains("did you mean \"epochs\"?"), "\(misspelt.stderr)")
    }
}
