import Foundation
import PlotTestSupport
import Testing
@testable import Plot

@Suite struct TerminalCapabilityTests {
    @Test func detectsFromTheEnvironment() {
        func detect(_ env: [String: String], tty: Bool = true, da: String? = nil) -> TerminalCapabilities {
            TerminalCapabilities.detect(environment: env, isTerminal: tty, deviceAttributes: da)
        }
        #expect(detect(["TERM": "xterm-256color"], tty: false) == .plain)
        #expect(detect(["TERM": "dumb"]) == .plain)
        #expect(detect([:]) == .plain)
        #expect(detect(["TERM": "xterm"]) == TerminalCapabilities(graphics: .none, colors: .ansi16))
        #expect(detect(["TERM": "xterm-256color"]).colors == .ansi256)
        #expect(detect(["TERM": "xterm-256color", "COLORTERM": "truecolor"]).colors == .trueColor)
        #expect(detect(["TERM": "xterm-256color", "NO_COLOR": "1"]).colors == TerminalCapabilities.Colors.none)
        #expect(detect(["TERM": "xterm-256color", "NO_COLOR": ""]).colors == .ansi256)
        #expect(detect(["TERM": "xterm-kitty"]).graphics == .kitty)
        #expect(detect(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]).graphics == .kitty)
        #expect(detect(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]).graphics == .kitty)
        #expect(detect(["TERM": "xterm-256color"], da: "\u{1B}[?62;4;6;22c").graphics == .sixel)
        #expect(detect(["TERM": "xterm-256color"], da: "\u{1B}[?62;6;22c").graphics == TerminalCapabilities.Graphics.none)
        #expect(detect(["TERM": "foot"]).graphics == .sixel)
        // Multiplexers do not pass images through.
        #expect(detect(["TERM": "xterm-kitty", "TMUX": "/tmp/tmux-0/default,1,0"]).graphics == TerminalCapabilities.Graphics.none)
        #expect(detect(["TERM": "screen-256color"], da: "\u{1B}[?62;4c").graphics == TerminalCapabilities.Graphics.none)
        #expect(detect(["TERM": "xterm", "COLORFGBG": "15;0"]).darkBackground == true)
        #expect(detect(["TERM": "xterm", "COLORFGBG": "0;default;15"]).darkBackground == false)
        #expect(TerminalCapabilities.announcesSixel("\u{1B}[?64;1;2;4;6;9;15;18;21;22c"))
        #expect(!TerminalCapabilities.announcesSixel("\u{1B}[?1;2c"))
    }
}

@Suite struct TerminalRenderTests {
    /// A constant series at 0.4 on a fixed 0…1 axis, a drop at x = 40 and a marker at 40.
    static var known: Chart {
        let xs = (0...100).map(Double.init)
        return Chart(
            title: "Known values", xAxis: Axis(label: "step", integerTicks: true, domain: 0...100),
            panels: [Panel(yAxis: Axis(label: "value", domain: 0...1), series: [
                Series(label: "half", xs: xs, ys: xs.map { _ in 0.4 }),
                Series(label: "drop", xs: xs, ys: xs.map { $0 < 40 ? 0.9 : 0.1 }, drawStyle: .stepsPost),
            ], markers: [Marker(x: 40)])])
    }

    static func isBraille(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false
    }

