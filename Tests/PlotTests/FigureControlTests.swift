import Foundation
import PlotTestSupport
import Testing
@testable import Plot

/// Counts what a measurer is asked to measure, to check that fitting is linear.
final class CountingMeasurer: TextMeasurer, @unchecked Sendable {
    let base = ApproximateTextMeasurer()
    var calls = 0
    var characters = 0
    func measure(_ text: String, style: TextStyle) -> TextMetrics {
        calls += 1
        characters += text.count
        return base.measure(text, style: style)
    }
}

@Suite struct LengthTests {
    @Test func parsesUnits() throws {
        #expect(try Length(parsing: "3.5in").cssPixels == 336)
        #expect(try Length(parsing: "3.5 in") == Length(3.5, .inch))
        #expect(try Length(parsing: "3.5inches").unit == .inch)
        #expect(try Length(parsing: "252pt").cssPixels == 336)
        #expect(try Length(parsing: "336px").inches == 3.5)
        #expect(abs(try Length(parsing: "8.9cm").inches - 3.503937007874016) < 1e-15)
        #expect(abs(try Length(parsing: "89mm").cssPixels - 336.3779527559055) < 1e-12)
        #expect(try Length(parsing: "1e1cm").value == 10)
        #expect(Length(3.5, .inch).description == "3.5in")
        #expect(Length(9, .cm).description == "9cm")
        #expect(Length(3.5, .inch).points == 252)
    }

    @Test func rejectsWithReasons() {
        #expect(throws: LengthError.missingUnit("3.5")) { try Length(parsing: "3.5") }
        #expect(throws: LengthError.unknownUnit("3.5ft", unit: "ft")) { try Length(parsing: "3.5ft") }
        #expect(throws: LengthError.notPositive("-1in")) { try Length(parsing: "-1in") }
        #expect(throws: LengthError.notPositive("0cm")) { try Length(parsing: "0cm") }
        #expect(throws: LengthError.empty) { try Length(parsing: "  ") }
        #expect(throws: LengthError.notANumber("in")) { try Length(parsing: "in") }
        #expect(throws: LengthError.notPositive("1e999in")) { try Length(parsing: "1e999in") }
        #expect(LengthError.missingUnit("3.5").description.contains("3.5in"))
    }
}

@Suite struct FigureSizeTests {
    @Test func paperColumnIsThreeAndAHalfInchesAt300DPI() throws {
        let chart = Chart.paperColumn(panels: [Panel(series: [Series(label: "a", xs: [0, 1], ys: [0, 1])])])
        #expect(chart.width == 336 && chart.height == 252 && chart.scale == 3.125)
        #expect(chart.fontSize == 8 && chart.lineWidth == 1)
        let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        #expect(image.width == 1050 && image.height == 788)
        let pdf = String(decoding: try ChartRenderer.render(chart, as: .pdf), as: UTF8.self)
        #expect(pdf.contains("/MediaBox [ 0 0 252 189 ]"))
        var cm = chart
        cm.setSize(FigureSize(width: Length(8.9, .cm), height: Length(6, .cm), dpi: 600))
        #expect(abs(cm.width - 336.3779527559055) < 1e-9 && cm.scale == 6.25)
        #expect(cm.deviceSize.width == 2102)
    }

