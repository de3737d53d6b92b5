import Foundation
import Plot
import PlotTestSupport
import Testing
import TestSupport

/// Specs from pipes and standard input, images to standard output, outputs into
/// directories and through links, all-or-nothing writes, and failed writes to standard
/// output — run through the built executable, with a shell where the case needs one.
@Suite struct PipesAndPathsTests {
    static let spec = #"{"steps": 60, "schedules": [{"type": "torch.StepLR", "lr": 0.1, "step_size": 20}], "width": 320, "height": 200}"#

    let exe: URL

    init() throws {
        exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
    }

    func directory(_ files: [String: String] = ["s.json": spec]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    func lrplot(_ arguments: [String], in dir: URL) throws -> ProcessResult {
        try ProcessResult.run(exe, arguments, in: dir)
    }

    /// Runs `script` in bash with `$LRPLOT` set to the executable.
    func shell(_ script: String, in dir: URL) throws -> ProcessResult {
        try ProcessResult.run(URL(fileURLWithPath: "/bin/bash"), ["-c", "LRPLOT='\(exe.path)'; " + script], in: dir)
    }

    func contents(_ dir: URL, _ name: String) -> Data? {
        FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
    }

    // MARK: specs from anywhere

    @Test func aSpecFromStandardInput() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let values = try shell(#""$LRPLOT" values - < s.json"#, in: dir)
        #expect(values.status == 0, "\(values.stderr)")
        #expect(values.stdout.hasPrefix("step,torch.StepLR\n0,0.1\n"))
        // The default output of a spec from stdin is output/stdin.png.
        let chart = try shell(#"cat s.json | "$LRPLOT" -"#, in: dir)
        #expect(chart.status == 0, "\(chart.stderr)")
        #expect(chart.stdout == "wrote output/stdin.png\n")
        // Errors name it <stdin>.
        let bad = try shell(#"echo '{"steps": 0}' | "$LRPLOT" values -"#, in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("lrplot: error: <stdin>: steps: must be from 1"), "\(bad.stderr)")
    }

    @Test func pipesAndProcessSubstitutionsAreSpecs() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let substituted = try shell(#""$LRPLOT" values <(cat s.json) --at 0,59"#, in: dir)
        #expect(substituted.status == 0, "\(substituted.stderr)")
        #expect(substituted.stdout == "step,torch.StepLR\n0,0.1\n59,0.0010000000000000002\n")
        #expect(mkfifo(dir.appendingPathComponent("spec.fifo").path, 0o600) == 0)
        let fifo = try shell(#"cat s.json > spec.fifo & "$LRPLOT" values spec.fifo --at 0; wait"#, in: dir)
        #expect(fifo.status == 0, "\(fifo.stderr)")
        #expect(fifo.stdout == "step,torch.StepLR\n0,0.1\n")
    }

    @Test func devNullIsEmpty() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try lrplot(["values", "/dev/null"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("lrplot: error: /dev/null: is empty; expected a JSON spec like {"))
    }

    // MARK: images to standard output and directories

    @Test func anImageToStandardOutput() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = try shell(#""$LRPLOT" s.json -o - > out.png"#, in: dir)
        #expect(png.status == 0, "\(png.stderr)")
        let image = try RasterImage.decodePNG(Array(try #require(contents(dir, "out.png"))))
        #expect(image.width == 320 && image.height == 200)
        let svg = try shell(#""$LRPLOT" - -o - --format svg < s.json"#, in: dir)
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<?xml") && svg.stdout.contains("<svg"))
        // With files too: the files are named on stderr, stdout carries only the image.
        let both = try shell(#""$LRPLOT" s.json -o - -o b.pdf --format pdf > a.pdf"#, in: dir)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stderr == "wrote b.pdf\n")
        #expect(contents(dir, "a.pdf")?.prefix(5) == Data("%PDF-".utf8))
        #expect(contents(dir, "b.pdf")?.prefix(5) == Data("%PDF-".utf8))
    }

    @Test func aDirectoryGetsTheSpecName() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("charts"), withIntermediateDirectories: true)
        let r = try lrplot(["s.json", "-o", "charts", "--format", "svg"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote charts/s.svg\n")
        let slash = try lrplot(["s.json", "-o", "charts/"], in: dir)
        #expect(slash.stdout == "wrote charts/s.png\n")
        let missing = try lrplot(["s.json", "-o", "none/"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr == "lrplot: error: none/s.png: cannot write: the directory none does not exist\n")
        let values = try lrplot(["values", "s.json", "-o", "charts/", "--format", "json"], in: dir)
        #expect(values.status == 0 && values.stdout == "wrote charts/s.json\n", "\(values.stderr)")
        #expect(contents(dir, "charts/s.json").map { String(decoding: $0, as: UTF8.self).hasPrefix("{\"steps\": [0, 1,") } == true)
    }

    // MARK: links, modes, names

    @Test func writingThroughALinkReplacesItsTargetAndKeepsItsMode() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try shell(#"""
            mkdir real && echo old > real/chart.svg && chmod 600 real/chart.svg && ln -s real/chart.svg chart.svg \
            && "$LRPLOT" s.json -o chart.svg && test -L chart.svg && stat -c %a real/chart.svg && head -c 5 real/chart.svg
            """#, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote chart.svg\n600\n<?xml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("real").path) == ["chart.svg"])
    }

    @Test func theSpecIsNeverAnOutput() throws {
        let dir = try directory(["chart.svg": Self.spec])
        defer { try? FileManager.default.removeItem(at: dir) }
        let render = try lrplot(["chart.svg", "-o", "chart.svg"], in: dir)
        #expect(render.status == 2)
        #expect(render.stderr == "lrplot: error: chart.svg: is the spec file itself; choose another output name\n")
        let values = try shell(#"ln -s chart.svg link.csv; "$LRPLOT" values chart.svg -o link.csv"#, in: dir)
        #expect(values.status == 2)
        #expect(values.stderr == "lrplot: error: link.csv: is the same file as the input chart.svg; choose another output name\n")
        #expect(contents(dir, "chart.svg") == Data(Self.spec.utf8))
    }

    @Test func legalLongNamesWork() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for length in [248, 255] {
            let name = String(repeating: "n", count: length - 4) + ".png"
            let r = try lrplot(["s.json", "-o", name], in: dir)
            #expect(r.status == 0, "\(length): \(r.stderr)")
            #expect(contents(dir, name) != nil)
            let values = try lrplot(["values", "s.json", "-o", String(repeating: "v", count: length - 4) + ".csv"], in: dir)
            #expect(values.status == 0, "\(length): \(values.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func severalOutputsAreAllOrNothing() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("old png".utf8).write(to: dir.appendingPathComponent("a.png"))
        try Data("old svg".utf8).write(to: dir.appendingPathComponent("b.svg"))
        // Files may grow to 8 KiB: the small PNG fits, the SVG (glyph outlines) does not.
        let r = try shell(#"trap '' XFSZ; ulimit -f 8; "$LRPLOT" s.json -o a.png -o b.svg"#, in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("lrplot: error: b.svg: cannot write: File too large"), "\(r.stderr)")
        #expect(contents(dir, "a.png") == Data("old png".utf8))
        #expect(contents(dir, "b.svg") == Data("old svg".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
        // The same for values -o: the old file stays, no partial one.
        try Data(#"{"steps": 5000, "schedules": [{"type": "cosine", "lr": 0.1, "total_steps": 5000}]}"#.utf8)
            .write(to: dir.appendingPathComponent("long.json"))
        try Data("old csv".utf8).write(to: dir.appendingPathComponent("v.csv"))
        let values = try shell(#"trap '' XFSZ; ulimit -f 8; "$LRPLOT" values long.json -o v.csv"#, in: dir)
        #expect(values.status == 1)
        #expect(values.stderr == "lrplot: error: v.csv: cannot write: File too large\n")
        #expect(contents(dir, "v.csv") == Data("old csv".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    // MARK: failed writes to standard output

    @Test(arguments: [["values", "s.json"], ["values", "s.json", "--format", "json"], ["simulate", "sim.json"], ["list"],
                      ["describe", "torch.StepLR"], ["schema"], ["--help"]])
    func aFailedWriteToStandardOutputIsAnError(_ arguments: [String]) throws {
        let dir = try directory(["s.json": Self.spec, "sim.json": #"""
            {"steps": 20, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1},
              "problem": {"loss": "mse", "features": [[1.0]], "targets": [2.0]}},
             "schedules": [{"type": "constant", "lr": 0.1}]}
            """#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let command = "\"$LRPLOT\" " + arguments.map { "'\($0)'" }.joined(separator: " ")
        let full = try shell(command + " > /dev/full", in: dir)
        #expect(full.status == 1, "\(arguments): \(full.stderr)")
        #expect(full.stderr.hasSuffix("lrplot: error: cannot write to standard output: No space left on device\n"), "\(full.stderr)")
        let closed = try shell(command + " >&-", in: dir)
        #expect(closed.status == 1, "\(arguments)")
        #expect(closed.stderr.hasSuffix("lrplot: error: cannot write to standard output: Bad file descriptor\n"), "\(closed.stderr)")
    }

    @Test func aReaderThatGoesAwayEndsTheProcessQuietly() throws {
        let dir = try directory([
            "long.json": #"{"steps": 2000000, "schedules": [{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 1000}]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try shell(#""$LRPLOT" values long.json | head -2; echo "status ${PIPESTATUS[0]}""#, in: dir)
        #expect(r.stdout == "step,torch.CosineAnnealingLR\n0,0.1\nstatus 141\n")
        #expect(r.stderr.isEmpty)
    }

    // MARK: values -o and selections

    @Test func valuesToAFileWithSelections() throws {
        let dir = try directory(["e.json": #"{"steps": 3000, "steps_per_epoch": 100, "schedules": [{"type": "torch.StepLR", "lr": 0.1, "step_size": 10, "interval": "epoch"}]}"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try lrplot(["values", "e.json", "--per-epoch", "-o", "epochs.csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "wrote epochs.csv\n")
        let text = String(decoding: try #require(contents(dir, "epochs.csv")), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 31)
        #expect(lines[0] == "step,epoch,torch.StepLR" && lines[1] == "0,0,0.1" && lines[11] == "1000,10,0.010000000000000002")
        let at = try lrplot(["values", "e.json", "--at", "0,150", "--at", "2999"], in: dir)
        #expect(at.stdout == "step,epoch,torch.StepLR\n0,0,0.1\n150,1,0.1\n2999,29,0.0010000000000000002\n", "\(at.stderr)")
        let every = try lrplot(["values", "e.json", "--every", "1000", "--format", "json"], in: dir)
        #expect(every.stdout.hasPrefix("{\"steps\": [0, 1000, 2000],\n \"epochs\": [0, 10, 20],"), "\(every.stdout)")
        let both = try lrplot(["values", "e.json", "--every", "10", "--per-epoch"], in: dir)
        #expect(both.status == 2 && both.stderr.hasPrefix("lrplot: error: choose one of --every, --at and --per-epoch"))
        let bad = try lrplot(["values", "e.json", "--at", "1,x"], in: dir)
        #expect(bad.status == 2 && bad.stderr.hasPrefix("lrplot: error: --at: \"x\" is not a step"), "\(bad.stderr)")
    }
}
