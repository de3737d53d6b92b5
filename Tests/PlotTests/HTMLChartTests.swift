import Foundation
import PlotTestSupport
import Testing
@testable import Plot

/// A chart of three schedules over 10,001 steps with every step's exact value as hover text
/// (`String(value)`, what `lrplot values` prints), epochs of 625 steps above.
enum HTMLSample {
    static var chart: Chart {
        var chart = SampleCharts.annotated
        chart.title = "Interactive: hover for exact values"
        chart.secondaryXAxis = SecondaryAxis(label: "epoch", divisor: 625, integerTicks: true)
        return chart
    }

    static var table: HoverTable {
        let series = chart.panels[0].series
        return HoverTable(xs: series[0].xs, columns: series.indices.map { i in
            HoverTable.Column(panel: 0, series: i, values: series[i].ys.map { String($0) })
        })
    }
}

@Suite struct HTMLChartTests {
    @Test func theFileIsSelfContained() throws {
        let html = String(decoding: try HTMLChartRenderer.render(HTMLSample.chart, hover: HTMLSample.table), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // The only URL is the SVG namespace, which is a name, never fetched.
        let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(urls)")
        for reference in ["<link", " src=", "@import", "url(http", "fetch(", "XMLHttpRequest"] {
            #expect(!html.contains(reference), "\(reference)")
        }
        #expect(html.contains(">Interactive: hover for exact values</text>"))
        #expect(html.contains("<g class=\"series\" data-panel=\"0\" data-series=\"2\" data-key=\"2\">"))
        // The drawing stays decimated: 3 × 10,001 points would be ~480 KB of path data;
        // the pixel columns keep it to a fraction.
        let svgPart = html.components(separatedBy: "<script")[0]
        #expect(svgPart.utf8.count < 150_000, "\(svgPart.utf8.count) bytes of SVG")
        // A label cannot close the script element.
        var chart = HTMLSample.chart
        chart.panels[0].series[0].label = "</script><script>alert(1)</script>"
        var table = HTMLSample.table
        table.columns[0].label = nil
        let hostile = String(decoding: try HTMLChartRenderer.render(chart, hover: table), as: UTF8.self)
        #expect(hostile.components(separatedBy: "</script>").count == 3)
    }

    @Test func badTablesAreRefused() {
        var table = HTMLSample.table
        table.columns[0].values.removeLast()
        #expect(throws: PlotError.self) { try HTMLChartRenderer.render(HTMLSample.chart, hover: table) }
        table = HTMLSample.table
        table.columns[1].series = 7
        #expect(throws: PlotError.self) { try HTMLChartRenderer.render(HTMLSample.chart, hover: table) }
        table = HTMLSample.table
        table.xs[5] = table.xs[4]
        #expect(throws: PlotError.self) { try HTMLChartRenderer.render(HTMLSample.chart, hover: table) }
    }
}

/// The interactive HTML in a real browser: Debian's Chromium, headless, driven through the
/// DevTools protocol. Mouse moves are real input events.
@Suite(.enabled(if: HeadlessChromium.executable != nil,
                "chromium is not installed (apt-get install chromium; scripts/install-deps.sh does): interactive HTML not tested in a browser"))
struct HTMLBrowserTests {
    /// Writes the page, opens it and returns the browser and the layout the page shows.
    static func open(_ chart: Chart, _ table: HoverTable, name: String) throws -> (HeadlessChromium, ChartLayout, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-html-\(getpid())-\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("\(name).html")
        try Data(try HTMLChartRenderer.render(chart, hover: table)).write(to: url)
        let browser = try HeadlessChromium()
        try browser.open(url)
        return (browser, try ChartRenderer.layout(chart, format: .svg), dir)
    }

    /// Where a point of the SVG (in chart px) is in the viewport.
    static func viewport(_ browser: HeadlessChromium, _ p: Point, chartWidth: Double) throws -> (Double, Double) {
        let box = try #require(browser.evaluate("(function(){var r=document.querySelector('svg').getBoundingClientRect();return [r.left,r.top,r.width];})()") as? [Double])
        let k = box[2] / chartWidth
        return (box[0] + p.x * k, box[1] + p.y * k)
    }

    static func tipRows(_ browser: HeadlessChromium) throws -> (header: String, rows: [[String]]) {
        let header = try browser.evaluate("document.querySelector('.lrplot-tip .x').textContent") as? String ?? ""
        let rows = try browser.evaluate(
            "Array.from(document.querySelectorAll('.lrplot-tip .row')).map(r => [r.querySelector('.label').textContent, r.querySelector('.value').textContent])"
        ) as? [[String]] ?? []
        return (header, rows)
    }

