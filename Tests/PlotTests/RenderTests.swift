import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlotTestSupport
import Testing
@testable import Plot

@Suite("Rendering")
struct RenderTests {
    /// A horizontal line at y = 0.5 on fixed 0...1 axes.
    static func horizontalLine(scale: Double = 1, theme: Theme = .light) -> Chart {
        Chart(
            width: 400, height: 300, scale: scale, theme: theme, xAxis: Axis(domain: 0...1),
            panels: [Panel(yAxis: Axis(domain: 0...1), series: [
                Series(label: "half", xs: [0, 1], ys: [0.5, 0.5], color: RGBColor(hex: "#ff0000")),
            ])], legend: .none)
    }

    static func isRed(_ p: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Bool {
        p.r > 200 && p.g < 60 && p.b < 60 && p.a == 255
    }

    @Test(arguments: [1.0, 2.0])
    func seriesPixelsLieWhereTheDataSays(scale: Double) throws {
        let chart = Self.horizontalLine(scale: scale)
        let png = try ChartRenderer.render(chart, as: .png)
        let image = try RasterImage.decodePNG(png)
        #expect(image.width == Int(400 * scale))
        #expect(image.height == Int(300 * scale))
        let plot = try ChartRenderer.layout(chart).panels[0].plot
        let row = Int(((plot.minY + plot.height / 2) * scale).rounded(.down))
        let columns = stride(from: Int((plot.minX + 5) * scale), to: Int((plot.maxX - 5) * scale), by: 7)
        for x in columns {
            #expect(Self.isRed(image.pixel(x: x, y: row)), "pixel (\(x), \(row))")
            // Nothing red a few pixels above or below the 2 px line.
            #expect(!Self.isRed(image.pixel(x: x, y: row - Int(4 * scale))))
            #expect(!Self.isRed(image.pixel(x: x, y: row + Int(4 * scale))))
        }
        // The background is white.
        let corner = image.pixel(x: 1, y: 1)
        #expect(corner.r == 255 && corner.g == 255 && corner.b == 255 && corner.a == 255)
    }

    @Test func axisLinesAreCrisp() throws {
        for scale in [1.0, 2.0] {
            let chart = Self.horizontalLine(scale: scale)
            let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
            let plot = try ChartRenderer.layout(chart).panels[0].plot
            // Along the left frame line every pixel row is either fully frame-coloured or background:
            // find the frame column and check that its neighbours are untouched.
            let y = Int((plot.minY + plot.height * 0.3) * scale)
            let xs = (Int((plot.minX - 3) * scale)...Int((plot.minX + 3) * scale))
            let dark = xs.filter { image.pixel(x: $0, y: y).r < 128 }
            #expect(dark.count == Int(scale), "frame is \(dark.count) px wide at scale \(scale)")
            let partial = xs.filter { let r = image.pixel(x: $0, y: y).r; return r > 70 && r < 230 }
            #expect(partial.isEmpty, "antialiased frame pixels at scale \(scale)")
        }
    }

    @Test func pngIsDeterministic() throws {
        let a = try ChartRenderer.render(SampleCharts.fourSchedules, as: .png)
        let b = try ChartRenderer.render(SampleCharts.fourSchedules, as: .png)
        #expect(a == b)
        #expect(Array(a.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// The SVG with Cairo's process-wide surface numbers (`surface123`) replaced by
    /// `surfaceN` (one pass over the bytes; a regular expression is slow on large files).
    static func normalisedSVG(_ bytes: [UInt8]) -> String {
        let key = Array("surface".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == key[0], i + key.count < bytes.count, Array(bytes[i..<(i + key.count)]) == key,
               (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + key.count]) {
                out += key
                out.append(UInt8(ascii: "N"))
                i += key.count
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func svgIsDeterministicOnceSurfaceIdsAreNormalised() throws {
        let a = try ChartRenderer.render(SampleCharts.fourSchedules, as: .svg)
        let b = try ChartRenderer.render(SampleCharts.fourSchedules, as: .svg)
        #expect(Self.normalisedSVG(a) == Self.normalisedSVG(b))
    }

    @Test func svgIsWellFormedAndSizedInPixels() throws {
        let bytes = try ChartRenderer.render(SampleCharts.fourSchedules, as: .svg)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"width="960px""#))
        #expect(text.contains(#"height="540px""#))
        #expect(!text.contains("pt\""))
        // Text is drawn as glyph outlines, not <text> elements.
        #expect(!text.contains("<text"))
        #expect(text.contains("<symbol"))
        let parser = XMLParser(data: Data(bytes))
        let delegate = XMLCollector()
        parser.delegate = delegate
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
        #expect(delegate.root == "svg")
        #expect(delegate.elements > 100)
    }

    @Test func pdfIsProduced() throws {
        let bytes = try ChartRenderer.render(SampleCharts.twoPanels, as: .pdf)
        #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/MediaBox [ 0 0 720 405 ]"))
    }

    @Test func logAxisWithZerosBreaksTheLine() throws {
        let chart = Chart(
            xAxis: Axis(domain: 0...4),
            panels: [Panel(yAxis: Axis(scale: .log), series: [
                Series(label: "s", xs: [0, 1, 2, 3, 4], ys: [0, 1e-3, -1, 1e-2, 1e-1]),
            ])])
        let layout = try ChartRenderer.layout(chart)
        let runs = layout.panels[0].series[0].runs
        #expect(runs.map(\.count) == [1, 2])
        let domain = layout.panels[0].yScale.domain
        #expect(domain.lowerBound > 0 && domain.lowerBound < 1e-3)
        let png = try ChartRenderer.render(chart, as: .png)
        #expect(try RasterImage.decodePNG(png).width == 960)
        // Everything non-positive: still renders.
        let empty = Chart(panels: [Panel(yAxis: Axis(scale: .log), series: [
            Series(label: "zero", xs: [0, 1], ys: [0, 0]),
        ])])
        #expect(try ChartRenderer.render(empty, as: .png).count > 100)
    }

    @Test func darkThemeAndTransparentBackground() throws {
        let dark = try RasterImage.decodePNG(
            try ChartRenderer.render(Self.horizontalLine(theme: .dark), as: .png))
        let corner = dark.pixel(x: 1, y: 1)
        #expect(corner.r < 40 && corner.g < 40 && corner.b < 40 && corner.a == 255)
        var clear = Self.horizontalLine()
        clear.transparentBackground = true
        let image = try RasterImage.decodePNG(try ChartRenderer.render(clear, as: .png))
        #expect(image.pixel(x: 1, y: 1).a == 0)
        let plot = try ChartRenderer.layout(clear).panels[0].plot
        #expect(Self.isRed(image.pixel(x: Int(plot.minX + 50), y: Int(plot.minY + plot.height / 2))))
    }

    @Test func invalidChartsThrowClearErrors() {
        let xs = [0.0, 1]
        #expect(throws: PlotError("series 'a' has 2 x values but 1 y values")) {
            try ChartRenderer.render(
                Chart(panels: [Panel(series: [Series(label: "a", xs: xs, ys: [1])])]), as: .png)
        }
        #expect(throws: PlotError("panel 1 has no series")) {
            try ChartRenderer.render(Chart(panels: [Panel(series: [])]), as: .png)
        }
        #expect(throws: PlotError.self) {
            try ChartRenderer.render(
                Chart(width: 20000, scale: 2, panels: [Panel(series: [Series(label: "a", xs: xs, ys: xs)])]),
                as: .png)
        }
        #expect(throws: PlotError.self) {
            try ChartRenderer.render(
                Chart(panels: [Panel(yAxis: Axis(scale: .log, domain: 0...1), series: [Series(label: "a", xs: xs, ys: xs)])]),
                as: .svg)
        }
    }