    @Test func textAndStrokesScaleTogether() throws {
        let series = [Series(label: "a", xs: [0, 1], ys: [0, 1])]
        let standard = ChartLayout.make(Chart(title: "t", xAxis: Axis(label: "x"), panels: [Panel(yAxis: Axis(label: "y"), series: series)]),
                                        measurer: ApproximateTextMeasurer())
        #expect(standard.metrics == .standard)
        #expect(standard.title[0].style.size == 16 && standard.xLabel[0].style.size == 13)
        #expect(standard.xTickLabels[0].style.size == 12 && standard.panels[0].series[0].lineWidth == 2)
        let big = ChartLayout.make(
            Chart(title: "t", fontSize: 18, lineWidth: 3, xAxis: Axis(label: "x"), panels: [Panel(yAxis: Axis(label: "y"), series: series)]),
            measurer: ApproximateTextMeasurer())
        #expect(big.title[0].style.size == 32 && big.xLabel[0].style.size == 26)
        #expect(big.xTickLabels[0].style.size == 24 && big.panels[0].yTickLabels[0].style.size == 24)
        #expect(big.panels[0].series[0].lineWidth == 4)
        #expect(big.metrics.frameWidth == 2 && big.metrics.tickLength == 10 && big.metrics.padding == 24)
        #expect(big.panels[0].legend!.entries[0].text.style.size == 24)
        // Bigger text leaves a smaller plot.
        #expect(big.panels[0].plot.width < standard.panels[0].plot.width)
        #expect(big.panels[0].plot.height < standard.panels[0].plot.height)
        // Invalid sizes are refused.
        #expect(throws: PlotError.self) { try Chart(fontSize: 0, panels: [Panel(series: series)]).validate() }
        #expect(throws: PlotError.self) { try Chart(lineWidth: .nan, panels: [Panel(series: series)]).validate() }
    }
}

@Suite struct TextFittingTests {
    static let title = "Transformer-style warm-up and decay with 10% warm-up (transformers get_scheduler)"

