import Foundation

/// The pure layout step: resolves scales and breaks, measures and fits every text, fits the
/// margins, places panels, legends and markers and decimates the lines. Everything is in CSS
/// px; no Cairo is involved, so the layout is testable with `ApproximateTextMeasurer`.
///
/// Sizes of texts, gaps and strokes come from the chart's font size and line width
/// (``LayoutMetrics``). A title that does not fit the width is wrapped onto up to three
/// lines, then shrunk to 75 %; axis labels onto two lines, then shrunk to 80 %; what still
/// does not fit is shortened with "…" and reported in ``notices``, like legend entries
/// shortened and marker labels left out.
public struct ChartLayout: Sendable {
    /// Chart width.
    public var width: Double
    /// Chart height.
    public var height: Double
    /// The sizes this layout was made with.
    public var metrics: LayoutMetrics
    /// The title, one text per line; empty for none.
    public var title: [PlacedText]
    /// The resolved x scale, shared by the panels.
    public var xScale: any PlotScale
    /// The x breaks.
    public var xTicks: TickSet
    /// x positions (px) of major ticks.
    public var xMajorPositions: [Double]
    /// x positions (px) of minor ticks.
    public var xMinorPositions: [Double]
    /// x tick labels (below the bottom panel).
    public var xTickLabels: [PlacedText]
    /// x axis label, one text per line; empty for none.
    public var xLabel: [PlacedText]
    /// x axis multiplier text.
    public var xMultiplier: PlacedText?
    /// The secondary x axis above the top panel, if the chart has one.
    public var secondaryXAxis: SecondaryAxisLayout?
    /// Panels from top to bottom.
    public var panels: [PanelLayout]
    /// What had to be shortened or left out to fit.
    public var notices: [LayoutNotice]

    /// Lays out `chart` with text measured by `measurer`; `deviceScale` is the number of device
    /// pixels per CSS px (the decimation column width). Call `chart.validate()` first.
    public static func make(
        _ chart: Chart, measurer: any TextMeasurer, deviceScale: Double = 1
    ) -> ChartLayout {
        let inside = make(chart, measurer: measurer, deviceScale: deviceScale, mode: .inside)
        guard chart.legend == .auto,
            inside.panels.contains(where: { $0.legend?.placement == .outsideRight })
        else { return inside }
        let outside = make(chart, measurer: measurer, deviceScale: deviceScale, mode: .outsideRight)
        // Moving the legend out must leave a plot at least 60% of the chart wide; otherwise,
        // with one legend, below the chart (keeping at least 60% of the plot's height), else
        // inside, in the corner that hides the least.
        if let plot = outside.panels.first?.plot, plot.width >= 0.6 * outside.width {
            return outside
        }
        if chart.panels.filter({ !LegendLayout.rows(for: $0, showsLines: $0.showsLegend).isEmpty }).count == 1 {
            let below = make(chart, measurer: measurer, deviceScale: deviceScale, mode: .below)
            let height = { (l: ChartLayout) in l.panels.reduce(0) { $0 + $1.plot.height } }
            if height(below) >= 0.6 * height(inside) { return below }
        }
        return make(chart, measurer: measurer, deviceScale: deviceScale, mode: .forcedInside)
    }

    /// Where a layout pass puts the legends.
    enum LegendMode {
        /// The spec's placement; for `.auto` the best inside corner, or `.outsideRight`
        /// (reported, to try another pass) when every corner hides some of the lines.
        case inside
        /// Inside even when every corner hides some of the lines.
        case forcedInside
        /// At the right of the plots.
        case outsideRight
        /// Under the x axis title.
        case below
    }

    /// Every text of the layout (titles, labels, ticks, multipliers, markers, legends).
    public var allTexts: [PlacedText] {
        var texts = title + xTickLabels + xLabel + [xMultiplier].compactMap { $0 }
        if let s = secondaryXAxis { texts += s.tickLabels + s.label + [s.multiplier].compactMap { $0 } }
        for panel in panels {
            texts += panel.yTickLabels + panel.markerLabels + panel.yLabel + [panel.yMultiplier].compactMap { $0 }
            texts += panel.legend?.entries.map(\.text) ?? []
        }
        return texts
    }

    // MARK: - Domains

    /// The x domain: the explicit one, else the tight range of x values with a finite y (also
    /// where a log y axis leaves the point out, so a warmup from 0 still starts at x = 0).
    static func xDomain(_ chart: Chart) -> ClosedRange<Double> {
        if let d = chart.xAxis.domain { return d }
        var lo = Double.infinity
        var hi = -Double.infinity
        let xLog = chart.xAxis.scale == .log
        for panel in chart.panels {
            for s in panel.series {
                for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite && (!xLog || x > 0) {
                    lo = min(lo, x)
                    hi = max(hi, x)
                }
            }
        }
        let tight = padded(lo: lo, hi: hi, fraction: 0, log: chart.xAxis.scale == .log)
        return chart.xAxis.scale == .linear
            ? roundedOut(tight, integerTicks: chart.xAxis.integerTicks) : tight
    }

