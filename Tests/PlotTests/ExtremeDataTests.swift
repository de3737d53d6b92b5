import Foundation
import PlotTestSupport
import Testing
@testable import Plot

/// Data at the ends of the double range (a diverging training loss, a rate of 1e-322 or
/// 1e308) must render with sensible ticks and lines clipped to the frame, never trap.
@Suite struct ExtremeDataTests {
    /// Series at the ends of the double range.
    static let extremeSeries: [(String, [Double])] = [
        ("subnormal decay", (0..<100).map { 1e-322 * pow(0.9, Double($0)) }),
        ("near 5e-324", [5e-324, 1e-323, 5e-324, 0, 1.5e-323]),
        ("1e308 linear decay", [1e308, 0.802e308]),
        ("alternating 0 and 1e308", (0..<60).map { $0 % 2 == 0 ? 0 : 1e308 }),
        ("±max", (0..<40).map { $0 % 2 == 0 ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude }),
        ("1e-300 … 1e303", (0..<50).map { pow(10, -300 + 12.3 * Double($0)) }),
        ("constant max", [Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude]),
        ("constant least", [Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude]),
        ("negative subnormal", [-5e-324, 0, 5e-324]),
    ]

    static func chart(_ ys: [Double], scale: AxisScale, domain: ClosedRange<Double>? = nil) -> Chart {
        Chart(title: "extreme", xAxis: Axis(label: "step", integerTicks: true),
              panels: [Panel(yAxis: Axis(label: "value", scale: scale, domain: domain), series: [
                  Series(label: "series", xs: ys.indices.map(Double.init), ys: ys),
                  Series(label: "stairs", xs: ys.indices.map(Double.init), ys: ys.reversed(), drawStyle: .stepsPost),
              ], markers: [Marker(x: 1, label: "phase")])])
    }

