import Foundation
import Testing
@testable import LRPlotKit
import ScheduleCore
import TestSupport

/// Specs with a `"training"` block, YAML specs, `"config"` references and config files given
/// in place of a spec.
@Suite struct TrainingSpecTests {
    func decode(_ text: String, file: String = "spec.json", decoder: SpecDecoder = SpecDecoder()) throws -> Spec {
        try decoder.decode(text, file: file)
    }

    func error(_ text: String, file: String = "spec.json") -> LRPlotError? {
        do {
            _ = try decode(text, file: file)
            return nil
        } catch let error as LRPlotError {
            return error
        } catch {
            return nil
        }
    }

    @Test func trainingBlockCountsTheSteps() throws {
        let spec = try decode("""
            {"training": {"dataset_size": 1000, "batch_size": 10, "devices": 2, "grad_accum": 5, "epochs": 4, "warmup_ratio": 0.1, "learning_rate": 0.01},
             "schedules": [{"type": "hf.linear"}, {"type": "hf.cosine", "warmup_ratio": 0.5, "label": "long warm-up"}]}
            """)
        // 100 batches over 2 processes: 50; / 5: 10 steps per epoch; 4 epochs: 40 steps.
        #expect(spec.steps == 40 && spec.stepsPerEpoch == 10)
        #expect(spec.x.label == "optimizer step")
        #expect(spec.schedules[0].derivation?.warmupSteps == 4 && spec.schedules[1].derivation?.warmupSteps == 20)
        let v = try spec.schedules[0].schedule.evaluate(steps: 5).learningRates
        #expect(v == [0, 0.0025, 0.005, 0.0075, 0.01])
    }

    @Test func explicitStepsWinOverTheRun() throws {
        let spec = try decode(#"{"steps": 15, "training": {"max_steps": 40}, "schedules": [{"type": "hf.linear", "lr": 1}]}"#)
        #expect(spec.steps == 15 && spec.schedules[0].derivation?.steps == 40)
    }

    @Test func commandLineOverlayWins() throws {
        let decoder = SpecDecoder(trainingOverlay: [("devices", .integer(4))])
        let spec = try decode(#"{"training": {"dataset_size": 1000, "batch_size": 10, "devices": 2, "epochs": 1}, "schedules": [{"type": "hf.linear", "lr": 1}]}"#, decoder: decoder)
        #expect(spec.steps == 25)
    }

    @Test func yamlSpecsAndTheirErrorPositions() throws {
        let spec = try decode("""
            title: YAML spec
            steps: 20
            schedules:
              - type: torch.StepLR
                lr: 0.1
                step_size: 5
            """, file: "spec.yaml")
        #expect(spec.title == "YAML spec" && spec.steps == 20)
        let e = error("""
            steps: 20
            schedules:
              - type: torch.StepLR
                lr: 0.1
                step_sise: 5
            """, file: "spec.yaml")
        #expect(e?.location.line == 5 && e?.location.column == 16 && e?.location.path == "schedules[0].step_sise")
        #expect(e?.message.contains("did you mean \"step_size\"") == true)
        let syntax = error("steps: 20\nschedules: [\n", file: "spec.yaml")
        #expect(syntax?.location.line != nil && syntax?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func configReferenceImportsAndOverlays() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"learning_rate": 0.001, "lr_scheduler_type": "linear", "warmup_steps": 0.1, "per_device_train_batch_size": 8, "num_train_epochs": 2.0}"#.utf8)
            .write(to: dir.appendingPathComponent("args.json"))
        let specPath = dir.appendingPathComponent("spec.json").path
        try Data(#"{"config": "args.json", "training": {"dataset_size": 160}, "schedules": [{"type": "hf.constant", "label": "constant"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: specPath))
        let spec = try SpecFile.load(specPath)
        #expect(spec.schedules.count == 2 && spec.schedules[1].label == "constant")
        #expect(spec.steps == 40 && spec.imported?.format == .transformers)
        #expect(spec.schedules[0].derivation?.warmupSteps == 4)
        // The config file itself, given in place of a spec, with the numbers from flags.
        let direct = try SpecFile.load(dir.appendingPathComponent("args.json").path, decoder: SpecDecoder(trainingOverlay: [("dataset_size", .integer(160))]))
        #expect(direct.steps == 40 && direct.schedules.count == 1)
    }

    @Test func valuesJSONCarriesTheDerivation() throws {
        let spec = try decode(#"{"training": {"max_steps": 3, "warmup_steps": 1}, "schedules": [{"type": "hf.linear", "lr": 1}]}"#)
        var out = ""
        _ = try ValuesWriter(spec: spec, format: .json).writeBytes { out += String(decoding: $0, as: UTF8.self) }
        #expect(out.contains(#""training": {"trainer": "transformers", "axis": "optimizer step", "steps": 3"#))
        #expect(out.contains(#""summary": "3 optimizer steps, warm-up 1""#))
    }

    @Test func derivationText() throws {
        let spec = try decode(#"{"training": {"trainer": "lightning", "dataset_size": 100, "batch_size": 10, "epochs": 3}, "schedules": [{"type": "torch.StepLR", "lr": 0.1, "step_size": 1}]}"#)
        let text = SpecText.derivations(spec)
        #expect(text.hasPrefix("schedules[0] (torch.StepLR): 30 optimizer steps (3 epochs × 10)\n  trainer: lightning; scheduler stepped once per epoch (every 10 steps)"))
        #expect(text.contains("note: Lightning steps an lr_scheduler once per epoch"))
    }
}
