import Foundation
import Testing
@testable import Plot

@Suite("M4 decimation")
struct DecimationTests {
    @Test func keepsFirstMinMaxLastOfEachColumn() {
        var d = M4Decimator()
        // 1000 points over 10 columns, a fast oscillation.
        var columns: [Int: [Point]] = [:]
        for i in 0..<1000 {
            let p = Point(x: Double(i) / 100, y: sin(Double(i) * 0.7) * Double(i % 13))
            let c = Int(p.x.rounded(.down))
            columns[c, default: []].append(p)
            d.add(p, column: c)
        }
        let runs = d.finish()
        #expect(runs.count == 1)
        let out = runs[0]
        #expect(out.count <= 60)
        for (c, points) in columns {
            let kept = out.filter { Int($0.x.rounded(.down)) == c }
            #expect(kept.first == points.first)
            #expect(kept.last == points.last)
            #expect(kept.map(\.y).min() == points.map(\.y).min())
            #expect(kept.map(\.y).max() == points.map(\.y).max())
        }
    }

    @Test func verticalDropInsideAColumnStaysVertical() {
        var d = M4Decimator()
        d.add(Point(x: 10.1, y: 5), column: 10)
        d.add(Point(x: 10.5, y: 5), column: 10)
        d.add(Point(x: 10.5, y: 50), column: 10)
        d.add(Point(x: 10.9, y: 50), column: 10)
        let out = d.finish()[0]
        #expect(out == [
            Point(x: 10.1, y: 5), Point(x: 10.5, y: 5), Point(x: 10.5, y: 50), Point(x: 10.9, y: 50),
        ])
    }

    @Test func breaksStartNewRuns() {
        var d = M4Decimator()
        d.add(Point(x: 0, y: 0), column: 0)
        d.add(Point(x: 1, y: 1), column: 1)
        d.breakLine()
        d.add(Point(x: 3, y: 0), column: 3)
        #expect(d.finish().count == 2)
    }

    @Test func millionPointSeriesIsBoundedByWidth() {
        let n = 1_000_000
        let xs = (0..<n).map(Double.init)
        let ys = xs.map { x in (x.truncatingRemainder(dividingBy: 100) < 50) ? 1.0 : 0.0 }
        let chart = Chart(panels: [Panel(series: [Series(label: "fast", xs: xs, ys: ys)])])
        let layout = ChartLayout.make(chart, measurer: ApproximateTextMeasurer())
        let panel = layout.panels[0]
        let points = panel.series[0].runs.reduce(0) { $0 + $1.count }
        #expect(points <= 6 * (Int(panel.plot.width) + 2))
        // Every column shows the full band: both extremes of the data appear.
        let ysOut = panel.series[0].runs.flatMap { $0 }.map(\.y)
        #expect(ysOut.min() ?? 0 < panel.plot.minY + panel.plot.height * 0.1)
        #expect(ysOut.max() ?? 0 > panel.plot.maxY - panel.plot.height * 0.1)
    }

    @Test func stepsPostHoldsValuesUntilTheNextX() {
        let chart = Chart(
            xAxis: Axis(domain: 0...2),
            panels: [Panel(yAxis: Axis(domain: 0...1), series: [
                Series(label: "s", xs: [0, 1, 2], ys: [1, 0, 0], drawStyle: .stepsPost),
            ])])
        let layout = ChartLayout.make(chart, measurer: ApproximateTextMeasurer())
        let plot = layout.panels[0].plot
        let run = layout.panels[0].series[0].runs[0]
        let xMid = plot.minX + plot.width / 2
        // The drop at x = 1 is vertical.
        let atMid = run.filter { abs($0.x - xMid) < 1e-9 }
        #expect(atMid.count == 2)
        #expect(Set(atMid.map(\.y)) == [plot.minY, plot.maxY])
    }
}
