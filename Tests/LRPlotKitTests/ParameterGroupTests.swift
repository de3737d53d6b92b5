import Plot
import ScheduleCore
import Testing
@testable import LRPlotKit

/// A schedule object with several parameter groups (`"lr": [0.1, 0.01]`) gives one series per
/// group, `label/pg0`, `label/pg1`, …, in charts, values and warnings, with torch's values.
@Suite struct ParameterGroupTests {
    static let oneCycle = #"""
    {"steps": 6, "schedules": [
      {"type": "torch.OneCycleLR", "label": "net", "lr": [0.1, 0.01], "max_lr": [1.0, 0.1], "total_steps": 4},
      {"type": "constant", "lr": 0.5}]}
    """#

    func values(_ json: String, _ format: ValuesFormat) throws -> (String, [LRPlotWarning]) {
        let spec = try SpecDecoder().decode(json, file: "s.json")
        var out: [UInt8] = []
        let warnings = try ValuesWriter(spec: spec, format: format).writeBytes { out += $0 }
        return (String(decoding: out, as: UTF8.self), warnings)
    }

    @Test func decodingGivesOneEntryPerGroup() throws {
        let spec = try SpecDecoder().decode(Self.oneCycle, file: "s.json")
        #expect(spec.schedules.map(\.label) == ["net/pg0", "net/pg1", "constant"])
        #expect(spec.schedules.map(\.parameterGroup) == [0, 1, nil])
        #expect(spec.schedules.map(\.path) == ["schedules[0]", "schedules[0]", "schedules[1]"])
        let unlabelled = try SpecDecoder().decode(#"{"steps": 2, "schedules": [{"type": "hf.linear", "lr": [0.1, 0.2, 0.3], "num_warmup_steps": 0, "num_training_steps": 2}]}"#, file: "s.json")
        #expect(unlabelled.schedules.map(\.label) == ["hf.linear/pg0", "hf.linear/pg1", "hf.linear/pg2"])
    }

    /// Each group stops where torch raises (step 5 for both), with a warning per group.
    @Test func csvHasAColumnPerGroupAndMomentum() throws {
        let (csv, warnings) = try values(Self.oneCycle, .csv)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "step,net/pg0,net/pg0:momentum,net/pg1,net/pg1:momentum,constant")
        #expect(lines[1].hasPrefix("0,0.040000000000000036,0.95,0.0040000000000000036,0.95,0.5"))
        #expect(lines[6] == "5,,,,,0.5")
        #expect(warnings.map(\.label) == ["net/pg0", "net/pg1"])
    }

    @Test func jsonNamesTheGroup() throws {
        let (json, _) = try values(#"{"steps": 2, "schedules": [{"type": "torch.StepLR", "lr": [0.1, 0.01], "step_size": 1, "gamma": 0.5}]}"#, .json)
        #expect(json.contains(#"{"label": "torch.StepLR/pg0", "type": "torch.StepLR", "parameter_group": 0, "values": [0.1, 0.05]}"#))
        #expect(json.contains(#"{"label": "torch.StepLR/pg1", "type": "torch.StepLR", "parameter_group": 1, "values": [0.01, 0.005]}"#))
    }

    @Test func chartsDrawASeriesPerGroup() throws {
        let built = try ChartBuilder(spec: try SpecDecoder().decode(Self.oneCycle, file: "s.json")).build()
        let lr = try #require(built.chart.panels.first?.series)
        #expect(lr.map(\.label) == ["net/pg0", "net/pg1", "constant"])
        #expect(lr[0].color != lr[1].color)
    }

    /// Per-group lists of the wrong length are torch's errors, at the parameter.
    @Test func wrongLengthsAreTorchsErrors() {
        #expect(throws: LRPlotError.self) {
            try SpecDecoder().decode(#"{"steps": 2, "schedules": [{"type": "torch.OneCycleLR", "lr": [0.1, 0.01], "max_lr": [1.0], "total_steps": 4}]}"#, file: "s.json")
        }
        do {
            _ = try SpecDecoder().decode(#"{"steps": 2, "schedules": [{"type": "torch.LambdaLR", "lr": [0.1, 0.01], "lr_lambda": ["0.9 ** epoch"]}]}"#, file: "s.json")
            Issue.record("accepted")
        } catch {
            #expect(error.pathAndMessage == "schedules[0].lr_lambda: Expected 2 lr_lambdas, but got 1")
        }
    }

    @Test func simulationsTakeOneGroup() {
        do {
            _ = try SpecDecoder().decode(#"{"steps": 5, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": "digits"}, "schedules": [{"type": "torch.StepLR", "lr": [0.1, 0.01], "step_size": 2}]}"#, file: "s.json")
            Issue.record("accepted")
        } catch {
            #expect(error.pathAndMessage.hasPrefix("schedules[0].lr: a simulation trains one parameter group"))
        }
    }

    /// `lrplot describe` names the per-group parameters of types that take groups, and says
    /// nothing of groups for the others.
    @Test func describeExplainsGroups() throws {
        let oneCycle = try CatalogText.describe("torch.OneCycleLR")
        #expect(oneCycle.contains("Parameter groups:"))
        #expect(oneCycle.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(#"Per group too, as a list (a number applies to every group): "max_lr", "base_momentum", "max_momentum"."#))
        #expect(try CatalogText.describe("hf.linear").contains("Parameter groups:"))
        #expect(try CatalogText.describe("timm.CosineLRScheduler").contains(#""lr_scale""#))
        #expect(try !CatalogText.describe("optax.linear_schedule").contains("Parameter groups"))
        #expect(try CatalogText.describe("torch.SequentialLR").split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("the child active at step 0, i = bisect_right(milestones, 0)"))
    }
}
