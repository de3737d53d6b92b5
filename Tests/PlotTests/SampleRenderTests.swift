import Foundation
import PlotTestSupport
import Testing
@testable import Plot

@Suite("Sample charts")
struct SampleRenderTests {
    /// Renders every sample as PNG (and SVG) and checks the size; with `PLOT_SAMPLES_DIR` set,
    /// also writes them there for viewing.
    @Test func renderSamples() throws {
        let dir = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"]
        for (name, chart) in SampleCharts.all + SampleCharts.extras {
            for scale in [1.0, 2.0] where scale == 1 || dir != nil {
                var c = chart
                c.scale = scale
                let png = try ChartRenderer.render(c, as: .png)
                let image = try RasterImage.decodePNG(png)
                #expect(image.width == Int(Double(c.width) * scale))
                #expect(image.height == Int(Double(c.height) * scale))
                if let dir {
                    let suffix = scale == 1 ? "" : "@2x"
                    try Data(png).write(to: URL(fileURLWithPath: "\(dir)/\(name)\(suffix).png"))
                    if scale == 1 {
                        try Data(try ChartRenderer.render(c, as: .svg)).write(to: URL(fileURLWithPath: "\(dir)/\(name).svg"))
                        try Data(try ChartRenderer.render(c, as: .pdf)).write(to: URL(fileURLWithPath: "\(dir)/\(name).pdf"))
                    }
                }
            }
        }
    }
}

extension SampleRenderTests {
    /// With `PLOT_SAMPLES_DIR` set, also writes every sample as SVG with real text.
    @Test func renderSVGTextSamples() throws {
        for (name, chart) in SampleCharts.all + SampleCharts.extras {
            let svg = try ChartRenderer.render(chart, as: .svg, options: RenderOptions(svgText: .text))
            #expect(String(decoding: svg, as: UTF8.self).contains("<text"))
            if let dir = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"] {
                try Data(svg).write(to: URL(fileURLWithPath: "\(dir)/\(name).text.svg"))
            }
        }
    }
}

extension SampleRenderTests {
    /// With `PLOT_SAMPLES_DIR` set, writes every sample as a 100 × 30 braille preview, in
    /// 256 colours (`NAME.term`) and plain (`NAME.txt`).
    @Test func renderTerminalSamples() throws {
        for (name, chart) in SampleCharts.all + SampleCharts.extras {
            let colour = try TerminalRenderer.render(chart, options: TerminalOptions(columns: 100, rows: 30, capabilities: TerminalCapabilities(graphics: .none, colors: .ansi256)))
            let plain = try TerminalRenderer.render(chart, options: TerminalOptions(columns: 100, rows: 30, capabilities: .plain))
            #expect(!plain.contains("\u{1B}"))
            #expect(plain.split(separator: "\n").count <= 30)
            if let dir = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"] {
                try Data(colour.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name).term"))
                try Data(plain.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name).txt"))
            }
        }
    }
}
