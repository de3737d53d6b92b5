import Foundation
import Testing
import TestSupport

/// Every subcommand reports in one style — `lrplot: error: …` and `lrplot: warning: …`, one
/// line each — and exits with the status of the error's kind (2 bad spec, input or
/// arguments; 1 runtime failure).
@Suite struct DiagnosticStyleTests {
    func lrplot(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        return try ProcessResult.run(exe, arguments, in: directory)
    }

    func directory(with files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-diag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static let stops = #"{"steps": 8, "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 1, "total_steps": 5, "label": "one"}]}"#
    static let typo = ##"{"steps": 8, "schedules": [{"type": "constant", "lr": 0.1, "colour": "#000000"}]}"##
    static let simulation = #"""
        {"steps": 300, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.01},
          "problem": {"loss": "mse", "features": [[1.0], [2.0], [3.0]], "targets": [2.0, 4.0, 6.0], "initial_weights": [0.0]}},
         "schedules": [{"type": "constant", "lr": 10, "label": "large"},
                       {"type": "torch.OneCycleLR", "max_lr": 0.01, "total_steps": 100, "cycle_momentum": false, "label": "one"}]}
        """#
    static let stopWarning = "lrplot: warning: s.json: schedules[0] (one): the framework raises at step 6: ValueError: Tried to step 6 times. The specified number of total steps is 5; the series ends there"

    @Test(arguments: [["s.json", "-o", "s.png"], ["values", "s.json"], ["values", "s.json", "--format", "json"]])
    func warningsHaveOnePrefix(_ arguments: [String]) throws {
        let dir = try directory(with: ["s.json": Self.stops])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try lrplot(arguments, in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == Self.stopWarning + "\n")
    }

    @Test func simulationWarningsHaveOnePrefix() throws {
        let dir = try directory(with: ["sim.json": Self.simulation])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["simulate", "sim.json"], ["sim.json", "-o", "sim.png"]] {
            let r = try lrplot(arguments, in: dir)
            #expect(r.status == 0)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 2, "\(r.stderr)")
            #expect(lines.allSatisfy { $0.hasPrefix("lrplot: warning: sim.json: schedules[") }, "\(r.stderr)")
            #expect(lines.contains { $0.contains("(large): the loss diverged (NaN or infinity) at step") })
            #expect(lines.contains { $0.contains("(one): the framework raises at step 101") })
        }
    }

    @Test(arguments: [
        (["s.json"], "lrplot: error: s.json: schedules[0].colour: unknown parameter \"colour\" for constant; did you mean \"color\"?", 2),
        (["values", "s.json"], "lrplot: error: s.json: schedules[0].colour: unknown parameter \"colour\" for constant; did you mean \"color\"?", 2),
        (["simulate", "s.json"], "lrplot: error: s.json: schedules[0].colour: unknown parameter \"colour\" for constant; did you mean \"color\"?", 2),
        (["simulate", "ok.json"], "lrplot: error: ok.json: no \"simulate\" block: add {\"optimizer\": {\"type\": \"torch.SGD\", \"lr\": 0.1}, \"problem\": \"digits\"} to simulate training", 2),
        (["describe", "torch.StepLRR"], "lrplot: error: unknown schedule type \"torch.StepLRR\"; did you mean \"torch.StepLR\"? (`lrplot list` shows every type)", 2),
        (["missing.json"], "lrplot: error: missing.json: no such file", 2),
        (["ok.json", "-o", "chart.gif"], "lrplot: error: chart.gif: unknown output format; use a .png, .svg, .pdf or .html file name (or --format)", 2),
        (["ok.json", "-o", "no/such/dir/c.png"], "lrplot: error: no/such/dir/c.png: cannot write: the directory no/such/dir does not exist", 1),
    ])
    func errorsHaveOnePrefixAndTheirKindsStatus(_ arguments: [String], _ line: String, _ status: Int32) throws {
        let dir = try directory(with: ["s.json": Self.typo, "ok.json": #"{"steps": 5, "schedules": [{"type": "constant", "lr": 0.1}]}"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try lrplot(arguments, in: dir)
        #expect(r.status == status)
        #expect(r.stderr == line + "\n")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [["values"], ["list", "--frobnicate"], ["values", "x.json", "--format", "xml"], ["describe"]])
    func argumentErrorsUseTheSamePrefix(_ arguments: [String]) throws {
        let r = try lrplot(arguments)
        #expect(r.status == 2)
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("lrplot: error: "), "\(r.stderr)")
        #expect(!r.stderr.contains("Error:"))
    }
}
