import Foundation

/// The pure layout step: resolves scales and breaks, measures every text, fits the margins,
/// places panels, legends and markers and decimates the lines. Everything is in CSS px; no
/// Cairo is involved, so the layout is testable with `ApproximateTextMeasurer`.
public struct ChartLayout: Sendable {
    /// Chart width.
    public var width: Double
    /// Chart height.
    public var height: Double
    /// The title.
    public var title: PlacedText?
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
    /// x axis label.
    public var xLabel: PlacedText?
    /// x axis multiplier text.
    public var xMultiplier: PlacedText?
    /// Panels from top to bottom.
    public var panels: [PanelLayout]

    /// Outer padding.
    static let padding = 12.0
    /// Major tick length.
    static let tickLength = 5.0
    /// Minor tick length.
    static let minorTickLength = 3.0
    /// Gap between a tick and its label.
    static let tickLabelGap = 4.0
    /// Gap between tick labels and the axis label.
    static let axisLabelGap = 8.0
    /// Gap between the title and the top panel.
    static let titleGap = 10.0
    /// Gap between stacked panels.
    static let panelGap = 14.0
    /// Minimum free space between neighbouring x tick labels.
    static let xLabelSpacing = 14.0
    /// Minimum free space between neighbouring y tick labels.
    static let yLabelSpacing = 6.0

