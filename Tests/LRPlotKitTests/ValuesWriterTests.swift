import Testing
@testable import LRPlotKit

@Suite struct ValuesWriterTests {
    func output(_ text: String, _ format: ValuesFormat) throws -> (String, [LRPlotWarning]) {
        let spec = try SpecDecoder().decode(text, file: "s.json")
        var out: [UInt8] = []
        let warnings = try ValuesWriter(spec: spec, format: format).writeBytes { out += $0 }
        return (String(decoding: out, as: UTF8.self), warnings)
    }

    @Test func csvHasHeaderAndOneRowPerStep() throws {
        let (csv, warnings) = try output(#"{"steps": 3, "schedules": [{"type": "constant", "lr": 0.1, "label": "a,b"}, {"type": "constant", "lr": 3e-4}]}"#, .csv)
        #expect(csv == "step,\"a,b\",constant\n0,0.1,0.0003\n1,0.1,0.0003\n2,0.1,0.0003\n")
        #expect(warnings.isEmpty)
    }

    @Test func jsonListsStepsAndSeries() throws {
        let (json, _) = try output(#"{"steps": 2, "schedules": [{"type": "constant", "lr": 1e-05, "label": "x"}]}"#, .json)
        #expect(json == "{\"steps\": [0, 1],\n \"series\": [\n  {\"label\": \"x\", \"type\": \"constant\", \"values\": [1e-05, 1e-05]}\n]}\n")
    }

    @Test(arguments: [ValuesFormat.csv, .json])
    func aStopIsATypedWarning(_ format: ValuesFormat) throws {
        let (_, warnings) = try output(#"{"steps": 8, "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1, "total_steps": 5, "label": "one"}]}"#, format)
        #expect(warnings == [LRPlotWarning(.scheduleStopped(step: 6, reason: "ValueError: Tried to step 6 times. The specified number of total steps is 5"),
                                           location: SourceLocation(file: "s.json", path: "schedules[0]"), label: "one")])
    }
}
