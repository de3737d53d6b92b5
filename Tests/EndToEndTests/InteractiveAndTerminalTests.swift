import Foundation
import Plot
import PlotTestSupport
import Testing
import TestSupport

/// `lrplot SPEC -o chart.html` in a real browser, and `lrplot show` in a real terminal.
@Suite struct InteractiveAndTerminalTests {
    let root = PackagePaths.root()

    func lrplot(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        return try ProcessResult.run(exe, arguments, in: directory)
    }

    /// The CSV `lrplot values` prints, as rows of texts by step.
    func values(_ spec: String) throws -> (header: [String], rows: [[String]]) {
        let result = try lrplot(["values", spec, "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    /// Hovering over the HTML chart at a step shows, for every schedule, exactly the text
    /// `lrplot values` prints for that step (the page is the CLI's own output).
    @Test(.enabled(if: HeadlessChromium.executable != nil, "chromium is not installed (apt-get install chromium; scripts/install-deps.sh does)"),
          arguments: ["examples/interactive.json", "examples/transformer-warmup.json"])
    func hoverShowsWhatValuesPrints(_ example: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-e2e-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = root.appendingPathComponent(example).path
        let html = dir.appendingPathComponent("chart.html")
        let rendered = try lrplot([spec, "-o", html.path])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let csv = try values(spec)
        let browser = try HeadlessChromium()
        try browser.open(html)
        // The plot's position, from the data the page carries.
        let frame = try #require(browser.evaluate("(function(){var d=JSON.parse(document.getElementById('lrplot-data').textContent);var r=document.querySelector('svg').getBoundingClientRect();return [d.x.left,d.x.width,d.x.lo,d.x.hi,d.panels[0].top,d.panels[0].height,r.left,r.top,r.width/svgWidth()];function svgWidth(){return document.querySelector('svg').viewBox.baseVal.width}})()") as? [Double])
        let steps = csv.rows.count
        for step in [0, 1, steps / 3, steps / 2 + 7, steps - 1] {
            let x = frame[0] + (Double(step) - frame[2]) / (frame[3] - frame[2]) * frame[1]
            let y = frame[4] + frame[5] * 0.5
            try browser.moveMouse(x: frame[6] + x * frame[8], y: frame[7] + y * frame[8])
            let header = try browser.evaluate("document.querySelector('.lrplot-tip .x').textContent") as? String ?? ""
            #expect(header.hasPrefix("optimizer step \(step)"), "\(header)")
            let rows = try browser.evaluate("Array.from(document.querySelectorAll('.lrplot-tip .row')).map(r => [r.querySelector('.label').textContent, r.querySelector('.value').textContent])") as? [[String]] ?? []
            let row = csv.rows[step]
            #expect(row[0] == String(step))
            // One hover row per schedule (the CSV adds momentum columns for schedules that set one).
            let rates = csv.header.dropFirst().filter { !$0.hasSuffix(":momentum") && $0 != "epoch" }
            #expect(rows.map { $0[0] } == Array(rates))
            for shown in rows {
                let column = try #require(csv.header.firstIndex(of: shown[0]))
                #expect(shown[1] == row[column], "\(example) step \(step), \(shown[0]): hover \(shown[1]), values \(row[column])")
            }
        }
    }

    /// `lrplot show` in tmux: braille axes, tick labels, the legend, colour escapes.
    @Test(.enabled(if: Tmux.executable != nil, "tmux is not installed (apt-get install tmux; scripts/install-deps.sh does)"))
    func showDrawsInATerminal() throws {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        let screen = try Tmux.screen(
            running: "\(exe.path) show examples/transformer-warmup.json", in: root.path, columns: 100, rows: 30,
            until: "warmup_stable_decay")
        let lines = screen.plain
        #expect(lines.contains { $0.contains("Transformer-style warm-up and decay") })
        #expect(lines.contains { $0.hasPrefix("learning rate ×10⁻⁴") })
        #expect(lines.contains { $0.hasPrefix("5┤") } && lines.contains { $0.hasPrefix("0┤") })
        let axis = try #require(lines.firstIndex { $0.contains("└") })
        #expect(lines[axis].contains("┬") && lines[axis + 1].contains("10k"))
        #expect(lines[axis + 2].trimmingCharacters(in: .whitespaces) == "optimizer step")
        #expect(lines.contains { $0.contains("──── linear") && $0.contains("─ ─  cosine") })
        // Braille dots on the rows between, and colour: tmux reports TERM=xterm-256color.
        #expect(lines[2..<axis].contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
        #expect(screen.escaped.contains("38;5;"))
        // The preview fills the terminal less its last row.
        #expect(lines.prefix(29).allSatisfy { $0.count <= 100 })
        if let dir = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"] {
            try lines.joined(separator: "\n").write(toFile: "\(dir)/show-transformer.txt", atomically: true, encoding: .utf8)
        }
    }

    /// Piped, `show` writes plain braille text (no escapes) at 80 × 24 unless told.
    @Test func showPipedIsPlainText() throws {
        let result = try lrplot(["show", root.appendingPathComponent("examples/seeds.json").path, "--columns", "72", "--rows", "20"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 20 && lines.allSatisfy { $0.count <= 72 })
        #expect(result.stdout.contains("cosine annealing"))
        let small = try lrplot(["show", root.appendingPathComponent("examples/seeds.json").path, "--columns", "10", "--rows", "5"])
        // Sizes given too small are a usage error naming the minimum.
        #expect(small.status == 2)
        #expect(small.stderr.hasPrefix("lrplot: error: --columns 10 is too small: a preview needs at least 20 columns\n"), "\(small.stderr)")
        let kitty = try lrplot(["show", root.appendingPathComponent("examples/seeds.json").path, "--graphics", "kitty", "--columns", "60", "--rows", "20"])
        #expect(kitty.stdout.hasPrefix("\u{1B}_Ga=T,f=100,q=2,c=60,r=20,m=1;iVBORw0KGgo"))
    }
}