    /// Extends a tight linear range to the next round tick when that is within 3% of the span,
    /// so 0…999 999 shows up to 1M and 0…99 up to 100, as a reader expects.
    static func roundedOut(_ domain: ClosedRange<Double>, integerTicks: Bool) -> ClosedRange<Double> {
        let lo = domain.lowerBound
        let hi = domain.upperBound
        let span = hi - lo
        let ticks = ExtendedWilkinson.ticks(lo: lo, hi: hi, target: 6, integerOnly: integerTicks)
            .map(\.doubleValue)
        guard ticks.count >= 2, let first = ticks.first, let last = ticks.last else { return domain }
        let step = ticks[1] - ticks[0]
        var newLo = lo
        var newHi = hi
        if last < hi - 1e-9 * span, last + step - hi <= 0.03 * span { newHi = last + step }
        if first > lo + 1e-9 * span, lo - (first - step) <= 0.03 * span { newLo = first - step }
        return newLo...newHi
    }

    /// A panel's y domain: the explicit one, else the data range padded by 5% of the span.
    static func yDomain(_ panel: Panel) -> ClosedRange<Double> {
        if let d = panel.yAxis.domain { return d }
        let isLog = panel.yAxis.scale == .log
        var lo = Double.infinity
        var hi = -Double.infinity
        for s in panel.series {
            for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite && (!isLog || y > 0) {
                lo = min(lo, y)
                hi = max(hi, y)
            }
            if let band = s.band {
                for (x, y) in zip(s.xs, band.lower) where x.isFinite && y.isFinite && (!isLog || y > 0) {
                    lo = min(lo, y)
                    hi = max(hi, y)
                }
                for (x, y) in zip(s.xs, band.upper) where x.isFinite && y.isFinite && (!isLog || y > 0) {
                    lo = min(lo, y)
                    hi = max(hi, y)
                }
            }
        }
        return padded(lo: lo, hi: hi, fraction: 0.05, log: isLog)
    }

    /// Pads `lo...hi` by `fraction` of its span (in log10 space for log axes). An empty range
    /// becomes 0...1 (1...10 on log); a single value v becomes v ± 10% (÷ and × √10 on log,
    /// ±1 for zero, ± 10 × 5·10⁻³²⁴ for subnormals whose tenth rounds to zero).
    ///
    /// The result is always finite and non-empty, whatever the data: linear ends are clamped
    /// to ±`Double.greatestFiniteMagnitude` (the span itself may then exceed it; scales and
    /// positions handle that), log ends to 5·10⁻³²⁴ … 1.8·10³⁰⁸.
    static func padded(lo: Double, hi: Double, fraction: Double, log: Bool) -> ClosedRange<Double> {
        guard lo.isFinite, hi.isFinite, lo <= hi else { return log ? 1...10 : 0...1 }
        let greatest = Double.greatestFiniteMagnitude
        if log {
            guard lo > 0 else { return 1...10 }
            let floor = log10(Double.leastNonzeroMagnitude)
            let ceiling = log10(greatest)
            var a = log10(lo)
            var b = log10(hi)
            if b - a < 1e-12 {
                a -= 0.5
                b += 0.5
            } else {
                let pad = (b - a) * fraction
                a -= pad
                b += pad
            }
            // Keep the padded range finite and positive (data can span 5e-324 … 1.8e308).
            a = max(a, floor)
            b = min(b, ceiling)
            if b - a < 1 {
                if a == floor { b = a + 1 } else if b == ceiling { a = b - 1 }
            }
            let low = max(pow(10, a), Double.leastNonzeroMagnitude)
            let high = min(pow(10, b), greatest)
            return low < high ? low...high : low...greatest
        }
        if hi - lo <= hi.magnitude * 1e-12 {
            let d = lo == 0 ? 1 : max(lo.magnitude * 0.1, 10 * Double.leastNonzeroMagnitude)
            return max(lo - d, -greatest)...min(hi + d, greatest)
        }
        // Half-spans do not overflow where the span would (−1e308 … 1e308).
        let pad = (hi / 2 - lo / 2) * (2 * fraction)
        return max(lo - pad, -greatest)...min(hi + pad, greatest)
    }

    static func scale(for axis: Axis, domain: ClosedRange<Double>) -> any PlotScale {
        switch axis.scale {
        case .linear: return LinearScale(domain: domain, integerTicks: axis.integerTicks)
        case .log: return LogScale(domain: domain)
        }
    }
}
