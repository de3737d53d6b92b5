import CLRPlotCairo
import Foundation
import PlotTestSupport
import Testing
@testable import Plot

/// Series drawn as points (``DrawStyle/points``): thinning in the layout, and the marks in
/// every format.
@Suite("Points")
struct PointsTests {
    // MARK: Thinning

    @Test func aMillionLoggedStepsGiveAFewMarksPerColumn() throws {
        let chart = SampleCharts.loggedDense
        let layout = try ChartRenderer.layout(chart)
        let panel = layout.panels[0]
        let marks = panel.series[0].marks
        let columns = Int(panel.plot.width.rounded(.up)) + 2
        #expect(marks.count <= 3 * columns, "\(marks.count) marks for \(columns) columns")
        #expect(marks.count >= columns / 2)
        // Every 997th logged point lies on a mark (its column's x, within its span).
        let series = chart.panels[0].series[0]
        let mapX = layout.xScale.positioner(from: panel.plot.minX, to: panel.plot.maxX)
        let mapY = panel.yScale.positioner(from: panel.plot.maxY, to: panel.plot.minY)
        for i in stride(from: 0, to: series.xs.count, by: 997) {
            let x = try #require(mapX(series.xs[i]))
            let y = try #require(mapY(series.ys[i]))
            #expect(marks.contains { abs($0.x - x) < 1 && $0.top - 1e-9 <= y && y <= $0.bottom + 1e-9 }, "step \(i)")
        }
    }

    @Test func unsortedPointsAreThinnedLikeSortedOnes() throws {
        let sorted = SampleCharts.loggedDense
        var shuffled = sorted
        var generator = XorShiftGenerator(seed: 3)
        var order = Array(sorted.panels[0].series[0].xs.indices)
        order.shuffle(using: &generator)
        shuffled.panels[0].series[0].xs = order.map { sorted.panels[0].series[0].xs[$0] }
        shuffled.panels[0].series[0].ys = order.map { sorted.panels[0].series[0].ys[$0] }
        let a = try ChartRenderer.layout(sorted).panels[0].series[0].marks
        let b = try ChartRenderer.layout(shuffled).panels[0].series[0].marks
        // Same marks (points sharing an x may come in another order: compare as sets of spans).
        #expect(a.count == b.count)
        #expect(Set(a.map { [$0.top, $0.bottom] }) == Set(b.map { [$0.top, $0.bottom] }))
    }

    // MARK: Pixels

    static let red = RGBColor(hex: "#ff0000")

    /// Nine red points at x = 1…9 on fixed 0…10 × 0…1 axes, alternating y = 0.25 and 0.75.
    static func ninePoints(scale: Double = 1, legend: LegendPlacement = .none, shape: PointShape = .filledCircle,
                           lineWidth: Double? = nil) -> Chart {
        let xs = (1...9).map(Double.init)
        return Chart(
            width: 400, height: 300, scale: scale, xAxis: Axis(domain: 0...10),
            panels: [Panel(yAxis: Axis(domain: 0...1), series: [
                Series(label: "logged", xs: xs, ys: xs.map { Int($0) % 2 == 0 ? 0.75 : 0.25 }, color: red,
                       lineWidth: lineWidth, drawStyle: .points, pointShape: shape),
            ])], legend: legend)
    }

