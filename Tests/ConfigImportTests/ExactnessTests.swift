import Foundation
import Testing
@testable import ConfigImport
@testable import ScheduleCore
import TestSupport

/// Configs written by the real tools (`tools/configs/make_configs.py`: TrainingArguments
/// .to_json_string(), wandb's config.yaml writer, timm train.py's args.yaml, Keras and tf.keras
/// serialize, ds_config with the transformers integration's "auto", LightningCLI
/// --print_config, mmengine Config.dump), imported and counted by lrplot, against the rates the
/// real libraries applied running them: every step within 1e-9.
@Suite struct ExactnessTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var overlay: JSONValue
        var overrides: [(path: String, value: JSONValue)]
        var values: [Double]
        var steps: Int?
        var description: String { file }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "cases", withExtension: "json", subdirectory: "Fixtures/configs"),
              let text = try? String(contentsOf: url, encoding: .utf8), let document = try? JSONParser.parse(text),
              case .array(let items)? = document["cases"] else { return [] }
        return items.compactMap { c in
            guard case .string(let file)? = c["file"], let overlay = c["overlay"], case .array(let raw)? = c["values"] else { return nil }
            var overrides: [(path: String, value: JSONValue)] = []
            if case .object(let o)? = c["overrides"] { overrides = o.map { ($0.key, $0.value) } }
            var steps: Int?
            if case .integer(let s)? = c["steps"] { steps = s }
            return Case(file: file, overlay: overlay, overrides: overrides, values: raw.compactMap(\.doubleValue), steps: steps)
        }
    }()

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 20)
        let formats = Set(Self.cases.compactMap { try? Self.imported($0).format })
        #expect(formats == Set(ConfigFormat.allCases))
    }

    static func imported(_ c: Case) throws -> ImportedConfig {
        guard let url = Bundle.module.url(forResource: c.file, withExtension: nil, subdirectory: "Fixtures/configs") else {
            throw ConfigImportError(file: c.file, location: ConfigLocation(path: ""), problem: "missing fixture", fix: "run tools/configs/make_configs.py")
        }
        return try ConfigImporter.importConfig(String(contentsOf: url, encoding: .utf8), file: c.file, overlay: c.overlay, overrides: c.overrides)
    }

    @Test(arguments: cases)
    func matchesTheLibrary(_ c: Case) throws {
        let imported = try Self.imported(c)
        let training = try TrainingSetup(json: imported.spec["training"] ?? .object([]))
        let object = imported.schedules[0]
        var interval: ScheduleInterval?
        if case .string(let s)? = object["interval"] { interval = ScheduleInterval(rawValue: s) }
        let resolved = try TrainingResolver(training: training).resolve(object, path: "schedules[0]", ignoring: ["label", "interval"], interval: interval)
        if let steps = c.steps {
            #expect(resolved.derivation.steps == steps, "\(c.file): \(resolved.derivation.summary)")
        }
        let series = try resolved.schedule.evaluate(steps: c.values.count)
        let mismatch = Closeness.firstMismatch(series.learningRates, c.values)
        #expect(mismatch == nil, "\(c.file): \(mismatch ?? "") — \(resolved.derivation.summary)")
    }
}