    @Test(arguments: [0, 1234, 5000, 9999, 10_000])
    func hoverShowsTheExactValuesAtTheStep(_ step: Int) throws {
        let chart = HTMLSample.chart
        let table = HTMLSample.table
        let (browser, layout, dir) = try Self.open(chart, table, name: "hover-\(step)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plot = layout.panels[0].plot
        let x = try plot.minX + #require(layout.xScale.fraction(of: Double(step))) * plot.width
        let (vx, vy) = try Self.viewport(browser, Point(x: x, y: plot.minY + plot.height * 0.6), chartWidth: chart.width)
        try browser.moveMouse(x: vx, y: vy)
        let (header, rows) = try Self.tipRows(browser)
        let epoch = Double(step) / 625
        let epochText = epoch == epoch.rounded() ? String(Int(epoch)) : String(epoch)
        #expect(header == "optimizer step \(step) · epoch \(epochText)")
        #expect(rows.count == 3)
        for (i, row) in rows.enumerated() {
            #expect(row[0] == chart.panels[0].series[i].label)
            #expect(row[1] == table.columns[i].values[step], "series \(i) at step \(step)")
            #expect(row[1] == String(chart.panels[0].series[i].ys[step]))
        }
        // The dots sit on the lines: where the layout puts each value.
        let dots = try #require(browser.evaluate("Array.from(document.querySelectorAll('.lrplot-hover circle')).map(c => [+c.getAttribute('cx'), +c.getAttribute('cy'), c.style.display])") as? [[Any]])
        for (i, dot) in dots.enumerated() {
            let y = try plot.maxY - #require(layout.panels[0].yScale.fraction(of: chart.panels[0].series[i].ys[step])) * plot.height
            #expect(abs((dot[0] as? Double ?? .nan) - x) < 0.01)
            #expect(abs((dot[1] as? Double ?? .nan) - y) < 0.01)
        }
    }

    @Test func clickingALegendEntryHidesAndShowsTheSeries() throws {
        let chart = HTMLSample.chart
        let (browser, layout, dir) = try Self.open(chart, HTMLSample.table, name: "legend")
        defer { try? FileManager.default.removeItem(at: dir) }
        let legend = try #require(layout.panels[0].legend)
        let entry = legend.entries[1]
        let (cx, cy) = try Self.viewport(browser, Point(x: entry.text.bounds.minX + 5, y: entry.sampleStart.y), chartWidth: chart.width)
        func displayed() throws -> [String] {
            try browser.evaluate("Array.from(document.querySelectorAll('g.series')).map(g => getComputedStyle(g).display)") as? [String] ?? []
        }
        #expect(try displayed().allSatisfy { $0 != "none" })
        try browser.click(x: cx, y: cy)
        #expect(try displayed() == ["inline", "none", "inline"])
        #expect(try browser.evaluate("document.querySelectorAll('g.legend-entry')[1].getAttribute('aria-pressed')") as? String == "false")
        // Hidden series leave the hover box.
        let plot = layout.panels[0].plot
        let (vx, vy) = try Self.viewport(browser, Point(x: plot.midX, y: plot.midY), chartWidth: chart.width)
        try browser.moveMouse(x: vx, y: vy)
        #expect(try Self.tipRows(browser).rows.map { $0[0] } == ["cosine 5e-4", "warmup_stable_decay"])
        try browser.click(x: cx, y: cy)
        #expect(try displayed().allSatisfy { $0 != "none" })
        // Keyboard: Enter on the focused entry toggles too.
        _ = try browser.evaluate("document.querySelectorAll('g.legend-entry')[0].focus()")
        try browser.send("Input.dispatchKeyEvent", ["type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13])
        #expect(try displayed() == ["none", "inline", "inline"])
    }

    /// The page as a reader sees it mid-hover; with `PLOT_SAMPLES_DIR` set, saved there to
    /// look at.
    @Test func screenshotShowsTheChartAndTheHoverBox() throws {
        let chart = HTMLSample.chart
        let (browser, layout, dir) = try Self.open(chart, HTMLSample.table, name: "screenshot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plot = layout.panels[0].plot
        let x = try plot.minX + #require(layout.xScale.fraction(of: 3000)) * plot.width
        let (vx, vy) = try Self.viewport(browser, Point(x: x, y: plot.minY + plot.height * 0.7), chartWidth: chart.width)
        try browser.moveMouse(x: vx, y: vy)
        let png = try browser.screenshot()
        let image = try RasterImage.decodePNG([UInt8](png))
        #expect(image.width == 1100 && image.height == 760)
        // The hover rule is drawn at the step: a grey pixel column through the plot (probed
        // between the lines, at about 3.1e-4).
        let (rx, ry) = try Self.viewport(browser, Point(x: x, y: plot.minY + plot.height * 0.45), chartWidth: chart.width)
        let column = (Int(rx) - 1...Int(rx) + 1).map { image.pixel(x: $0, y: Int(ry)) }
        #expect(column.contains { $0.r == $0.g && $0.g == $0.b && $0.r > 100 && $0.r < 170 }, "\(column) near \(rx), \(ry)")
        // The box lists the three values.
        #expect(try Self.tipRows(browser).rows.count == 3)
        if let samples = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"] {
            try png.write(to: URL(fileURLWithPath: "\(samples)/html-hover.png"))
            try Data(try HTMLChartRenderer.render(chart, hover: HTMLSample.table)).write(to: URL(fileURLWithPath: "\(samples)/interactive.html"))
        }
    }
}
