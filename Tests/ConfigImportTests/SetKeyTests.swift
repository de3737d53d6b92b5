import Foundation
import Testing
@testable import ConfigImport
@testable import ScheduleCore

/// `--set` / `"set"` keys: a key the config holds, or one its importer reads, is applied; any
/// other key is an error with the closest name, never a value that nothing reads.
@Suite struct SetKeyTests {
    static func load(_ name: String, set overrides: [(path: String, value: JSONValue)], overlay: String? = nil) throws -> ImportedConfig {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/configs")
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/real-runs")
        guard let url else { throw ConfigImportError(file: name, location: ConfigLocation(path: ""), problem: "missing fixture", fix: "") }
        return try ConfigImporter.importConfig(String(contentsOf: url, encoding: .utf8), file: name,
                                               overlay: overlay.map { try JSONParser.parse($0) }, overrides: overrides)
    }

    static func error(_ name: String, set overrides: [(path: String, value: JSONValue)]) -> ConfigImportError? {
        do {
            _ = try load(name, set: overrides)
            return nil
        } catch let e as ConfigImportError {
            return e
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        // (file, misspelt key, suggested key), one per config kind.
        ("hf-cosine-ratio.json", "learnig_rate", "learning_rate"),
        ("hf-wandb-config.yaml", "learnig_rate", "learning_rate"),
        ("timm-1-args.yaml", "wamup_epochs", "warmup_epochs"),
        ("keras3-cosine-warmup.json", "config.warmup_step", "warmup_steps"),
        ("ds-warmup-decay.json", "scheduler.parms", "params"),
        ("lightning-steplr.yaml", "trainer.max_epoch", "max_epochs"),
        ("mm-iter-poly.json", "train_cfg.max_iter", "max_iters"),
    ])
    func misspeltKeyIsAnError(_ file: String, _ key: String, _ suggestion: String) throws {
        let e = try #require(Self.error(file, set: [(key, .integer(3))]))
        #expect(e.file == file)
        #expect(e.location.path == key)
        #expect(e.problem.contains("did you mean \"\(suggestion)\"?"), "\(e)")
    }

    @Test func keyTheConfigHoldsOrTheImporterReadsIsApplied() throws {
        // learning_rate is in the file; warmup_ratio is not, but the transformers importer reads it.
        let hf = try Self.load("hf-cosine-ratio.json", set: [("learning_rate", .number(0.5)), ("max_steps", .integer(40))])
        #expect(hf.spec["training"]?["learning_rate"] == .number(0.5))
        #expect(hf.spec["training"]?["max_steps"] == .integer(40))
        let timm = try Self.load("timm-1-args.yaml", set: [("warmup_epochs", .integer(3))])
        #expect(timm.schedules[0]["warmup_epochs"] == .integer(3))
        // A nested key the Lightning importer reads, in an object the file has.
        let lightning = try Self.load("lightning-steplr.yaml", set: [("trainer.max_epochs", .integer(9))])
        #expect(lightning.spec["training"]?["epochs"] == .integer(9))
    }

    /// In a W&B config.yaml the key is the setting's name: the value replaces its `value:`.
    @Test func wandbSettingIsSetByName() throws {
        let imported = try Self.load("hf-wandb-config.yaml", set: [("learning_rate", .number(0.5))])
        #expect(imported.spec["training"]?["learning_rate"] == .number(0.5))
    }

    /// A framework key the importer does not read is kept when the file has it, with a note;
    /// the same key absent from the file is an error.
    @Test func unreadKeyOnlyWhenTheConfigHasIt() throws {
        let kept = try Self.load("timm-1-args.yaml", set: [("seed", .integer(7)), ("model", .string("resnet50"))])
        #expect(kept.notes.contains { $0.message.contains("set model: the config has it, but") })
        #expect(!kept.notes.contains { $0.message.contains("set seed:") })  // seed is read (noise_seed)
        let e = try #require(Self.error("hf-cosine-ratio.json", set: [("push_to_hubb", .bool(true))]))
        #expect(e.problem.contains("not in the config"), "\(e)")
    }

    /// Members of an object that becomes a schedule's parameters pass through; the schedule
    /// rejects a wrong name there itself.
    @Test func scheduleParametersAreCheckedByTheSchedule() throws {
        let ok = try Self.load("hf-wandb-config.yaml", set: [("lr_scheduler_kwargs.num_cycles", .integer(3))])
        #expect(ok.schedules[0]["num_cycles"] == .integer(3))
        // The import passes the member on; building the schedule (as every command does) rejects it.
        let passed = try Self.load("ds-warmup-decay.json", set: [("scheduler.params.warmup_num_step", .integer(3))])
        #expect(passed.schedules[0]["warmup_num_step"] == .integer(3))
        #expect(throws: ScheduleError.self) { _ = try ScheduleCatalog.standard.make(passed.schedules[0], path: "schedules[0]") }
    }
}