    static func isRed(_ p: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Bool {
        p.r > 200 && p.g < 90 && p.b < 90 && p.a == 255
    }

    static func isBackground(_ p: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Bool {
        p.g > 200 && p.b > 200
    }

    /// Where `ninePoints` puts point `i` (1…9), in CSS px.
    static func centre(_ i: Int, plot: Rect) -> Point {
        Point(x: plot.minX + plot.width * Double(i) / 10,
              y: plot.maxY - plot.height * (i % 2 == 0 ? 0.75 : 0.25))
    }

    static func pixel(_ image: RasterImage, _ p: Point, scale: Double) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        image.pixel(x: Int((p.x * scale).rounded(.down)), y: Int((p.y * scale).rounded(.down)))
    }

    /// Checks an image of `ninePoints`: a disc of radius 2.5 px at each point and nothing
    /// between them.
    static func checkNinePoints(_ image: RasterImage, plot: Rect, scale: Double, _ format: String) {
        for i in 1...9 {
            let c = centre(i, plot: plot)
            #expect(isRed(pixel(image, c, scale: scale)), "\(format): point \(i) at \(c)")
            for (dx, dy) in [(1.5, 0.0), (-1.5, 0.0), (0.0, 1.5), (0.0, -1.5)] {
                #expect(isRed(pixel(image, Point(x: c.x + dx, y: c.y + dy), scale: scale)),
                        "\(format): inside the disc of point \(i)")
            }
            for (dx, dy) in [(4.0, 0.0), (-4.0, 0.0), (0.0, 4.0), (0.0, -4.0)] {
                #expect(isBackground(pixel(image, Point(x: c.x + dx, y: c.y + dy), scale: scale)),
                        "\(format): outside the disc of point \(i)")
            }
            if i < 9 {
                // No line joins the points.
                let next = centre(i + 1, plot: plot)
                let middle = Point(x: (c.x + next.x) / 2, y: (c.y + next.y) / 2)
                #expect(isBackground(pixel(image, middle, scale: scale)), "\(format): between points \(i) and \(i + 1)")
            }
        }
    }

    @Test(arguments: [1.0, 2.0])
    func eachPointIsADiscAtItsPosition(scale: Double) throws {
        let chart = Self.ninePoints(scale: scale)
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        Self.checkNinePoints(image, plot: plot, scale: scale, "PNG")
    }

    @Test func marksScaleWithTheLineWidth() throws {
        let chart = Self.ninePoints(lineWidth: 6)
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        let c = Self.centre(5, plot: plot)
        // Radius 7.5 px.
        #expect(Self.isRed(Self.pixel(image, Point(x: c.x + 6.5, y: c.y), scale: 1)))
        #expect(Self.isBackground(Self.pixel(image, Point(x: c.x + 9, y: c.y), scale: 1)))
    }

    @Test func hollowRingsLeaveTheirMiddleOpen() throws {
        // Line width 8: outer radius 10 px, ring 4 px wide.
        let chart = Self.ninePoints(shape: .hollowCircle, lineWidth: 8)
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        for i in 1...9 {
            let c = Self.centre(i, plot: plot)
            #expect(Self.isBackground(Self.pixel(image, c, scale: 1)), "middle of ring \(i)")
            #expect(Self.isRed(Self.pixel(image, Point(x: c.x + 8, y: c.y), scale: 1)), "ring \(i)")
            #expect(Self.isRed(Self.pixel(image, Point(x: c.x, y: c.y - 8), scale: 1)), "ring \(i)")
            #expect(Self.isBackground(Self.pixel(image, Point(x: c.x + 11.5, y: c.y), scale: 1)), "outside ring \(i)")
        }
    }

    @Test(arguments: [PointShape.filledCircle, .hollowCircle])
    func theLegendSwatchShowsOneMark(shape: PointShape) throws {
        let chart = Self.ninePoints(legend: .upperRight, shape: shape, lineWidth: 4)
        let layout = try ChartRenderer.layout(chart)
        let entry = try #require(layout.panels[0].legend?.entries.first)
        let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        let mid = Point(x: (entry.sampleStart.x + entry.sampleEnd.x) / 2, y: entry.sampleStart.y)
        // Radius 5 px: the mark's edge is red, the ends of the sample (where a line would be)
        // are not.
        #expect(Self.isRed(Self.pixel(image, Point(x: mid.x + 4, y: mid.y), scale: 1)))
        #expect(Self.isRed(Self.pixel(image, Point(x: mid.x, y: mid.y - 4), scale: 1)))
        #expect(Self.isRed(Self.pixel(image, mid, scale: 1)) == (shape == .filledCircle))
        #expect(!Self.isRed(Self.pixel(image, Point(x: entry.sampleStart.x + 1, y: mid.y), scale: 1)))
        #expect(!Self.isRed(Self.pixel(image, Point(x: entry.sampleEnd.x - 1, y: mid.y), scale: 1)))
    }

    @Test func theLegendAvoidsACloudOfPoints() throws {
        // Points fill the upper right quarter: an automatic legend goes elsewhere.
        var xs: [Double] = []
        var ys: [Double] = []
        for i in 0..<400 {
            xs.append(0.55 + 0.45 * Double(i % 20) / 19)
            ys.append(0.55 + 0.45 * Double(i / 20) / 19)
        }
        xs += [0, 1]
        ys += [0, 0]
        let chart = Chart(
            width: 500, height: 400, xAxis: Axis(domain: 0...1),
            panels: [Panel(yAxis: Axis(domain: 0...1), series: [
                Series(label: "cloud", xs: xs, ys: ys, drawStyle: .points),
            ])])
        let panel = try ChartRenderer.layout(chart).panels[0]
        let box = try #require(panel.legend?.box)
        let cloud = Rect(x: panel.plot.midX, y: panel.plot.minY, width: panel.plot.width / 2, height: panel.plot.height / 2)
        #expect(!box.intersects(cloud.expanded(by: -6)), "legend \(box) over the points \(cloud)")
    }

    // MARK: Formats

    @Test func svgWithTextDrawsThePointsAsOnePathOfArcs() throws {
        let chart = Self.ninePoints()
        let svg = String(decoding: try ChartRenderer.render(chart, as: .svg, options: RenderOptions(svgText: .text)), as: UTF8.self)
        let group = try #require(svg.components(separatedBy: "<g class=\"series\" data-panel=\"0\" data-series=\"0\" data-key=\"0\">").dropFirst().first)
        let body = try #require(group.components(separatedBy: "</g>").first)
        #expect(body.components(separatedBy: "<path class=\"points\"").count == 2)
        #expect(body.contains("fill=\"#ff0000\""))
        // Two half-circle arcs per point, no line.
        #expect(body.components(separatedBy: "a2.5 2.5 0 0 1 ").count - 1 == 18)
        #expect(!body.contains("L"))
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        let first = Self.centre(1, plot: plot)
        #expect(body.contains("M\(SVGCanvas.number(first.x - 2.5)) \(SVGCanvas.number(first.y))a2.5"))
    }

    @Test(arguments: [SVGTextMode.paths, .text])
    func svgRasterisesToTheSameDiscs(mode: SVGTextMode) throws {
        let chart = Self.ninePoints()
        let svg = try ChartRenderer.render(chart, as: .svg, options: RenderOptions(svgText: mode))
        guard let image = try SVGRasterParityTests.rasterised(svg, name: "points-\(mode)") else { return }
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        Self.checkNinePoints(image, plot: plot, scale: 1, "SVG (\(mode))")
    }

    @Test func pdfFillsOneClosedCurvePerPoint() throws {
        let chart = Self.ninePoints()
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        let content = try Self.pdfContent(try ChartRenderer.render(chart, as: .pdf))
        // The red fill: nine closed sub-paths of Bézier curves (Cairo's arcs), no straight
        // segment, then one fill.
        let red = try #require(content.components(separatedBy: "1 0 0 rg").dropFirst().first)
        let tokens = red.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix { $0 != "f" }.map(String.init)
        #expect(tokens.filter { $0 == "h" }.count == 9, "\(tokens.prefix(60))")
        #expect(tokens.filter { $0 == "c" }.count >= 18)
        #expect(!tokens.contains("l"))
        // Each sub-path starts on its circle's right edge (user space: pt, y down).
        var starts: [Point] = []
        for (i, t) in tokens.enumerated() where t == "m" && i >= 2 {
            if let x = Double(tokens[i - 2]), let y = Double(tokens[i - 1]) { starts.append(Point(x: x, y: y)) }
        }
        for i in 1...9 {
            let c = Self.centre(i, plot: plot)
            #expect(starts.contains { abs($0.x - (c.x + 2.5) * 0.75) < 0.01 && abs($0.y - c.y * 0.75) < 0.01 }, "point \(i)")
        }
    }

    @Test func htmlDrawsThePointsInTheSeriesGroup() throws {
        let chart = SampleCharts.logged
        let table = HoverTable(pointsOf: chart)
        let html = String(decoding: try HTMLChartRenderer.render(chart, hover: table), as: UTF8.self)
        let group = try #require(html.components(separatedBy: "<g class=\"series\" data-panel=\"0\" data-series=\"1\" data-key=\"1\">").dropFirst().first)
        let body = try #require(group.components(separatedBy: "</g>").first)
        #expect(body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<path class=\"points\""))
        #expect(body.contains("fill=\"#ff7f0e\""))
        #expect(body.components(separatedBy: "z").count - 1 == 101)
        // The hollow rings are strokes.
        #expect(html.contains("<path class=\"points\" d=\"M"))
        #expect(html.contains("fill=\"none\" stroke=\"#2ca02c\""))
    }

    @Test func brailleDrawsEachPointAsADotAndTheLegendAsAMark() throws {
        let chart = Self.ninePoints(legend: .upperRight)
        let text = try TerminalRenderer.render(chart, options: TerminalOptions(columns: 80, rows: 24, capabilities: .plain))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(" ●   logged") }, "\(text)")
        // Nine points are nine dots (one or two per cell) on two rows: no line between them.
        let dots = lines.reduce(0) { total, line in
            total + line.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.reduce(0) { $0 + ($1.value - 0x2800).nonzeroBitCount }
        }
        #expect(dots == 9, "\(text)")
        let rows = lines.indices.filter { lines[$0].unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
        #expect(rows.count == 2)
    }

    // MARK: Helpers

    /// The decompressed content streams of a Cairo PDF, concatenated.
    static func pdfContent(_ pdf: [UInt8]) throws -> String {
        var out = ""
        let data = pdf
        var i = 0
        let start = Array("stream\n".utf8)
        let end = Array("endstream".utf8)
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard from + needle.count <= data.count else { return nil }
            for k in from...(data.count - needle.count) where data[k] == needle[0] && Array(data[k..<k + needle.count]) == needle {
                return k
            }
            return nil
        }
        while let s = find(start, from: i), let e = find(end, from: s + start.count) {
            let body = Array(data[(s + start.count)..<e])
            if let text = inflate(body) { out += text + "\n" }
            i = e + end.count
        }
        return out
    }

    static func inflate(_ bytes: [UInt8]) -> String? {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = bytes
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var status = Z_OK
        input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress
            stream.avail_in = UInt32(inp.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = CLRPlotCairo.inflate(&stream, Z_NO_FLUSH)
                    output += out[0..<(out.count - Int(stream.avail_out))]
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}
