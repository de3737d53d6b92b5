import Foundation
import Testing
import TestSupport

/// `lrplot check` as a user runs it, on the committed example and on broken specs.
@Suite struct CheckCLITests {
    let root = PackagePaths.root()

    func lrplot(_ arguments: [String]) throws -> ProcessResult {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        return try ProcessResult.run(exe, arguments, in: root)
    }

    @Test func reportsTheRestartedResume() throws {
        let result = try lrplot(["check", "examples/check-resumed.json"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("departs from its plan"))
        #expect(result.stdout.contains("first difference at step 20"))
        #expect(result.stdout.contains("the schedule restarted at step 20 (plan step = logged step − 20)"))
        #expect(result.stdout.contains("10 points at steps 20–29 were logged again"))
        #expect(result.stderr.isEmpty)
    }

    @Test func renderingALogSaysWhatItsReaderKept() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-check-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try lrplot(["examples/check-resumed.json", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "lrplot: warning: examples/check-resumed.json: schedules[1] (logged (TensorBoard)): examples/logs/resumed: 10 points at steps 20–29 were logged again after the step went back (1 resume); the last values are kept\n")
    }

    @Test func chartOfTheCheck() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("check.png").path
        let svg = dir.appendingPathComponent("check.svg").path
        let result = try lrplot(["check", "examples/check-resumed.json", "--chart", png, "--chart", svg])
        #expect(result.status == 3, "\(result.stderr)")
        // The report stays on standard output; the files written are named on standard error.
        #expect(result.stdout.contains("first difference at step 20"))
        #expect(result.stderr.contains("wrote \(png)\n") && result.stderr.contains("wrote \(svg)\n"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("<svg"))
        // An unknown chart format writes nothing and says so.
        let bad = try lrplot(["check", "examples/check-resumed.json", "--chart", dir.appendingPathComponent("c.gif").path])
        #expect(bad.status == 2 && bad.stderr.contains("unknown output format"))
        #expect(bad.stdout.isEmpty)
    }

    @Test func csvAndJSON() throws {
        let csv = try lrplot(["check", "examples/check-resumed.json", "--format", "csv"])
        #expect(csv.status == 3)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "log,step,plan_step,logged,planned,relative_error")
        #expect(lines.count == 61)
        #expect(lines[21].hasPrefix("logged (TensorBoard),20,20,0.05000000074505806,0.0375,"))
        let json = try lrplot(["check", "examples/check-resumed.json", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let logs = try #require(object?["logs"] as? [[String: Any]])
        #expect(logs.first?["verdict"] as? String == "explained")
        #expect((logs.first?["points"] as? [Any])?.count == 60)
        #expect(((logs.first?["explanations"] as? [[String: Any]])?.first?["kind"] as? String) == "restarted")
    }

    @Test func badLogsAndPlans() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("spec.json")
        try Data(#"{"steps": 10, "schedules": [{"type": "constant", "label": "c", "lr": 0.1}, {"type": "log", "file": "missing/trainer_state.json"}]}"#.utf8).write(to: spec)
        let missing = try lrplot(["check", spec.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing/trainer_state.json: cannot read"))
        #expect(missing.stdout.isEmpty)
        try Data(#"{"steps": 10, "schedules": [{"type": "constant", "label": "c", "lr": 0.1}, {"type": "log", "file": "x.json", "plan": "cc"}]}"#.utf8).write(to: spec)
        let plan = try lrplot(["check", spec.path])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("schedules[1].plan: no schedule is labelled \"cc\"; did you mean \"c\"?"))
        try Data(#"{"steps": 10, "schedules": [{"type": "constant", "label": "c", "lr": 0.1}]}"#.utf8).write(to: spec)
        let none = try lrplot(["check", spec.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("nothing to check"))
        // `values` does not silently drop a log.
        let values = try lrplot(["values", "examples/check-resumed.json"])
        #expect(values.status == 2)
        #expect(values.stderr.contains("lrplot check"))
    }
}
