import Foundation
import Testing
@testable import Plot

@Suite("Layout")
struct LayoutTests {
    static func allTexts(_ layout: ChartLayout) -> [PlacedText] { layout.allTexts }

    static var variants: [(String, Chart)] {
        var charts = SampleCharts.all
        for (name, chart) in SampleCharts.all {
            var narrow = chart
            narrow.width = 360
            narrow.height = 260
            charts.append((name + "-narrow", narrow))
            var outside = chart
            outside.legend = .outsideRight
            charts.append((name + "-outside", outside))
        }
        return charts
    }

    @Test func textsStayInsideTheChartAndDoNotOverlap() throws {
        for (name, chart) in Self.variants {
            let layout = try ChartRenderer.layout(chart)
            let bounds = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
            let texts = Self.allTexts(layout)
            for text in texts {
                #expect(bounds.contains(text.bounds), "\(name): '\(text.plainText)' at \(text.bounds) is clipped")
            }
            // Tick labels never overlap each other.
            let ticks = layout.xTickLabels + layout.panels.flatMap(\.yTickLabels)
            for i in ticks.indices {
                for j in ticks.indices where j > i {
                    #expect(
                        !ticks[i].bounds.intersects(ticks[j].bounds),
                        "\(name): '\(ticks[i].plainText)' overlaps '\(ticks[j].plainText)'")
                }
            }
            for panel in layout.panels {
                if let legend = panel.legend {
                    #expect(bounds.contains(legend.box), "\(name): legend clipped")
                }
                // Labelled ticks: at least three per axis on a normal-size chart.
                if chart.width >= 900 { #expect(panel.yTickLabels.count >= 3, "\(name): y ticks") }
            }
        }
    }