    @Test func aTitleThatDoesNotFitWrapsInsteadOfBeingCut() throws {
        var chart = SampleCharts.annotated
        chart.title = Self.title
        chart.xAxis.label = "optimizer step (global, counted after gradient accumulation over 8 micro-batches)"
        chart.panels[0].yAxis.label = "learning rate of the first parameter group, after warm-up"
        chart.width = 480
        chart.height = 320
        let layout = try ChartRenderer.layout(chart)
        #expect(layout.title.count == 2)
        #expect(layout.title.map(\.text).joined(separator: " ") == Self.title)
        #expect(layout.xLabel.map(\.text).joined(separator: " ") == chart.xAxis.label)
        #expect(layout.panels[0].yLabel.map(\.text).joined(separator: " ") == chart.panels[0].yAxis.label)
        #expect(!layout.allTexts.contains { $0.text.contains("…") && $0.role != .marker })
        #expect(!layout.notices.contains { if case .textShortened(.title, _, _) = $0 { true } else { false } })
        let bounds = Rect(x: 0, y: 0, width: 480, height: 320)
        for text in layout.allTexts { #expect(bounds.contains(text.bounds), "\(text.text) at \(text.bounds)") }
        // Title lines do not overlap each other or the plot.
        #expect(layout.title[0].bounds.maxY <= layout.title[1].bounds.minY)
        #expect(layout.title[1].bounds.maxY < layout.panels[0].plot.minY)
        // The y title's lines sit side by side left of the tick labels.
        let y = layout.panels[0].yLabel
        #expect(y.count == 2 && y[0].bounds.maxX <= y[1].bounds.minX)
        #expect(y[1].bounds.maxX < layout.panels[0].yTickLabels.map(\.bounds.minX).min()!)
    }

    @Test func explicitLineBreaksAreKept() {
        let chart = Chart(title: "Schedules\ncompared at 10⁴ steps", panels: [Panel(series: [Series(label: "a", xs: [0, 1], ys: [0, 1])])])
        let layout = ChartLayout.make(chart, measurer: ApproximateTextMeasurer())
        #expect(layout.title.map(\.text) == ["Schedules", "compared at 10⁴ steps"])
    }

    @Test func shrinksBeforeShortening() {
        var fitting = TextFitting(measurer: ApproximateTextMeasurer())
        // 40 characters of 0.6 em at 10 px = 240 px: two lines of 120 px need 20 per line.
        let text = "abcdefghij abcdefghij abcdefghij abcdefgh"
        let fitted = fitting.fit(text, style: TextStyle(size: 10), maxWidth: 100, maxLines: 2, minimumScale: 0.5)
        #expect(!fitted.shortened && fitted.lines.count == 2 && fitted.style.size < 10)
        #expect(fitted.lines.joined(separator: " ") == text)
        let hopeless = fitting.fit(String(repeating: "word ", count: 200), style: TextStyle(size: 10), maxWidth: 100, maxLines: 2, minimumScale: 0.5)
        #expect(hopeless.shortened && hopeless.lines.count == 2 && hopeless.lines[1].hasSuffix("…"))
        #expect(hopeless.lines.allSatisfy { ApproximateTextMeasurer().measure($0, style: hopeless.style).width <= 100 })
        // A single word longer than a line is broken between characters rather than cut.
        let url = fitting.fit("https://example.com/a/very/long/path", style: TextStyle(size: 10), maxWidth: 100, maxLines: 3, minimumScale: 0.8)
        #expect(!url.shortened && url.lines.joined() == "https://example.com/a/very/long/path")
    }

    /// Fitting measures about as many characters as the text has (plus what fits on the
    /// lines), whatever its length: 10,000- and 30,000-character titles, labels and legend
    /// entries used to take seconds to minutes (every prefix measured).
    @Test(arguments: [1_000, 10_000, 30_000])
    func fittingIsLinearInTheTextLength(_ n: Int) {
        let measurer = CountingMeasurer()
        let long = String(repeating: "x", count: n)
        let spaced = String(repeating: "word ", count: n / 5)
        let chart = Chart(
            title: long, xAxis: Axis(label: spaced),
            panels: [Panel(yAxis: Axis(label: long), series: [Series(label: spaced, xs: [0, 1], ys: [0, 1])],
                           markers: [Marker(x: 0.5, label: long)])])
        let layout = ChartLayout.make(chart, measurer: measurer)
        #expect(layout.title.last?.text.hasSuffix("…") == true)
        #expect(layout.notices.count >= 3)
        // Each long text is measured whole a few times; everything else is bounded by the
        // chart's size, not by n.
        #expect(measurer.characters < 40 * n + 200_000, "\(measurer.characters) characters measured for n = \(n)")
        #expect(measurer.calls < 20_000, "\(measurer.calls) calls for n = \(n)")
    }
}

@Suite struct MarkerLayoutTests {
    static func overlaps(_ texts: [PlacedText]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].bounds.intersects(texts[j].bounds) {
                pairs.append((texts[i].text, texts[j].text))
            }
        }
        return pairs
    }

    @Test func labelsDoNotCollideAndAnnotationsComeFirst() throws {
        let layout = try ChartRenderer.layout(SampleCharts.annotated)
        let panel = layout.panels[0]
        let labels = panel.markerLabels
        #expect(labels.count == 5)
        #expect(Self.overlaps(labels).isEmpty)
        for label in labels { #expect(panel.plot.contains(label.bounds)) }
        let resumed = try #require(panel.markers.first { $0.label?.text == "resumed here" })
        #expect(resumed.kind == .annotation && resumed.color == Theme.light.text && resumed.label?.color == Theme.light.text)
        // Neither annotation label crosses the other's rule.
        let halved = try #require(panel.markers.first { $0.label?.text == "lr halved by hand" })
        for (marker, other) in [(resumed, halved), (halved, resumed)] {
            let box = marker.label!.bounds
            #expect(!(box.minX...box.maxX).contains(other.x), "\(marker.label!.text) crosses \(other.x)")
        }
        #expect(layout.notices.isEmpty)
        // The legend keeps clear of the labels.
        let legend = try #require(panel.legend)
        for label in labels { #expect(!legend.box.intersects(label.bounds)) }
    }

    @Test func crowdedLabelsAreReportedNotSilentlyDropped() throws {
        let xs = (0...100).map(Double.init)
        let markers = (1..<100).map { Marker(x: Double($0), label: "restart \($0)") }
        let chart = Chart(width: 480, height: 300, panels: [Panel(series: [Series(label: "a", xs: xs, ys: xs)], markers: markers)])
        let layout = try ChartRenderer.layout(chart)
        let placed = layout.panels[0].markerLabels
        #expect(!placed.isEmpty && Self.overlaps(placed).isEmpty)
        let omitted = layout.notices.compactMap { if case .markerLabelsOmitted(let l) = $0 { l } else { nil } }.flatMap { $0 }
        #expect(placed.count + omitted.count == 99)
        #expect(layout.notices.filter { if case .markerLabelsOmitted = $0 { true } else { false } }.count == 1)
    }

    /// 10⁶ markers: one rule per device column at most, and a chart in every format.
    @Test func aMillionMarkersAreBounded() throws {
        let n = 1_000_000
        let xs = [0.0, Double(n)]
        let markers = (0..<n).map { Marker(x: Double($0), label: $0 % 1000 == 0 ? "restart" : nil) }
        let chart = Chart(panels: [Panel(series: [Series(label: "a", xs: xs, ys: [1, 0])], markers: markers)])
        let layout = try ChartRenderer.layout(chart)
        let panel = layout.panels[0]
        #expect(panel.markers.count <= Int(panel.plot.width) + 2)
        #expect(panel.markers.count > Int(panel.plot.width) - 2)
        #expect(Self.overlaps(panel.markerLabels).isEmpty)
        for format in ImageFormat.allCases {
            #expect(try ChartRenderer.render(chart, as: format).count > 1000)
        }
    }
}

@Suite struct SecondaryAxisTests {
    @Test func epochsAboveStepsLineUp() throws {
        var chart = SampleCharts.annotated
        chart.secondaryXAxis = SecondaryAxis(label: "epoch", divisor: 625, integerTicks: true)
        let layout = try ChartRenderer.layout(chart)
        let secondary = try #require(layout.secondaryXAxis)
        let top = layout.panels[0].plot
        #expect(secondary.tickLabels.count >= 3)
        #expect(secondary.ticks.values.allSatisfy { $0 == $0.rounded() })
        for (tick, x) in zip(secondary.ticks.major, secondary.majorPositions) {
            // The secondary tick at epoch e sits where the primary axis has step 625 e.
            let primary = try #require(layout.xScale.fraction(of: tick.value * 625)).self * top.width + top.minX
            #expect(abs(x - primary) < 1e-9)
        }
        for label in secondary.tickLabels { #expect(label.bounds.maxY < top.minY) }
        let title = try #require(secondary.label.first)
        #expect(title.text == "epoch" && title.bounds.maxY < secondary.tickLabels.map(\.bounds.minY).min()!)
        #expect(layout.title.last!.bounds.maxY < title.bounds.minY)
        let bounds = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
        for text in layout.allTexts { #expect(bounds.contains(text.bounds)) }
        #expect(MarkerLayoutTests.overlaps(layout.allTexts.filter { $0.role != .marker }).isEmpty)
    }
}

@Suite struct BandLegendTests {
    @Test func bandLabelsGetALegendRowEvenWithoutLineEntries() throws {
        let xs = (0..<10).map(Double.init)
        func series(_ label: String) -> Series {
            Series(label: label, xs: xs, ys: xs.map { $0 + 1 }, band: Band(lower: xs, upper: xs.map { $0 + 2 }, label: "10–90 % of parameters"))
        }
        let chart = Chart(panels: [Panel(series: [series("Adam"), series("RMSprop")], showsLegend: false)])
        let layout = try ChartRenderer.layout(chart)
        let legend = try #require(layout.panels[0].legend)
        #expect(legend.entries.map(\.text.text) == ["10–90 % of parameters"])
        #expect(legend.entries[0].sample == .band(series: nil))
        var shown = chart
        shown.panels[0].showsLegend = true
        let both = try #require(try ChartRenderer.layout(shown).panels[0].legend)
        #expect(both.entries.map(\.text.text) == ["Adam", "RMSprop", "10–90 % of parameters"])
        let png = try RasterImage.decodePNG(try ChartRenderer.render(shown, as: .png))
        // The band swatch is a pale fill in the neutral marker colour.
        let swatch = both.entries[2]
        let p = png.pixel(x: Int(swatch.sampleStart.x + 10), y: Int(swatch.sampleStart.y))
        #expect(p.r > 200 && p.r < 250 && p.r == p.g)
    }
}