    @Test(arguments: [AxisScale.linear, .log])
    func extremeSeriesHaveTicksAndLinesInsideTheFrame(_ scale: AxisScale) throws {
        for (name, ys) in Self.extremeSeries {
            let layout = try ChartRenderer.layout(Self.chart(ys, scale: scale))
            let panel = layout.panels[0]
            let domain = panel.yScale.domain
            #expect(domain.lowerBound.isFinite && domain.upperBound.isFinite && domain.lowerBound < domain.upperBound, "\(name)")
            let drawable = ys.contains { $0.isFinite && (scale == .linear || $0 > 0) }
            if drawable {
                #expect(panel.yTickLabels.count >= 2, "\(name) \(scale): \(panel.yTickLabels.map(\.plainText))")
            }
            let values = panel.yTicks.values
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, "\(name) \(scale): \(values)")
            let labels = panel.yTickLabels.map(\.plainText)
            #expect(Set(labels).count == labels.count, "\(name) \(scale): \(labels)")
            let frame = panel.plot.expanded(by: 4.01)
            for series in panel.series {
                for run in series.runs {
                    for p in run {
                        #expect(p.x.isFinite && p.y.isFinite && frame.contains(Rect(x: p.x, y: p.y, width: 0, height: 0)),
                                "\(name) \(scale): \(p) outside \(panel.plot)")
                    }
                }
            }
        }
    }

    /// The reported traps: a subnormal exponential decay (the tick search) and a linear decay
    /// from 1e308 (the y domain).
    @Test func reportedTrapsRender() throws {
        let subnormal = Self.chart((0..<100).map { 1e-322 * pow(0.9, Double($0)) }, scale: .linear)
        let layout = try ChartRenderer.layout(subnormal)
        #expect(layout.panels[0].yTickLabels.count >= 3)
        #expect(layout.panels[0].yMultiplier?.plainText == "×10⁻³²²")
        let huge = Self.chart([1e308, 1e308 * 0.802], scale: .linear)
        let domain = try ChartRenderer.layout(huge).panels[0].yScale.domain
        #expect(domain.lowerBound < 0.802e308 && domain.upperBound > 1e308)
        for chart in [subnormal, huge] {
            #expect(try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png)).width == 960)
        }
    }

    @Test func ticksAtTheEndsOfTheDoubleRange() {
        let greatest = Double.greatestFiniteMagnitude
        let ranges: [(Double, Double)] = [
            (0, 1e-322), (5e-324, 1.5e-323), (-5e-324, 5e-324), (0, 5e-324), (-greatest, greatest), (0, greatest),
            (0.802e308, 1e308), (-1e308, -1e307), (1e-200, 3e-200), (1e200, 1e201), (1, 1 + 1e-12),
        ]
        for (lo, hi) in ranges {
            for target in [2, 5, 8] {
                let set = LinearScale(domain: lo...hi).ticks(target: target)
                #expect(set.major.count >= 2, "\(lo)...\(hi) target \(target)")
                let tolerance = (hi / 2 - lo / 2) * 2e-9
                for v in set.values {
                    #expect(v.isFinite && v >= lo - tolerance && v <= hi + tolerance, "\(lo)...\(hi): \(v)")
                }
                #expect(zip(set.values, set.values.dropFirst()).allSatisfy { $0 < $1 }, "\(lo)...\(hi): \(set.values)")
            }
            let integer = LinearScale(domain: lo...hi, integerTicks: true).ticks(target: 5)
            #expect(integer.values.allSatisfy { $0.rounded() == $0 }, "\(lo)...\(hi): \(integer.values)")
        }
        // Scaled searches pick the same ticks as plain ones, shifted.
        let plain = ExtendedWilkinson.ticks(lo: 0, hi: 0.97, target: 6)
        let tiny = ExtendedWilkinson.ticks(lo: 0, hi: 0.97e-310, target: 6)
        #expect(tiny.map { $0.shifted(by: -310) } == plain)
        let huge = ExtendedWilkinson.ticks(lo: 0, hi: 0.97e300, target: 6)
        #expect(huge.map { $0.shifted(by: 300) } == plain)
        // Log axes down to 5e-324 and up to the largest double.
        let log = LogScale(domain: 5e-324...greatest).ticks(target: 8)
        #expect(log.major.count >= 4 && log.values.allSatisfy { $0 > 0 && $0.isFinite })
    }

    @Test func paddedDomainsStayFiniteAndOrdered() {
        let greatest = Double.greatestFiniteMagnitude
        let cases: [(Double, Double)] = [
            (0.802e308, 1e308), (-greatest, greatest), (greatest, greatest), (-greatest, -greatest),
            (5e-324, 5e-324), (0, 5e-324), (-5e-324, -5e-324), (1e-322, 1e-322), (0, 1e308),
        ]
        for (lo, hi) in cases {
            for log in [false, true] where !log || lo > 0 {
                let d = ChartLayout.padded(lo: lo, hi: hi, fraction: 0.05, log: log)
                #expect(d.lowerBound.isFinite && d.upperBound.isFinite && d.lowerBound < d.upperBound, "\(lo)...\(hi) log \(log): \(d)")
                #expect(d.lowerBound <= lo && d.upperBound >= hi, "\(lo)...\(hi) log \(log): \(d)")
                if log { #expect(d.lowerBound > 0) }
            }
        }
    }

    /// A line to a point far outside a fixed domain leaves the frame where the true line
    /// does: from (0, −1000) to (1, 1e9) on 0…1 axes it crosses the plot at x ≈ 1e-6, so its
    /// visible part is a vertical stroke at the left edge (clamping the far end used to tilt
    /// it across half the plot).
    @Test func linesLeaveTheFrameAtTheirTrueAngle() throws {
        let chart = Chart(
            xAxis: Axis(domain: 0...1),
            panels: [Panel(yAxis: Axis(domain: 0...1), series: [
                Series(label: "steep", xs: [0, 1], ys: [-1000, 1e9]),
                Series(label: "huge", xs: [0, 0.5, 1], ys: [0.5, 1e308, 0.5]),
            ])], legend: .none)
        let layout = try ChartRenderer.layout(chart)
        let plot = layout.panels[0].plot
        let steep = try #require(layout.panels[0].series[0].runs.first)
        #expect(steep.count == 2)
        for p in steep { #expect(abs(p.x - plot.minX) < 0.01, "\(p)") }
        // Up to 1e308 and back: the true lines are vertical at the ends (they reach the top
        // within 1e-308 of the plot width): two strokes, broken in between.
        let huge = layout.panels[0].series[1].runs
        #expect(huge.count == 2)
        for run in huge {
            #expect(run.allSatisfy { $0.y <= plot.maxY && $0.y >= plot.minY - 4.01 })
        }
        #expect(abs(huge[0][0].y - (plot.minY + plot.height / 2)) < 1e-9)
        #expect(huge[0].allSatisfy { abs($0.x - plot.minX) < 1e-9 })
        #expect(huge[1].allSatisfy { abs($0.x - plot.maxX) < 1e-9 })
    }

    /// Every format renders every extreme series, on both scales and on a fixed domain the
    /// data overshoots by 300 orders of magnitude: PNG, SVG (outlines and text), PDF, HTML,
    /// and the terminal's braille, kitty and sixel.
    @Test func everyFormatRendersExtremeSeries() throws {
        for (name, ys) in Self.extremeSeries {
            for chart in [Self.chart(ys, scale: .linear), Self.chart(ys, scale: .log),
                          Self.chart(ys, scale: .linear, domain: 0...1)] {
                for format in ImageFormat.allCases {
                    let bytes = try ChartRenderer.render(chart, as: format)
                    #expect(bytes.count > 500, "\(name) \(format)")
                }
                #expect(try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png)).height == 540)
                let text = try ChartRenderer.render(chart, as: .svg, options: RenderOptions(svgText: .text))
                #expect(!String(decoding: text, as: UTF8.self).contains("nan"), "\(name)")
                let hover = HoverTable(xs: chart.panels[0].series[0].xs, columns: [
                    HoverTable.Column(panel: 0, series: 0, values: ys.map { $0.isFinite ? String($0) : nil }),
                ])
                let html = String(decoding: try HTMLChartRenderer.render(chart, hover: hover), as: UTF8.self)
                #expect(html.contains(String(ys[0])) && !html.contains("NaN"), "\(name)")
                for capabilities in [TerminalCapabilities.plain, TerminalCapabilities(graphics: .none, colors: .trueColor),
                                     TerminalCapabilities(graphics: .kitty, colors: .trueColor),
                                     TerminalCapabilities(graphics: .sixel, colors: .ansi256)] {
                    let out = try TerminalRenderer.render(chart, options: TerminalOptions(columns: 40, rows: 12, capabilities: capabilities, cellPixels: (4, 8)))
                    #expect(out.count > 100, "\(name) \(capabilities)")
                }
            }
        }
    }

    @Test func hugeWeightsAndCoordinatesDoNotTrap() throws {
        let xs = [0.0, 1]
        let chart = Chart(
            xAxis: Axis(scale: .linear),
            panels: [
                Panel(series: [Series(label: "a", xs: [-1e308, 1e308], ys: xs)], weight: .greatestFiniteMagnitude),
                Panel(series: [Series(label: "b", xs: [-1e308, 1e308], ys: xs)], weight: .greatestFiniteMagnitude),
                Panel(series: [Series(label: "c", xs: xs, ys: xs)], weight: .leastNonzeroMagnitude),
            ])
        let layout = try ChartRenderer.layout(chart)
        #expect(layout.panels.allSatisfy { $0.plot.height.isFinite && $0.plot.height >= 0 })
        #expect(abs(layout.panels[0].plot.height - layout.panels[1].plot.height) < 1e-9)
        #expect(try ChartRenderer.render(chart, as: .png).count > 1000)
        #expect(RGBColor(r: .nan, g: 2, b: -1) == RGBColor(r: 0, g: 1, b: 0))
    }
}

/// The PNG's device pixels are capped, with a message that says how to get under the cap.
@Suite struct DevicePixelLimitTests {
    static let series = [Series(label: "a", xs: [0, 1], ys: [0, 1])]

    @Test func chartsBeyondTheLimitAreRefusedClearly() {
        for (width, height, scale) in [(16000, 16000, 1.0), (8160, 8160, 4.0), (7072, 7072, 1.0), (32767, 64, 2.0)] {
            let chart = Chart(width: width, height: height, scale: scale, panels: [Panel(series: Self.series)])
            #expect(throws: PlotError.self) { try chart.validate() }
            do {
                try chart.validate()
            } catch {
                #expect(error.message.contains("the limit is"), "\(error)")
                #expect(!error.message.contains("inf"), "\(error)")
            }
        }
        // Overflowing products still give a message, not a trap.
        let absurd = Chart(width: Int.max, height: Int.max, scale: 1e300, panels: [Panel(series: Self.series)])
        #expect(throws: PlotError.self) { try absurd.validate() }
    }

    @Test func chartsUpToTheLimitAreAccepted() throws {
        let chart = Chart(width: 7071, height: 7071, scale: 1, panels: [Panel(series: Self.series)])
        try chart.validate()
        #expect(chart.deviceSize.width * chart.deviceSize.height <= Double(Chart.maximumDevicePixels))
        let hiDPI = Chart(width: 1920, height: 1080, scale: 2, panels: [Panel(series: Self.series)])
        try hiDPI.validate()
    }
}