    @Test func xTickLabelsOnlyBelowTheBottomPanel() throws {
        let layout = try ChartRenderer.layout(SampleCharts.twoPanels)
        #expect(layout.panels.count == 2)
        let bottom = layout.panels[1].plot
        #expect(!layout.xTickLabels.isEmpty)
        for text in layout.xTickLabels { #expect(text.bounds.minY > bottom.maxY) }
        // Panels share the left and right edges and keep their weights.
        #expect(layout.panels[0].plot.minX == bottom.minX)
        #expect(layout.panels[0].plot.maxX == bottom.maxX)
        #expect(abs(layout.panels[0].plot.height / bottom.height - 2) < 1e-9)
        #expect(layout.panels[0].plot.maxY < bottom.minY)
    }

    @Test func autoLegendAvoidsTheData() throws {
        // A line hugging the top edge: the legend must go to a lower corner.
        let xs = (0...100).map(Double.init)
        let chart = Chart(panels: [Panel(yAxis: Axis(domain: 0...1), series: [
            Series(label: "high", xs: xs, ys: xs.map { _ in 0.97 }),
            Series(label: "falls", xs: xs, ys: xs.map { 0.9 - 0.5 * $0 / 100 }),
        ])])
        let layout = ChartLayout.make(chart, measurer: ApproximateTextMeasurer())
        let legend = try #require(layout.panels[0].legend)
        #expect(legend.placement == .lowerLeft)
        for series in layout.panels[0].series {
            #expect(series.coveredLength(in: legend.box) == 0)
        }
    }

    @Test func autoLegendGoesOutsideWhenEveryCornerIsBusy() throws {
        let xs = (0...400).map(Double.init)
        let chart = Chart(panels: [Panel(yAxis: Axis(domain: 0...1), series: [
            Series(label: "zigzag", xs: xs, ys: xs.map { $0.truncatingRemainder(dividingBy: 2) }),
        ])])
        let layout = ChartLayout.make(chart, measurer: ApproximateTextMeasurer())
        let legend = try #require(layout.panels[0].legend)
        #expect(legend.placement == .outsideRight)
        #expect(legend.box.minX > layout.panels[0].plot.maxX)
        #expect(legend.box.maxX <= layout.width)
    }

    @Test func explicitPlacementAndNone() throws {
        var chart = SampleCharts.fourSchedules
        chart.legend = .lowerLeft
        let layout = ChartLayout.make(chart, measurer: ApproximateTextMeasurer())
        let legend = try #require(layout.panels[0].legend)
        #expect(legend.placement == .lowerLeft)
        #expect(legend.entries.count == 4)
        chart.legend = .none
        #expect(ChartLayout.make(chart, measurer: ApproximateTextMeasurer()).panels[0].legend == nil)
    }

    @Test func paletteAndDashesCycleTogether() throws {
        let xs = [0.0, 1]
        let series = (0..<9).map { Series(label: "s\($0)", xs: xs, ys: xs) }
        var custom = series
        custom[0].color = RGBColor(hex: "#123456")
        custom[0].dash = .dotted
        let layout = ChartLayout.make(Chart(panels: [Panel(series: custom)]), measurer: ApproximateTextMeasurer())
        let s = layout.panels[0].series
        #expect(s[0].color == RGBColor(hex: "#123456"))
        #expect(s[0].dash == .dotted)
        #expect(s[1].color == Theme.okabeIto[1] && s[1].dash == .dashed)
        #expect(s[6].color == RGBColor(hex: "#F0E442"))  // yellow last
        #expect(s[7].color == Theme.okabeIto[0] && s[7].dash == .dashDot)
        #expect(s[8].color == Theme.okabeIto[1] && s[8].dash == .solid)
    }

    @Test func domainsFromData() {
        let linear = ChartLayout.padded(lo: 0, hi: 0.1, fraction: 0.05, log: false)
        #expect(abs(linear.lowerBound + 0.005) < 1e-15 && abs(linear.upperBound - 0.105) < 1e-15)
        let log = ChartLayout.padded(lo: 1e-5, hi: 1e-1, fraction: 0.05, log: true)
        #expect(abs(log10(log.lowerBound) + 5.2) < 1e-12 && abs(log10(log.upperBound) + 0.8) < 1e-12)
        let constant = ChartLayout.padded(lo: 0.1, hi: 0.1, fraction: 0.05, log: false)
        #expect(constant.lowerBound < 0.1 && constant.upperBound > 0.1)
        #expect(ChartLayout.padded(lo: .infinity, hi: -.infinity, fraction: 0, log: false) == 0...1)
    }
}

@Suite("Long texts")
struct LongTextTests {
    @Test func longTitleAndLabelsAreShortenedNotClipped() throws {
        let long = String(repeating: "very long text ", count: 40)
        let xs = [0.0, 1]
        let chart = Chart(
            title: long, width: 400, height: 200, xAxis: Axis(label: long),
            panels: [Panel(yAxis: Axis(label: long), series: [Series(label: long, xs: xs, ys: xs)])])
        let layout = try ChartRenderer.layout(chart)
        let bounds = Rect(x: 0, y: 0, width: 400, height: 200)
        for text in LayoutTests.allTexts(layout) {
            #expect(bounds.contains(text.bounds), "'\(text.text)' at \(text.bounds)")
        }
        #expect(layout.title.count == 3)
        #expect(layout.title.last?.text.hasSuffix("…") == true)
        #expect(layout.notices.contains { if case .textShortened(.title, _, _) = $0 { return true } else { return false } })
        #expect(try ChartRenderer.render(chart, as: .png).count > 0)
    }
}

@Suite("x domain")
struct XDomainTests {
    @Test func tightRangesRoundOutToANearbyTick() {
        #expect(ChartLayout.roundedOut(0...999_999, integerTicks: true) == 0...1_000_000)
        #expect(ChartLayout.roundedOut(0...99, integerTicks: true) == 0...100)
        #expect(ChartLayout.roundedOut(1...100, integerTicks: true) == 0...100)
        // Far from a tick: left alone.
        #expect(ChartLayout.roundedOut(0...90, integerTicks: true) == 0...90)
        #expect(ChartLayout.roundedOut(0...100, integerTicks: true) == 0...100)
    }
}

@Suite("Crowded legends")
struct CrowdedLegendTests {
    @Test func manySeriesInAShortPanelKeepTheLegendInside() throws {
        let xs = [0.0, 1]
        let series = (0..<40).map { Series(label: "series \($0)", xs: xs, ys: xs.map { $0 * Double($0 + 1) }) }
        for placement in [LegendPlacement.upperRight, .outsideRight, .auto] {
            let chart = Chart(height: 300, panels: [Panel(series: series)], legend: placement)
            let layout = try ChartRenderer.layout(chart)
            let panel = layout.panels[0]
            let legend = try #require(panel.legend)
            #expect(legend.box.maxY <= panel.plot.maxY + 0.01, "\(placement)")
            #expect(legend.entries.count < 40)
            #expect(legend.entries.last?.text.text == "+\(40 - legend.entries.count + 1) more")
            #expect(legend.entries.last?.sample == LegendLayout.Sample.none)
            #expect(legend.entries.last?.series == nil)
            #expect(try ChartRenderer.render(chart, as: .png).count > 0)
        }
    }
}
