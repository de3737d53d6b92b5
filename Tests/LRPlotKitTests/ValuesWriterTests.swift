import Testing
import LRPlotKit

@Suite struct ValuesWriterTests {
    func output(_ text: String, _ format: ValuesFormat) throws -> (String, [String]) {
        let spec = try SpecDecoder().decode(text, file: "s.json")
        var out = ""
        let warnings = try ValuesWriter(spec: spec, format: format, file: "s.json").write { out += $0 }
        return (out, warnings)
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
}
