import Foundation
import Testing
@testable import LRPlotKit
import ScheduleCore
import TestSupport

/// The committed JSON Schema is what `lrplot schema` generates, accepts every real spec
/// (the examples and every reference case of the frameworks), and flags the mistakes an
/// editor should flag.
@Suite struct SpecSchemaTests {
    static let root = PackagePaths.root()

    static func schema() throws -> JSONValue {
        try JSONParser.parse(String(contentsOf: root.appendingPathComponent(SpecSchema.committedPath), encoding: .utf8))
    }

    func problems(_ spec: String) throws -> [String] {
        let schema = try Self.schema()
        return SchemaValidator(root: schema).errors(try JSONParser.parse(spec), against: schema)
    }

    @Test func theCommittedSchemaIsCurrent() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent(SpecSchema.committedPath), encoding: .utf8)
        #expect(committed == SpecSchema.text(), "schema/lrplot-spec.schema.json is stale: run `swift run lrplot schema -o schema/lrplot-spec.schema.json`")
    }

    @Test func everyTopLevelKeyAndTypeIsDescribed() throws {
        let schema = try Self.schema()
        for key in SpecDecoder.topLevelKeys {
            #expect(schema["properties"]?[key] != nil, "the schema lacks \"\(key)\"")
        }
        for t in ScheduleCatalog.standard.types {
            let parameters = try #require(schema["definitions"]?["parameters:" + t.name]?["properties"])
            for p in t.parameters {
                let property = try #require(parameters[p.name], "\(t.name).\(p.name)")
                if case .string(let text)? = property["description"] { #expect(text.hasPrefix(p.summary)) } else { Issue.record("\(t.name).\(p.name) has no description") }
            }
        }
    }

    @Test func everyExampleConforms() throws {
        let examples = Self.root.appendingPathComponent("examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".json") {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            #expect(try problems(text) == [], "\(name)")
        }
    }

    @Test func everyReferenceCaseConforms() throws {
        let fixtures = Self.root.appendingPathComponent("Tests/ScheduleCoreTests/Fixtures")
        var checked = 0
        for name in ["frameworks.json", "torch_extra.json"] {
            guard case .array(let cases)? = try JSONParser.parse(String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8))["cases"] else { continue }
            for c in cases where c["error"] == nil {
                guard let schedule = c["schedule"] else { continue }
                let spec = "{\"steps\": 10, \"schedules\": [\(JSONWriter.write(schedule))]}"
                #expect(try problems(spec) == [], "\(JSONWriter.write(c["id"] ?? .null))")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test(arguments: [
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "titel": "x"}"#, "titel: unknown key"),
        (#"{"steps": 10, "schedules": [{"type": "torch.StepLRR", "lr": 1, "step_size": 2}]}"#, "schedules[0].type: \"torch.StepLRR\" is not one of"),
        (#"{"steps": 10, "schedules": [{"type": "torch.StepLR", "lr": 1, "step_size": 2, "gama": 0.5}]}"#, "schedules[0].gama: key not allowed"),
        (#"{"steps": 10, "schedules": [{"type": "torch.StepLR", "lr": 1}]}"#, "schedules[0]: missing \"step_size\""),
        (#"{"steps": 10, "schedules": [{"type": "torch.StepLR", "step_size": 2}]}"#, "schedules[0]: missing \"lr\""),
        (#"{"steps": 10, "schedules": [{"type": "torch.StepLR", "lr": "0.1", "step_size": 2}]}"#, "schedules[0].lr: matches none of anyOf"),
        (#"{"steps": 10, "schedules": [{"type": "torch.StepLR", "lr": 0.1, "step_size": "2"}]}"#, "schedules[0].step_size: expected number"),
        (#"{"steps": 10, "schedules": [{"type": "torch.OneCycleLR", "lr": 1, "max_lr": 1, "anneal_strategy": "cosine"}]}"#, "schedules[0].anneal_strategy: \"cosine\" is not one of"),
        (#"{"steps": 0, "schedules": [{"type": "constant", "lr": 1}]}"#, "steps: below 1"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1, "color": "red"}]}"#, "schedules[0].color: \"red\" does not match"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "output": "a.gif"}"#, "output: matches none of anyOf"),
        (#"{"steps": 10, "schedules": [{"type": "warmup", "warmup_steps": 2, "schedule": {"type": "cosine", "lr": 1, "total_steps": 5, "label": "x"}}]}"#, "schedules[0].schedule.label: key not allowed"),
    ])
    func mistakesAreFlagged(_ spec: String, _ problem: String) throws {
        let found = try problems(spec)
        #expect(found.contains { $0.hasPrefix(problem) }, "\(found)")
    }

    @Test func inheritedLearningRatesAreNotRequired() throws {
        // With "simulate", a schedule takes the optimizer's lr; nested torch schedulers their parent's.
        #expect(try problems(#"""
            {"steps": 10, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": "digits"},
             "schedules": [{"type": "torch.StepLR", "step_size": 2}]}
            """#) == [])
        #expect(try problems(#"""
            {"steps": 10, "schedules": [{"type": "torch.SequentialLR", "lr": 0.1, "milestones": [3],
              "schedulers": [{"type": "torch.ConstantLR"}, {"type": "torch.StepLR", "step_size": 2}]}]}
            """#) == [])
    }
}
