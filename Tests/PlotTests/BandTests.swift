import Plot
import PlotTestSupport
import Testing

@Suite struct BandTests {
    @Test func bandIsFilledBetweenItsEdgesInTheSeriesColour() throws {
        let xs = (0...100).map(Double.init)
        let red = try #require(RGBColor(hex: "#ff0000"))
        let series = Series(label: "s", xs: xs, ys: xs.map { _ in 0.5 }, color: red,
                            band: Band(lower: xs.map { _ in 0.25 }, upper: xs.map { _ in 0.75 }))
        let chart = Chart(width: 400, height: 300, xAxis: Axis(domain: 0...100),
                          panels: [Panel(yAxis: Axis(domain: 0...1), series: [series])], legend: .none)
        let layout = try ChartRenderer.layout(chart)
        let plot = try #require(layout.panels.first?.plot)
        let image = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        let x = Int(plot.minX + plot.width * 0.37)  // away from the grid lines at 20, 40, …
        // Inside the band (between 0.25 and 0.75, away from the line): a light red tint.
        let inside = image.pixel(x: x, y: Int(plot.minY + plot.height * 0.375))
        #expect(inside.r > 240 && inside.g < 230 && inside.g > 150, "\(inside)")
        // Outside the band: the plain background.
        let outside = image.pixel(x: x, y: Int(plot.minY + plot.height * 0.1))
        #expect(outside.g > 240, "\(outside)")
    }

    @Test func mismatchedBandIsAnError() {
        let s = Series(label: "s", xs: [0, 1], ys: [1, 2], band: Band(lower: [0], upper: [1, 2]))
        #expect(throws: PlotError.self) { try Chart(panels: [Panel(series: [s])]).validate() }
    }
}

@Suite struct AutomaticScaleTests {
    @Test func logWhenPeaksDifferByMoreThanThirtyTimes() {
        #expect(AxisScale.automatic(forPeaksOf: [[0.1, 0.05], [0.003, 0.001]]) == .log)       // 33×
        #expect(AxisScale.automatic(forPeaksOf: [[0.1, 0.05], [0.004, 0.001]]) == .linear)    // 25×
        #expect(AxisScale.automatic(forPeaksOf: [[0.1, 0.0], [0.001, 1e-9], [0.05]]) == .log)  // 100×
        // One series, or series without positive values, never switch.
        #expect(AxisScale.automatic(forPeaksOf: [[1, 1e-9]]) == .linear)
        #expect(AxisScale.automatic(forPeaksOf: [[0.1], [0, -1], [], [.nan, .infinity]]) == .linear)
        #expect(AxisScale.automatic(forPeaksOf: [[0.1], [0.001]], ratio: 200) == .linear)
    }
}
