import Foundation
import Plot
import Testing

/// Data at the ends of the double range (a diverging training loss) must render, not trap.
@Suite struct ExtremeDataTests {
    @Test(arguments: [AxisScale.log, .linear])
    func hugeAndTinyValuesRender(_ scale: AxisScale) throws {
        let xs = (0..<50).map(Double.init)
        let ys = xs.map { pow(10, -300 + 12.3 * $0) }  // 1e-300 … ~1e303
        let chart = Chart(panels: [Panel(yAxis: Axis(scale: scale), series: [
            Series(label: "wild", xs: xs, ys: ys),
            Series(label: "max", xs: [0, 1], ys: [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude]),
        ])])
        let png = try ChartRenderer.render(chart, as: .png)
        #expect(try RasterImage.decodePNG(png).width == 960)
    }
}
