import Foundation
import Plot
import PlotTestSupport
import Testing
import TestSupport

/// Runs the built `lrplot` executable as a user would.
@Suite struct CLITests {
    let root = PackagePaths.root()

    func lrplot(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        return try ProcessResult.run(exe, arguments, in: directory)
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test func versionAndHelp() throws {
        let version = try lrplot(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("0.1"))
        let help = try lrplot(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("lrplot examples/seeds.json"))
        #expect(help.stdout.contains("values"))
    }

    @Test func rendersEveryExampleToPNGSVGAndPDF() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(examples.count >= 3)
        for name in examples {
            let base = (name as NSString).deletingPathExtension
            let png = dir.appendingPathComponent("\(base).png").path
            let svg = dir.appendingPathComponent("\(base).svg").path
            let pdf = dir.appendingPathComponent("\(base).pdf").path
            let r = try lrplot([root.appendingPathComponent("examples/\(name)").path, "-o", png, "-o", svg, "-o", pdf])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let image = try RasterImage.decodePNG(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
            #expect(image.width > 100 && image.height > 100)
            let svgText = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(svgText.contains("<svg") && svgText.contains("px\""), "\(name): SVG not sized in px")
            let pdfBytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
            #expect(pdfBytes.prefix(5) == Data("%PDF-".utf8))
        }
    }

    @Test func defaultOutputIsOutputSlashSpecName() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(#"{"steps": 50, "schedules": [{"type": "constant", "lr": 0.1}]}"#, to: dir.appendingPathComponent("my spec.json"))
        let r = try lrplot(["my spec.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/my spec.png").path))
    }

    @Test func valuesPrintsCSVAndJSON() throws {
        let spec = root.appendingPathComponent("examples/mnist-steplr.json").path
        let csv = try lrplot(["values", spec, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines.first?.hasPrefix("step,") == true)
        #expect(lines[1].hasSuffix(",0.1"))
        #expect(lines[11].hasSuffix(",0.010000000000000002"))  // torch: 0.1 * 0.1, exactly as Python prints it
        let json = try lrplot(["values", spec, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["steps"] as? [Int])?.count == 20)
    }

    @Test func listAndDescribe() throws {
        let list = try lrplot(["list"])
        #expect(list.status == 0)
        for name in ["torch.StepLR", "hf.cosine", "timm.CosineLRScheduler", "optax.sgdr_schedule", "keras.CosineDecayRestarts", "cosine"] {
            #expect(list.stdout.contains(name), "list lacks \(name)")
        }
        let describe = try lrplot(["describe", "torch.StepLR"])
        #expect(describe.status == 0)
        #expect(describe.stdout.contains("step_size") && describe.stdout.contains("gamma"))
        let typo = try lrplot(["describe", "torch.StepLRR"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean \"torch.StepLR\""))
    }

    @Test func missingFileIsExit2AndWritesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try lrplot(["nope.json"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "lrplot: error: nope.json: no such file\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output").path))
    }

    @Test func invalidJSONNamesLineAndColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("{\n  \"steps\": 10,\n  \"schedules\": [\n    {\"type\": \"constant\" \"lr\": 1}\n  ]\n}\n", to: dir.appendingPathComponent("bad.json"))
        let r = try lrplot(["bad.json", "-o", "out.png"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("lrplot: error: bad.json:4:25: invalid JSON:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.png").path))
    }

    @Test func unknownTypeLeavesExistingOutputUntouched() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = Data("keep me".utf8)
        try existing.write(to: dir.appendingPathComponent("out.png"))
        try write(#"{"steps": 10, "schedules": [{"type": "torch.StepLRR", "lr": 0.1, "step_size": 3}]}"#, to: dir.appendingPathComponent("s.json"))
        let r = try lrplot(["s.json", "-o", "out.png"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("s.json: schedules[0].type: unknown schedule type \"torch.StepLRR\"; did you mean \"torch.StepLR\"?"), "\(r.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("out.png")) == existing)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func badOutputPathsAreExplained() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(#"{"steps": 10, "schedules": [{"type": "constant", "lr": 0.1}]}"#, to: dir.appendingPathComponent("s.json"))
        let gif = try lrplot(["s.json", "-o", "chart.gif"], in: dir)
        #expect(gif.status == 2)
        #expect(gif.stderr.contains("chart.gif: unknown output format"))
        let missingDir = try lrplot(["s.json", "-o", "no/such/dir/chart.png"], in: dir)
        #expect(missingDir.status == 1)
        #expect(missingDir.stderr.contains("the directory no/such/dir does not exist"))
        // An existing directory (or a path ending in /) gets <spec name>.png.
        let isDir = try lrplot(["s.json", "-o", "."], in: dir)
        #expect(isDir.status == 0, "\(isDir.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.png").path))
    }

    @Test func badArgumentsExitWith2() throws {
        let r = try lrplot(["values", "x.json", "--format", "xml"])
        #expect(r.status == 2)
    }

    @Test func simulatePrintsLossesAndWarnsOnDivergence() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(#"""
            {"steps": 300, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.01},
              "problem": {"loss": "mse", "features": [[1.0], [2.0], [3.0]], "targets": [2.0, 4.0, 6.0], "initial_weights": [0.0]}},
             "schedules": [{"type": "constant", "lr": 0.01, "label": "small"}, {"type": "constant", "lr": 10, "label": "large"}]}
            """#, to: dir.appendingPathComponent("sim.json"))
        let r = try lrplot(["simulate", "sim.json", "--format", "csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 301)
        #expect(lines[0] == "step,small,large")
        #expect(r.stderr.contains("(large): the loss diverged (NaN or infinity) at step"))
        let chart = try lrplot(["sim.json", "-o", "sim.png"], in: dir)
        #expect(chart.status == 0, "\(chart.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("sim.png").path))
    }
}