    @Test func brailleShowsAxesLegendAndValuesWhereTheyAre() throws {
        let text = try TerminalRenderer.render(Self.known, options: TerminalOptions(columns: 80, rows: 24, capabilities: .plain))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 80 })
        try Self.checkScreen(Array(lines))
    }

    /// The same checks on what tmux shows: the text must survive a real terminal.
    @Test(.enabled(if: Tmux.executable != nil, "tmux is not installed (apt-get install tmux; scripts/install-deps.sh does)"))
    func inTmux() throws {
        let options = TerminalOptions(columns: 80, rows: 24, capabilities: TerminalCapabilities(graphics: .none, colors: .ansi256))
        let text = try TerminalRenderer.render(Self.known, options: options)
        let screen = try Tmux.screen(showing: text, columns: 80, rows: 26)
        let lines = Array(screen.plain.prefix(24))
        if let dir = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"] {
            try screen.escaped.write(toFile: "\(dir)/tmux-known.term", atomically: true, encoding: .utf8)
        }
        try Self.checkScreen(lines)
        // Colour: the series' colours as 256-colour escapes, the legend samples too.
        let blue = ANSIColor.index256(Theme.okabeIto[0])
        let vermillion = ANSIColor.index256(Theme.okabeIto[1])
        #expect(screen.escaped.contains("38;5;\(blue)m"), "\(screen.escaped.prefix(400))")
        #expect(screen.escaped.contains("38;5;\(vermillion)m─ ─ "))  // "drop" is dashed
        // And the sample chart, looked at as a reader would.
        let sample = try TerminalRenderer.render(SampleCharts.annotated, options: TerminalOptions(columns: 100, rows: 30, capabilities: TerminalCapabilities(graphics: .none, colors: .ansi256)))
        let shown = try Tmux.screen(showing: sample, columns: 100, rows: 32).plain
        #expect(shown.contains { $0.contains("cosine 5e-4") && $0.contains("warmup_stable_decay") })
        #expect(shown.contains { $0.hasPrefix("5┤") })
        if let dir = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"] {
            try shown.joined(separator: "\n").write(toFile: "\(dir)/tmux-capture.txt", atomically: true, encoding: .utf8)
        }
    }

    static func checkScreen(_ lines: [String]) throws {
        #expect(lines[0].trimmingCharacters(in: .whitespaces) == "Known values")
        #expect(lines[1] == "value")
        let axisRow = try #require(lines.firstIndex { $0.contains("└") })
        let axis = Array(lines[axisRow])
        let corner = try #require(axis.firstIndex(of: "└"))
        #expect(axis.filter { $0 == "┬" }.count >= 4)
        let labels = Array(lines[axisRow + 1])
        // The first tick label sits under the first tick, one right of the corner.
        #expect(lines[axisRow + 1].hasPrefix(String(repeating: " ", count: corner + 1) + "0 "))
        #expect(lines[axisRow + 2].trimmingCharacters(in: .whitespaces) == "step")
        #expect(lines[axisRow + 3].contains("──── half") && lines[axisRow + 3].contains("─ ─  drop"))
        // y ticks: "0.4┤" on the row where the constant 0.4 series is drawn, and nothing of it elsewhere.
        let halfRow = try #require(lines.firstIndex { $0.hasPrefix("0.4┤") })
        let plotRows = (2..<axisRow)
        let rowsWithLongRuns = plotRows.filter { r in
            Array(lines[r]).filter(isBraille).count > 60
        }
        #expect(rowsWithLongRuns == [halfRow], "0.4 drawn on rows \(rowsWithLongRuns), labelled on \(halfRow)")
        // x: the marker (a dotted column) and the drop sit under the tick of 40.
        let forty = try #require(String(labels).range(of: "40"))
        let fortyColumn = labels.distance(from: labels.startIndex, to: labels.firstIndex(of: "4")!) + 1
        _ = forty
        let tick = try #require(axis.indices.filter { axis[$0] == "┬" }.min { abs($0 - fortyColumn) < abs($1 - fortyColumn) })
        #expect(abs(tick - fortyColumn) <= 1)
        let markerColumns = Set(plotRows.flatMap { r -> [Int] in
            let chars = Array(lines[r])
            return chars.indices.filter { $0 > corner && isBraille(chars[$0]) && r != halfRow }
        })
        #expect(markerColumns.contains(tick), "marker and drop columns \(markerColumns.sorted()), tick at \(tick)")
        // The 0.9 and 0.1 levels of the drop: left of 40 high, right of it low.
        let high = try #require(lines.firstIndex { $0.hasPrefix("0.9┤") || $0.hasPrefix("1.0┤") })
        #expect(Array(lines[high])[(corner + 5)..<(tick - 2)].contains(where: isBraille) || Array(lines[high + 1])[(corner + 5)..<(tick - 2)].contains(where: isBraille))
    }

    @Test func kittyCarriesThePNGInChunks() throws {
        let options = TerminalOptions(columns: 100, rows: 30, capabilities: TerminalCapabilities(graphics: .kitty, colors: .trueColor), cellPixels: (9, 18))
        let text = try TerminalRenderer.render(SampleCharts.fourSchedules, options: options)
        #expect(text.hasPrefix("\u{1B}_Ga=T,f=100,q=2,c=100,r=30,m=1;"))
        #expect(text.hasSuffix("\u{1B}\\\n"))
        let chunks = text.dropLast().components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        var payload = ""
        for (i, chunk) in chunks.enumerated() {
            let body = try #require(chunk.split(separator: ";", maxSplits: 1).last)
            #expect(body.count <= 4096)
            #expect(chunk.contains("m=\(i == chunks.count - 1 ? 0 : 1);"))
            payload += body
        }
        let png = try #require(Data(base64Encoded: payload))
        let image = try RasterImage.decodePNG([UInt8](png))
        #expect(image.width == 900 && image.height == 540)
    }

    /// Decodes sixel data (what a terminal does) to check the encoder.
    static func decodeSixel(_ text: String) throws -> RasterImage {
        var s = Substring(text)
        #expect(s.hasPrefix("\u{1B}P0;0;0q\"1;1;"))
        s = s.dropFirst("\u{1B}P0;0;0q\"1;1;".count)
        let size = s.prefix { $0 != "#" }.split(separator: ";").compactMap { Int($0) }
        let (w, h) = (size[0], size[1])
        s = s.drop { $0 != "#" }
        var palette: [Int: (UInt8, UInt8, UInt8)] = [:]
        var pixels = [UInt8](repeating: 0, count: 4 * w * h)
        var colour = 0, x = 0, band = 0
        var chars = Array(s.dropLast(2))
        var i = 0
        func number() -> Int {
            var n = 0
            while i < chars.count, let d = chars[i].wholeNumberValue { n = n * 10 + d; i += 1 }
            return n
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "#":
                i += 1
                colour = number()
                if i < chars.count, chars[i] == ";" {
                    i += 1; _ = number(); i += 1
                    let r = number(); i += 1
                    let g = number(); i += 1
                    let b = number()
                    palette[colour] = (UInt8(r * 255 / 100), UInt8(g * 255 / 100), UInt8(b * 255 / 100))
                }
            case "$": x = 0; i += 1
            case "-": x = 0; band += 1; i += 1
            case "!":
                i += 1
                let run = number()
                let bits = Int(chars[i].asciiValue ?? 63) - 63
                for _ in 0..<run { paint(bits) }
                i += 1
            default:
                paint(Int(c.asciiValue ?? 63) - 63)
                i += 1
            }
        }
        func paint(_ bits: Int) {
            for k in 0..<6 where bits & (1 << k) != 0 {
                let y = band * 6 + k
                guard y < h, x < w, let p = palette[colour] else { continue }
                let o = 4 * (y * w + x)
                pixels[o] = p.0; pixels[o + 1] = p.1; pixels[o + 2] = p.2; pixels[o + 3] = 255
            }
            x += 1
        }
        chars = []
        return RasterImage(width: w, height: h, pixels: pixels)
    }

    @Test func sixelDecodesToTheChart() throws {
        let options = TerminalOptions(columns: 60, rows: 20, capabilities: TerminalCapabilities(graphics: .sixel, colors: .ansi256), cellPixels: (8, 16))
        let text = try TerminalRenderer.render(SampleCharts.fourSchedules, options: options)
        #expect(text.hasSuffix("\u{1B}\\\n"))
        let decoded = try Self.decodeSixel(String(text.dropLast()))
        let sized = TerminalRenderer.sized(SampleCharts.fourSchedules, options)
        let direct = try RasterImage.decodePNG(try ChartRenderer.render(sized, as: .png))
        #expect(decoded.width == 480 && decoded.height == 320)
        #expect(decoded.width == direct.width && decoded.height == direct.height)
        // 256 registers: every pixel within a quantisation step (51 per channel in the cube).
        #expect((RasterImage.maxChannelDifference(decoded, direct) ?? 255) <= 26)
        #expect((RasterImage.differingFraction(decoded, direct, tolerance: 0) ?? 1) > 0)
    }

    @Test func tooSmallTerminalsAreRefusedClearly() {
        let options = TerminalOptions(columns: 12, rows: 5, capabilities: .plain)
        #expect(throws: PlotError("the terminal is 12×5 cells; a preview needs at least 20×8")) {
            try TerminalRenderer.render(SampleCharts.fourSchedules, options: options)
        }
        var many = SampleCharts.twoPanels
        many.panels += many.panels + many.panels
        #expect(throws: PlotError.self) {
            try TerminalRenderer.render(many, options: TerminalOptions(columns: 40, rows: 10, capabilities: .plain))
        }
    }

    @Test func sixteenColoursKeepSeriesApart() throws {
        let pens = ANSIColor.pens(for: Theme.okabeIto, mode: .ansi16)
        #expect(Set(pens.map { "\($0)" }).count == Theme.okabeIto.count)
        let text = try TerminalRenderer.render(SampleCharts.fourSchedules, options: TerminalOptions(columns: 90, rows: 26, capabilities: TerminalCapabilities(graphics: .none, colors: .ansi16)))
        #expect(text.contains("\u{1B}[3") || text.contains("\u{1B}[9"))
        #expect(!text.contains("38;5;") && !text.contains("38;2;"))
    }
}
