import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlotTestSupport
import Testing
@testable import Plot

/// SVG with real `<text>`: searchable, well-formed, escaped, and drawing what the PNG draws.
@Suite struct SVGTextTests {
    static let options = RenderOptions(svgText: .text)

    @Test func textIsRealAndSearchable() throws {
        var chart = SampleCharts.fourSchedules
        chart.title = "Schedules <compared> & \"quoted\""
        let svg = String(decoding: try ChartRenderer.render(chart, as: .svg, options: Self.options), as: UTF8.self)
        #expect(svg.contains(">Schedules &lt;compared&gt; &amp; &quot;quoted&quot;</text>"))
        #expect(svg.contains(">StepLR(step_size=30, gamma=0.1)</text>"))
        #expect(svg.contains("font-family=\"'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif\""))
        #expect(!svg.contains("<symbol") && !svg.contains("<use"))
        // y tick labels anchor at their right end, x tick labels at their middle.
        #expect(svg.contains("text-anchor=\"end\">0.10</text>"))
        #expect(svg.contains("text-anchor=\"middle\">100</text>"))
        // Powers of ten keep their superscript as a tspan.
        let log = String(decoding: try ChartRenderer.render(SampleCharts.logWarmup, as: .svg, options: Self.options), as: UTF8.self)
        #expect(log.contains("10<tspan dy=\"-5.04\" font-size=\"8.4\">−2</tspan></text>"))
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        // Series are named groups (the interactive HTML toggles them).
        #expect(svg.components(separatedBy: "<g class=\"series\"").count - 1 == 4)
        #expect(svg.contains("<g class=\"legend-entry\" data-key=\"3\">"))
        // Text mode is smaller than glyph outlines.
        let paths = try ChartRenderer.render(chart, as: .svg)
        #expect(svg.utf8.count < paths.count / 3)
    }

    @Test func controlCharactersDoNotBreakTheXML() throws {
        var chart = SampleCharts.fourSchedules
        chart.title = "bell \u{7} and nul \u{0} and \u{FFFF}"
        let svg = try ChartRenderer.render(chart, as: .svg, options: Self.options)
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
    }

    /// librsvg draws the text SVG like the PNG (same layout, same font): a few percent of
    /// pixels differ only where glyph antialiasing differs.
    @Test(arguments: ["four", "logwarmup", "twopanel", "dark", "epochs", "bands", "annotated", "logged", "loggeddense"])
    func rasterisesLikeThePNG(_ name: String) throws {
        let chart = try #require((SampleCharts.all + SampleCharts.extras).first { $0.0 == name }?.1)
        let svg = try ChartRenderer.render(chart, as: .svg, options: Self.options)
        guard let fromSVG = try SVGRasterParityTests.rasterised(svg, name: name) else { return }
        var oneX = chart
        oneX.scale = 1
        let direct = try RasterImage.decodePNG(try ChartRenderer.render(oneX, as: .png))
        #expect(fromSVG.width == direct.width && fromSVG.height == direct.height)
        let differing = try #require(RasterImage.differingFraction(fromSVG, direct, tolerance: 64))
        #expect(differing < 0.01, "\(name): \(differing * 100)% of pixels differ")
    }
}
