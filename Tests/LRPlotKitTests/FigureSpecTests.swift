import Foundation
import LRPlotKit
import Plot
import PlotTestSupport
import Testing

/// The figure keys of a spec: sizes in physical units, dpi, font size, line width, SVG text,
/// annotations, the secondary axis, and what the chart builder makes of them.
@Suite struct FigureSpecTests {
    let decoder = SpecDecoder()
    let schedules = #""schedules": [{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 100}]"#

    func decode(_ keys: String, steps: Int = 100) throws(LRPlotError) -> Spec {
        try decoder.decode("{\"steps\": \(steps), \(schedules)\(keys)}", file: "s.json")
    }

    func message(_ keys: String) -> String? {
        do {
            _ = try decode(keys)
            return nil
        } catch {
            return "\(error.location.path ?? ""): \(error.message)"
        }
    }

    @Test func physicalSizesAndDPI() throws {
        let paper = try decode(#", "width": "3.5in", "font_size": 8, "line_width": 1"#)
        #expect(paper.width == 336 && paper.height == 252 && paper.scale == 3.125)
        #expect(paper.fontSize == 8 && paper.lineWidth == 1)
        let cm = try decode(#", "width": "8.9cm", "height": "6cm", "dpi": 600"#)
        #expect(abs(cm.width - 336.37795275590554) < 1e-9 && abs(cm.height! - 226.77165354330708) < 1e-9 && cm.scale == 6.25)
        let px = try decode(#", "width": 800, "dpi": 192"#)
        #expect(px.width == 800 && px.height == nil && px.scale == 2)
        let defaults = try decode("")
        #expect(defaults.width == 960 && defaults.scale == 1 && defaults.fontSize == 9 && defaults.lineWidth == 1.5)
        #expect(defaults.svgText == .paths && defaults.annotations.isEmpty && !defaults.x.secondary)
        // The chart gets exactly these sizes.
        let chart = try ChartBuilder(spec: paper).build().chart
        #expect(chart.width == 336 && chart.height == 252 && chart.scale == 3.125 && chart.fontSize == 8 && chart.lineWidth == 1)
        #expect(try RasterImage.decodePNGSize(try ChartBuilder(spec: paper).build().render(.png)) == (1050, 788))
    }

    @Test(arguments: [
        (#", "width": "3.5""#, "width: \"3.5\" has no unit; write 3.5in, 3.5cm, 3.5mm, 3.5pt or 3.5px"),
        (#", "width": "3.5ft""#, "width: unknown unit \"ft\" in \"3.5ft\"; use in, cm, mm, pt or px"),
        (#", "width": "0.5in""#, "width: \"0.5in\" is 48 px (96 to the inch); a chart side must be at least 64 px (0.67in)"),
        (#", "height": "-2cm""#, "height: a length must be positive, found \"-2cm\""),
        (#", "width": "1e308in""#, "width: \"1e308in\" is more than 16,000 px (166.67in), the largest chart side"),
        (#", "width": "1e999in""#, "width: a length must be positive, found \"1e999in\""),
        (#", "width": true"#, "width: expected a whole number (chart width in CSS pixels), found true"),
        (#", "scale": 2, "dpi": 300"#, "dpi: give \"scale\" (device pixels per CSS pixel) or \"dpi\" (pixels per inch), not both"),
        (#", "width": "100in""#, "width: 9,600 × 7,200 px at scale 3.125 is 675,000,000 device pixels; a PNG has at most 50,000,000 (about 7071 × 7071): lower the size, \"scale\" or \"dpi\""),
        (#", "width": 16000, "height": 16000"#, "width: 16,000 × 16,000 px at scale 1.0 is 256,000,000 device pixels; a PNG has at most 50,000,000 (about 7071 × 7071): lower the size, \"scale\" or \"dpi\""),
        (#", "font_size": 2"#, "font_size: must be from 4.0 to 72.0 (base font size in pt), found 2.0"),
        (#", "line_width": 0"#, "line_width: must be from 0.1 to 20.0 (line width in pt), found 0.0"),
        (#", "svg_text": "glyphs""#, "svg_text: unknown value \"glyphs\"; expected one of \"paths\", \"text\""),
        (#", "annotations": {"step": 5}"#, "annotations: expected a list of rules like [{\"step\": 6000, \"label\": \"resumed here\"}], found an object"),
        (#", "annotations": [{"label": "x"}]"#, "annotations[0]: missing \"step\" (or \"epoch\"): where the rule goes"),
        (#", "annotations": [{"step": 500, "label": "x"}]"#, "annotations[0].step: must be from 0.0 to 100.0 (a step of the chart), found 500.0"),
        (#", "annotations": [{"epoch": 2}]"#, "annotations[0].epoch: an annotation at an epoch needs a top-level \"steps_per_epoch\"; or give \"step\""),
        (#", "annotations": [{"step": 5, "epoch": 2}]"#, "annotations[0]: give \"step\" or \"epoch\", not both"),
        (#", "annotations": [{"step": 5, "lable": "x"}]"#, "annotations[0].lable: unknown key \"lable\"; did you mean \"label\"?"),
        (#", "x": {"secondary": true}"#, "x.secondary: a second axis shows epochs over steps (or steps over epochs) and needs a top-level \"steps_per_epoch\""),
        (#", "legend": "bellow""#, "legend: unknown value \"bellow\"; expected one of \"auto\", \"none\", \"outside\", \"upper right\", \"upper left\", \"lower left\", \"lower right\", \"below\"; did you mean \"below\"?"),
    ])
    func badFigureKeysSayWhatToFix(_ keys: String, _ expected: String) {
        #expect(message(keys) == expected)
    }

    @Test func annotationsAndTheSecondaryAxisReachTheChart() throws {
        let spec = try decode(##", "steps_per_epoch": 10, "annotations": [{"step": 42, "label": "resumed here", "color": "#ff0000"}, {"epoch": 7.5}], "svg_text": "text""##)
        #expect(spec.x.secondary && spec.svgText == .text)
        #expect(spec.annotations.map(\.step) == [42, 75])
        let built = try ChartBuilder(spec: spec).build()
        let markers = built.chart.panels[0].markers
        #expect(markers.map(\.x) == [42, 75] && markers.allSatisfy { $0.kind == .annotation })
        #expect(markers[0].label == "resumed here" && markers[0].color == RGBColor(hex: "#ff0000") && markers[1].label == nil)
        #expect(built.chart.secondaryXAxis == SecondaryAxis(label: "epoch", divisor: 10, integerTicks: true))
        #expect(built.options.svgText == .text)
        let svg = String(decoding: try built.render(.svg), as: UTF8.self)
        #expect(svg.contains(">resumed here</text>") && svg.contains(">epoch</text>"))
        // In epochs, the second axis counts steps; and it can be turned off.
        let epochs = try ChartBuilder(spec: decode(#", "steps_per_epoch": 10, "x": {"unit": "epoch"}"#)).build().chart
        #expect(epochs.secondaryXAxis?.label == "step" && epochs.secondaryXAxis?.divisor == 0.1)
        let off = try ChartBuilder(spec: decode(#", "steps_per_epoch": 10, "x": {"secondary": false}"#)).build().chart
        #expect(off.secondaryXAxis == nil)
    }

    @Test func learningRatesSwitchToLogWhenPeaksDifferBy30() throws {
        func scale(_ lrs: [Double], _ extra: String = "") throws -> AxisScale {
            let list = lrs.enumerated().map { #"{"type": "constant", "label": "c\#($0)", "lr": \#($1)}"# }.joined(separator: ", ")
            let spec = try decoder.decode(#"{"steps": 10, "schedules": [\#(list)]\#(extra)}"#, file: "s.json")
            return try ChartBuilder(spec: spec).build().chart.panels[0].yAxis.scale
        }
        #expect(try scale([0.1, 0.003]) == .log)
        #expect(try scale([0.1, 0.004]) == .linear)
        #expect(try scale([0.1, 0.001], #", "y": {"scale": "linear"}"#) == .linear)
        #expect(try scale([0.1, 0.1], #", "y": {"scale": "log"}"#) == .log)
        #expect(try scale([0.1, 0.001], #", "panels": [{"show": "lr", "scale": "linear"}]"#) == .linear)
    }

    /// The hover table holds the texts `lrplot values` prints, at every step; for long runs
    /// at each column's first and last step, the same steps for every schedule.
    @Test func hoverValuesAreTheValuesTexts() throws {
        let spec = try decode("", steps: 100)
        let built = try ChartBuilder(spec: spec).build()
        #expect(built.hover.xs == (0..<100).map(Double.init))
        let values = built.chart.panels[0].series[0].ys
        #expect(built.hover.columns.count == 1 && built.hover.columns[0].values.prefix(100).map { $0 ?? "" } == values.prefix(100).map { String($0) })
        let long = try decoder.decode(#"{"steps": 10000000, "width": 300, "schedules": [{"type": "cosine", "lr": 0.1, "total_steps": 10000000}, {"type": "torch.StepLR", "lr": 0.1, "step_size": 3000000}]}"#, file: "s.json")
        let longBuilt = try ChartBuilder(spec: long).build()
        let xs = longBuilt.hover.xs
        #expect(xs.count == 2 * 1200 && xs.first == 0 && xs.last == 9_999_999)
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 })
        // Exact at those steps: cos at step s is 0.05 · (1 + cos(π s / 10⁷)) in Python's floats.
        let k = 600
        let step = Int(xs[k])
        #expect(longBuilt.hover.columns[1].values[k] == String(0.1 * pow(0.1, Double(step / 3_000_000))))
        #expect(longBuilt.hover.columns.allSatisfy { $0.values.count == xs.count && !$0.values.contains(nil) })
    }
}

extension RasterImage {
    /// The width and height of PNG bytes.
    static func decodePNGSize(_ bytes: [UInt8]) throws -> (Int, Int) {
        let image = try decodePNG(bytes)
        return (image.width, image.height)
    }
}