    /// Lays out `chart` with text measured by `measurer`; `deviceScale` is the number of device
    /// pixels per CSS px (the decimation column width). Call `chart.validate()` first.
    public static func make(
        _ chart: Chart, measurer: any TextMeasurer, deviceScale: Double = 1
    ) -> ChartLayout {
        let inside = make(chart, measurer: measurer, deviceScale: deviceScale, outside: false)
        guard chart.legend == .auto,
            inside.panels.contains(where: { $0.legend?.placement == .outsideRight })
        else { return inside }
        let outside = make(chart, measurer: measurer, deviceScale: deviceScale, outside: true)
        // Moving the legend out must leave a plot at least 60% of the chart wide; otherwise keep
        // it inside, in the corner that hides the least.
        if let plot = outside.panels.first?.plot, plot.width >= 0.6 * outside.width {
            return outside
        }
        return make(chart, measurer: measurer, deviceScale: deviceScale, outside: false, forceInside: true)
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

    // MARK: - Ticks

    /// The densest breaks, from a target count down to 2, whose labels do not overlap.
    ///
    /// Target counts (what Extended Wilkinson aims for, similar to matplotlib's density):
    /// vertical axes shorter than 200 px `max(3, length/40)`, else `length/55` clamped to 5...8;
    /// horizontal axes `length/110` clamped to 3...7.
    static func fittedTicks(
        scale: any PlotScale, length: Double, measurer: any TextMeasurer, vertical: Bool
    ) -> TickSet {
        let start: Int
        if vertical {
            start = length < 200 ? max(3, Int(length / 40)) : min(8, max(5, Int(length / 55)))
        } else {
            start = min(7, max(3, Int(length / 110)))
        }
        var fallback: TickSet?
        for target in stride(from: start, through: 2, by: -1) {
            let set = scale.ticks(target: target)
            if fallback == nil { fallback = set }
            if labelsFit(set, scale: scale, length: length, measurer: measurer, vertical: vertical) {
                return set
            }
            fallback = set
        }
        return fallback ?? TickSet(major: [])
    }

    static func labelsFit(
        _ set: TickSet, scale: any PlotScale, length: Double, measurer: any TextMeasurer,
        vertical: Bool
    ) -> Bool {
        var previousEnd = -Double.infinity
        for tick in set.major {
            guard let label = tick.label, let f = scale.fraction(of: tick.value) else { continue }
            let m = PlacedText(
                label, style: .tickLabel, role: .tick, measurer: measurer, typesetExponent: true
            ).metrics
            let center = f * length
            let half = vertical ? m.capHeight / 2 + 2 : m.width / 2
            let gap = vertical ? yLabelSpacing : xLabelSpacing
            if center - half < previousEnd + gap { return false }
            previousEnd = center + half
        }
        return true
    }

    // MARK: - Main layout

    static func make(
        _ chart: Chart, measurer: any TextMeasurer, deviceScale: Double, outside: Bool,
        forceInside: Bool = false
    ) -> ChartLayout {
        let w = Double(chart.width)
        let h = Double(chart.height)
        let pad = padding
        let tickM = measurer.measure("0", style: .tickLabel)
        let axisM = measurer.measure("Ag", style: .axisLabel)

        // Vertical budget.
        var top = pad
        var titleText: PlacedText?
        if let t = chart.title, !t.isEmpty {
            let fitted = TextFitting.ellipsized(t, style: .title, maxWidth: w - 2 * pad, measurer: measurer)
            var text = PlacedText(fitted, style: .title, role: .title, measurer: measurer)
            text.origin = Point(x: 0, y: pad + text.metrics.ascent)
            titleText = text
            top += text.metrics.height + titleGap
        }
        let xDomain = xDomain(chart)
        let xScale = scale(for: chart.xAxis, domain: xDomain)
        let xLabelText = chart.xAxis.label.flatMap { $0.isEmpty ? nil : $0 }
        // x multiplier known only after ticks; reserve the label row when there is a label.
        var bottom = pad + tickLength + tickLabelGap + tickM.capHeight + tickM.descent
        if xLabelText != nil { bottom += axisLabelGap + axisM.height }

        let yDomains = chart.panels.map(yDomain)
        let yScales = zip(chart.panels, yDomains).map { scale(for: $0.yAxis, domain: $1) }
        let multM = measurer.measure("×10⁻⁵", style: .tickLabel)

        // Panel heights need the multiplier rows, which need the ticks, which need heights:
        // estimate with ticks from an even split, then recompute once.
        func panelRects(left: Double, right: Double, multipliers: [Bool]) -> [Rect] {
            // Weights relative to the largest, so that their sum cannot overflow.
            let largestWeight = chart.panels.map(\.weight).max() ?? 1
            let totalWeight = chart.panels.map { $0.weight / largestWeight }.reduce(0, +)
            var extra = 0.0
            for (i, has) in multipliers.enumerated() where has && i > 0 { extra += multM.height + 4 }
            let topExtra = multipliers.first == true ? multM.height + 4 : 0
            let gaps = Double(chart.panels.count - 1) * panelGap + extra
            let available = max(20, h - top - topExtra - bottom - gaps)
            var y = top + topExtra
            var rects: [Rect] = []
            for (i, panel) in chart.panels.enumerated() {
                if i > 0 {
                    y += panelGap + (multipliers[i] ? multM.height + 4 : 0)
                }
                let ph = available * (panel.weight / largestWeight) / totalWeight
                rects.append(Rect(x: left, y: y, width: max(20, w - left - right), height: ph))
                y += ph
            }
            return rects
        }
        var rects = panelRects(left: 0, right: 0, multipliers: chart.panels.map { _ in false })
        var yTickSets = zip(yScales, rects).map { scale, rect in
            fittedTicks(scale: scale, length: rect.height, measurer: measurer, vertical: true)
        }
        let multipliers = yTickSets.map { $0.multiplier != nil }
        if multipliers.contains(true) {
            rects = panelRects(left: 0, right: 0, multipliers: multipliers)
            yTickSets = zip(yScales, rects).map { scale, rect in
                fittedTicks(scale: scale, length: rect.height, measurer: measurer, vertical: true)
            }
        }

        // Horizontal budget.
        let maxYLabel = yTickSets.flatMap { $0.major.compactMap(\.label) }
            .map {
                PlacedText($0, style: .tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
                    .metrics.width
            }.max() ?? 0
        let hasYLabel = chart.panels.contains { !($0.yAxis.label ?? "").isEmpty }
        var left = pad + maxYLabel + tickLabelGap + tickLength
        if hasYLabel { left += axisM.height + axisLabelGap }

        let wantsOutside = chart.legend == .outsideRight || (chart.legend == .auto && outside)
        // Outside legends take at most 40% of the chart width (labels shortened with "…").
        let outsideLabels = chart.panels.map {
            LegendLayout.fitted(labels: $0.showsLegend ? $0.series.map(\.label) : [], maxWidth: 0.4 * w, measurer: measurer)
        }
        var right = pad
        if wantsOutside && chart.legend != .none {
            let widest = outsideLabels.map { LegendLayout.size(labels: $0, measurer: measurer).width }.max() ?? 0
            right += widest + LegendLayout.outsideGap
        }
        var xTicks = TickSet(major: [])
        for _ in 0..<2 {
            let plotWidth = max(20, w - left - right)
            xTicks = fittedTicks(
                scale: xScale, length: plotWidth, measurer: measurer, vertical: false)
            // Keep the outer labels inside the chart.
            var overRight = 0.0
            var overLeft = 0.0
            for tick in xTicks.major {
                guard let label = tick.label, let f = xScale.fraction(of: tick.value) else { continue }
                let half = PlacedText(
                    label, style: .tickLabel, role: .tick, measurer: measurer, typesetExponent: true
                ).metrics.width / 2
                let x = left + f * plotWidth
                overRight = max(overRight, x + half - (w - pad))
                overLeft = max(overLeft, pad - (x - half))
            }
            if overRight <= 0.5 && overLeft <= 0.5 { break }
            right += max(0, overRight)
            left += max(0, overLeft)
        }
        rects = panelRects(left: left, right: right, multipliers: multipliers)
        let plotWidth = rects[0].width

        // Title centred over the plot area, kept inside the chart.
        if var t = titleText {
            let cx = left + plotWidth / 2
            t.origin.x = min(max(pad, cx - t.metrics.width / 2), max(pad, w - pad - t.metrics.width))
            titleText = t
        }

        // x texts.
        let bottomRect = rects[rects.count - 1]
        func xPos(_ v: Double) -> Double? {
            xScale.fraction(of: v).map { left + $0 * plotWidth }
        }
        let xMajor = xTicks.major.compactMap { xPos($0.value) }
        let xMinor = xTicks.minor.compactMap(xPos)
        let xBaseline = bottomRect.maxY + tickLength + tickLabelGap + tickM.capHeight
        let xTickLabels: [PlacedText] = xTicks.major.compactMap { tick in
            guard let label = tick.label, let x = xPos(tick.value) else { return nil }
            var text = PlacedText(
                label, style: .tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
            text.origin = Point(x: x - text.metrics.width / 2, y: xBaseline)
            return text
        }
        var xLabel: PlacedText?
        let xLabelBaseline = h - pad - axisM.descent
        if let text = xLabelText {
            let fitted = TextFitting.ellipsized(
                text, style: .axisLabel, maxWidth: w - 2 * pad, measurer: measurer)
            var placed = PlacedText(fitted, style: .axisLabel, role: .axisLabel, measurer: measurer)
            placed.origin.y = xLabelBaseline
            placed.origin.x = min(
                max(pad, left + plotWidth / 2 - placed.metrics.width / 2),
                max(pad, w - pad - placed.metrics.width))
            xLabel = placed
        }
        var xMultiplier: PlacedText?
        if let mult = xTicks.multiplier {
            var placed = PlacedText(
                mult, style: .tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
            placed.origin = Point(
                x: left + plotWidth - placed.metrics.width,
                y: xLabelText != nil ? xLabelBaseline : xBaseline + tickM.descent + 4 + placed.metrics.ascent)
            xMultiplier = placed
        }

        // Panels.
        var panels: [PanelLayout] = []
        for (p, panel) in chart.panels.enumerated() {
            let rect = rects[p]
            let yScale = yScales[p]
            let ticks = yTickSets[p]
            func yPos(_ v: Double) -> Double? {
                yScale.fraction(of: v).map { rect.maxY - $0 * rect.height }
            }
            let labels: [PlacedText] = ticks.major.compactMap { tick in
                guard let label = tick.label, let y = yPos(tick.value) else { return nil }
                var text = PlacedText(
                    label, style: .tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
                text.origin = Point(
                    x: rect.minX - tickLength - tickLabelGap - text.metrics.width,
                    y: y + text.metrics.capHeight / 2)
                return text
            }
            var yLabel: PlacedText?
            if let text = panel.yAxis.label, !text.isEmpty {
                // Centred on the panel; may extend over the panel gaps but not past the chart.
                let fitted = TextFitting.ellipsized(
                    text, style: .axisLabel, maxWidth: h - 2 * pad, measurer: measurer)
                var placed = PlacedText(
                    fitted, style: .axisLabel, role: .axisLabel, rotated: true, measurer: measurer)
                let half = placed.metrics.width / 2
                let centre = min(max(rect.minY + rect.height / 2, pad + half), h - pad - half)
                placed.origin = Point(x: pad + placed.metrics.ascent, y: centre + half)
                yLabel = placed
            }
            var yMultiplier: PlacedText?
            if let mult = ticks.multiplier {
                var placed = PlacedText(
                    mult, style: .tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
                placed.origin = Point(x: rect.minX, y: rect.minY - 4 - placed.metrics.descent)
                yMultiplier = placed
            }
            let series = panel.series.enumerated().map { i, s in
                SeriesLayout.build(
                    s, color: s.color ?? chart.theme.seriesColor(i), dash: s.dash ?? Theme.seriesDash(i),
                    lineWidth: s.lineWidth ?? 2, plot: rect, xScale: xScale, yScale: yScale,
                    deviceScale: deviceScale)
            }
            var markerPositions: [Double] = []
            var markerLabels: [PlacedText] = []
            for marker in panel.markers {
                guard let x = xPos(marker.x), x >= rect.minX - 0.01, x <= rect.maxX + 0.01 else { continue }
                markerPositions.append(x)
                if let text = marker.label, !text.isEmpty {
                    var placed = PlacedText(text, style: .marker, role: .marker, measurer: measurer)
                    let m = placed.metrics
                    // Top of the rule, on the side (right, else left) that fits inside the plot,
                    // does not collide with earlier marker labels and hides the least of the
                    // lines; left out when neither side works.
                    var best: (cover: Double, text: PlacedText)?
                    for tx in [x + 4, x - 4 - m.width] {
                        placed.origin = Point(x: tx, y: rect.minY + 5 + m.capHeight)
                        let box = placed.bounds.expanded(by: 1.5)
                        guard box.minX >= rect.minX, box.maxX <= rect.maxX,
                            !markerLabels.contains(where: { $0.bounds.expanded(by: 2).intersects(box) })
                        else { continue }
                        let cover = series.reduce(0) { $0 + $1.coveredLength(in: box) }
                        if best == nil || cover < (best?.cover ?? 0) { best = (cover, placed) }
                    }
                    if let chosen = best?.text { markerLabels.append(chosen) }
                }
            }
            var legend: LegendLayout?
            if chart.legend != .none && panel.showsLegend {
                var legendLabels =
                    wantsOutside
                    ? outsideLabels[p]
                    : LegendLayout.fitted(
                        labels: panel.series.map(\.label),
                        maxWidth: rect.width - 2 * LegendLayout.inset, measurer: measurer)
                // Too many entries for the panel's height: keep the first ones and a "+N more" row.
                let available = wantsOutside ? rect.height : rect.height - 2 * LegendLayout.inset
                let capacity = LegendLayout.capacity(height: available, measurer: measurer)
                if legendLabels.count > capacity {
                    let kept = max(0, capacity - 1)
                    legendLabels = Array(legendLabels.prefix(kept))
                        + ["+\(panel.series.count - kept) more"]
                }
                let size = LegendLayout.size(labels: legendLabels, measurer: measurer)
                let placement: LegendPlacement
                if wantsOutside {
                    placement = .outsideRight
                } else if chart.legend == .auto {
                    placement = bestCorner(
                        size: size, plot: rect, series: series, allowOutside: !forceInside)
                } else {
                    placement = chart.legend
                }
                let box = LegendLayout.box(placement, size: size, plot: rect)
                legend = LegendLayout.make(
                    box: box, placement: placement, labels: legendLabels,
                    seriesCount: panel.series.count, measurer: measurer)
            }
            panels.append(
                PanelLayout(
                    plot: rect, yScale: yScale, yTicks: ticks,
                    yMajorPositions: ticks.major.compactMap { yPos($0.value) },
                    yMinorPositions: ticks.minor.compactMap(yPos), yTickLabels: labels,
                    yLabel: yLabel, yMultiplier: yMultiplier, series: series,
                    markerPositions: markerPositions, markerLabels: markerLabels, legend: legend))
        }
        return ChartLayout(
            width: w, height: h, title: titleText, xScale: xScale, xTicks: xTicks,
            xMajorPositions: xMajor, xMinorPositions: xMinor, xTickLabels: xTickLabels,
            xLabel: xLabel, xMultiplier: xMultiplier, panels: panels)
    }

    /// The inside corner whose legend box covers the least line length (ties: upper right,
    /// upper left, lower left, lower right); `.outsideRight` when every corner covers some and
    /// `allowOutside`.
    static func bestCorner(
        size: (width: Double, height: Double), plot: Rect, series: [SeriesLayout],
        allowOutside: Bool = true
    ) -> LegendPlacement {
        var best = LegendPlacement.upperRight
        var bestCover = Double.infinity
        for candidate in [LegendPlacement.upperRight, .upperLeft, .lowerLeft, .lowerRight] {
            let box = LegendLayout.box(candidate, size: size, plot: plot).expanded(by: 3)
            let cover = series.reduce(0) { $0 + $1.coveredLength(in: box) }
            if cover < bestCover {
                bestCover = cover
                best = candidate
            }
        }
        return bestCover < 1 || !allowOutside ? best : .outsideRight
    }
}