    @Test func modelParsing() {
        #expect(RGBColor(hex: "#0072B2") == RGBColor(r: 0, g: 114.0 / 255, b: 178.0 / 255))
        #expect(RGBColor(hex: "#fff") == RGBColor(r: 1, g: 1, b: 1))
        #expect(RGBColor(hex: "#12345") == nil)
        #expect(RGBColor(hex: "zzzzzz") == nil)
        #expect(RGBColor(hex: "#0072b2")?.hex == "#0072b2")
        #expect(ImageFormat(pathExtension: ".SVG") == .svg)
        #expect(ImageFormat(pathExtension: "jpg") == nil)
    }
}

/// Counts elements and remembers the root of a parsed XML document.
final class XMLCollector: NSObject, XMLParserDelegate {
    var root: String?
    var elements = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if root == nil { root = elementName }
        elements += 1
    }
}

@Suite("Degenerate data")
struct DegenerateDataTests {
    @Test func emptyConstantAndSinglePointSeriesRender() throws {
        let cases: [[Series]] = [
            [Series(label: "nan", xs: [0, 1, 2], ys: [.nan, .nan, .infinity])],
            [Series(label: "empty", xs: [], ys: [])],
            [Series(label: "constant", xs: [0, 1, 2], ys: [0.1, 0.1, 0.1])],
            [Series(label: "one", xs: [5], ys: [0.3])],
            [Series(label: "nan x", xs: [.nan, 1, 2], ys: [1, 2, 3])],
        ]
        for series in cases {
            for scale in [AxisScale.linear, .log] {
                let chart = Chart(
                    xAxis: Axis(integerTicks: true),
                    panels: [Panel(yAxis: Axis(scale: scale), series: series)])
                let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
                #expect(image.width == 960, "\(series[0].label) \(scale)")
                let layout = try ChartRenderer.layout(chart)
                #expect(layout.panels[0].yTickLabels.count >= 2, "\(series[0].label) \(scale)")
            }
        }
    }
}
