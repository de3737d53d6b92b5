import Foundation

extension ChartLayout {
    /// One layout pass with the legend outside (`outside`) or inside (in the corner that
    /// hides the least; never outside with `forceInside`).
    static func make(
        _ chart: Chart, measurer: any TextMeasurer, deviceScale: Double, outside: Bool,
        forceInside: Bool = false
    ) -> ChartLayout {
        let metrics = LayoutMetrics(chart)
        var fitting = TextFitting(measurer: measurer)
        var notices: [LayoutNotice] = []
        let w = chart.width
        let h = chart.height
        let pad = metrics.padding
        let tickM = measurer.measure("0", style: metrics.tickLabel)

        /// Fits a text, reporting it when it had to be shortened.
        func fit(_ text: String, style: TextStyle, role: TextRole, maxWidth: Double, maxLines: Int, minimumScale: Double)
            -> TextFitting.Fitted
        {
            let fitted = fitting.fit(text, style: style, maxWidth: max(1, maxWidth), maxLines: maxLines, minimumScale: minimumScale)
            if fitted.shortened {
                notices.append(.textShortened(role: role, full: text, shown: fitted.lines.joined(separator: " ")))
            }
            return fitted
        }
        /// Height of the lines of a fitted text.
        func blockHeight(_ fitted: TextFitting.Fitted) -> Double {
            let n = Double(fitted.lines.count)
            return n * measurer.measure("Ag", style: fitted.style).height + (n - 1) * metrics.lineGap
        }
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }

        // Vertical budget: the title on top.
        var top = pad
        var titleLines: [PlacedText] = []
        if let t = nonEmpty(chart.title) {
            let fitted = fit(t, style: metrics.title, role: .title, maxWidth: w - 2 * pad, maxLines: 3, minimumScale: 0.75)
            for (i, line) in fitted.lines.enumerated() {
                var text = PlacedText(line, style: fitted.style, role: .title, measurer: measurer)
                if i > 0 { top += metrics.lineGap }
                text.origin = Point(x: 0, y: top + text.metrics.ascent)
                top += text.metrics.height
                titleLines.append(text)
            }
            top += metrics.titleGap
        }
        let xDomain = xDomain(chart)
        let xScale = scale(for: chart.xAxis, domain: xDomain)
        let xLabelFit = nonEmpty(chart.xAxis.label).map {
            fit($0, style: metrics.axisLabel, role: .axisLabel, maxWidth: w - 2 * pad, maxLines: 2, minimumScale: 0.8)
        }
        // x multiplier known only after ticks; reserve the label row when there is a label.
        var bottom = pad + metrics.tickLength + metrics.tickLabelGap + tickM.capHeight + tickM.descent
        if let f = xLabelFit { bottom += metrics.axisLabelGap + blockHeight(f) }

        // The secondary axis above the top panel: tick labels, then its title.
        var secondaryScale: (any PlotScale)?
        var secondaryLabelFit: TextFitting.Fitted?
        var secondaryBlock = 0.0
        if let secondary = chart.secondaryXAxis {
            let d = secondary.divisor
            let lo = xDomain.lowerBound / d
            let hi = xDomain.upperBound / d
            if lo.isFinite, hi.isFinite, lo < hi {
                secondaryScale = scale(
                    for: Axis(scale: chart.xAxis.scale, integerTicks: secondary.integerTicks), domain: lo...hi)
                secondaryBlock = metrics.tickLength + metrics.tickLabelGap + tickM.capHeight
                if let label = nonEmpty(secondary.label) {
                    let f = fit(label, style: metrics.axisLabel, role: .axisLabel, maxWidth: w - 2 * pad, maxLines: 2, minimumScale: 0.8)
                    secondaryLabelFit = f
                    secondaryBlock += metrics.axisLabelGap + blockHeight(f)
                }
            }
        }

        let yDomains = chart.panels.map(yDomain)
        let yScales = zip(chart.panels, yDomains).map { scale(for: $0.yAxis, domain: $1) }
        let multM = measurer.measure("×10⁻⁵", style: metrics.tickLabel)
        let multiplierRow = multM.height + metrics.multiplierGap

        // Panel heights need the multiplier rows, which need the ticks, which need heights:
        // estimate with ticks from an even split, then recompute once.
        func panelRects(left: Double, right: Double, multipliers: [Bool]) -> [Rect] {
            // Weights relative to the largest, so that their sum cannot overflow.
            let largestWeight = chart.panels.map(\.weight).max() ?? 1
            let totalWeight = chart.panels.map { $0.weight / largestWeight }.reduce(0, +)
            var extra = 0.0
            for (i, has) in multipliers.enumerated() where has && i > 0 { extra += multiplierRow }
            let topExtra = multipliers.first == true ? multiplierRow : 0
            let gaps = Double(chart.panels.count - 1) * metrics.panelGap + extra
            let available = max(20, h - top - topExtra - secondaryBlock - bottom - gaps)
            var y = top + topExtra + secondaryBlock
            var rects: [Rect] = []
            for (i, panel) in chart.panels.enumerated() {
                if i > 0 {
                    y += metrics.panelGap + (multipliers[i] ? multiplierRow : 0)
                }
                let ph = available * (panel.weight / largestWeight) / totalWeight
                rects.append(Rect(x: left, y: y, width: max(20, w - left - right), height: ph))
                y += ph
            }
            return rects
        }
        var rects = panelRects(left: 0, right: 0, multipliers: chart.panels.map { _ in false })
        var yTickSets = zip(yScales, rects).map { scale, rect in
            fittedTicks(scale: scale, length: rect.height, measurer: measurer, vertical: true, metrics: metrics)
        }
        let multipliers = yTickSets.map { $0.multiplier != nil }
        if multipliers.contains(true) {
            rects = panelRects(left: 0, right: 0, multipliers: multipliers)
            yTickSets = zip(yScales, rects).map { scale, rect in
                fittedTicks(scale: scale, length: rect.height, measurer: measurer, vertical: true, metrics: metrics)
            }
        }

        // y axis titles: each centred on its panel; one that would run into its neighbour's
        // (or past the chart) is fitted to its share.
        let yLabelFits = fitYLabels(chart, rects: rects, metrics: metrics, measurer: measurer, fit: fit)

        // Horizontal budget.
        let maxYLabel = yTickSets.flatMap { $0.major.compactMap(\.label) }
            .map {
                PlacedText($0, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
                    .metrics.width
            }.max() ?? 0
        var left = pad + maxYLabel + metrics.tickLabelGap + metrics.tickLength
        let yLabelBlock = yLabelFits.compactMap { $0.map { blockHeight($0.fitted) } }.max()
        if let yLabelBlock { left += yLabelBlock + metrics.axisLabelGap }

        let wantsOutside = chart.legend == .outsideRight || (chart.legend == .auto && outside)
        let legendRows = chart.panels.map { chart.legend == .none ? [] : LegendLayout.rows(for: $0, showsLines: $0.showsLegend) }
        // Outside legends take at most 40% of the chart width (labels shortened with "…").
        var outsideRows: [[LegendLayout.Row]] = []
        var right = pad
        if wantsOutside {
            outsideRows = legendRows.map {
                LegendLayout.fitted($0, maxWidth: 0.4 * w, metrics: metrics, fitting: &fitting, notices: &notices)
            }
            let widest = outsideRows.map {
                LegendLayout.size(labels: $0.map(\.label), metrics: metrics, measurer: measurer).width
            }.max() ?? 0
            right += widest + metrics.legendOutsideGap
        }
        var xTicks = TickSet(major: [])
        var secondaryTicks = TickSet(major: [])
        for _ in 0..<2 {
            let plotWidth = max(20, w - left - right)
            xTicks = fittedTicks(scale: xScale, length: plotWidth, measurer: measurer, vertical: false, metrics: metrics)
            if let secondaryScale {
                secondaryTicks = fittedTicks(
                    scale: secondaryScale, length: plotWidth, measurer: measurer, vertical: false, metrics: metrics)
            }
            // Keep the outer labels inside the chart.
            var overRight = 0.0
            var overLeft = 0.0
            for (ticks, scale) in [(xTicks, xScale)] + (secondaryScale.map { [(secondaryTicks, $0)] } ?? []) {
                for tick in ticks.major {
                    guard let label = tick.label, let f = scale.fraction(of: tick.value) else { continue }
                    let half = PlacedText(
                        label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true
                    ).metrics.width / 2
                    let x = left + f * plotWidth
                    overRight = max(overRight, x + half - (w - pad))
                    overLeft = max(overLeft, pad - (x - half))
                }
            }
            if overRight <= 0.5 && overLeft <= 0.5 { break }
            right += max(0, overRight)
            left += max(0, overLeft)
        }
        rects = panelRects(left: left, right: right, multipliers: multipliers)
        let plotWidth = rects[0].width
        let centreX = left + plotWidth / 2

        /// Centres a line over the plot, kept inside the chart.
        func centred(_ text: inout PlacedText) {
            text.origin.x = min(max(pad, centreX - text.metrics.width / 2), max(pad, w - pad - text.metrics.width))
            text.alignment = .middle
        }
        for i in titleLines.indices { centred(&titleLines[i]) }

        // x texts.
        let bottomRect = rects[rects.count - 1]
        func xPos(_ v: Double) -> Double? {
            xScale.fraction(of: v).map { left + $0 * plotWidth }
        }
        let xMajor = xTicks.major.compactMap { xPos($0.value) }
        let xMinor = xTicks.minor.compactMap(xPos)
        let xBaseline = bottomRect.maxY + metrics.tickLength + metrics.tickLabelGap + tickM.capHeight
        let xTickLabels: [PlacedText] = xTicks.major.compactMap { tick in
            guard let label = tick.label, let x = xPos(tick.value) else { return nil }
            var text = PlacedText(
                label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
            text.origin = Point(x: x - text.metrics.width / 2, y: xBaseline)
            text.alignment = .middle
            return text
        }
        var xLabel: [PlacedText] = []
        var xLabelBaseline = h - pad - measurer.measure("Ag", style: metrics.axisLabel).descent
        if let fitted = xLabelFit {
            var texts = fitted.lines.map { PlacedText($0, style: fitted.style, role: .axisLabel, measurer: measurer) }
            var baseline = h - pad - (texts.last?.metrics.descent ?? 0)
            xLabelBaseline = baseline
            for i in texts.indices.reversed() {
                texts[i].origin.y = baseline
                centred(&texts[i])
                baseline -= texts[i].metrics.height + metrics.lineGap
            }
            xLabel = texts
        }
        var xMultiplier: PlacedText?
        if let mult = xTicks.multiplier {
            var placed = PlacedText(
                mult, style: metrics.tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
            placed.origin = Point(
                x: left + plotWidth - placed.metrics.width,
                y: xLabelFit != nil
                    ? xLabelBaseline : xBaseline + tickM.descent + metrics.multiplierGap + placed.metrics.ascent)
            placed.alignment = .end
            xMultiplier = placed
        }

        // The secondary axis, above the top panel.
        var secondaryLayout: SecondaryAxisLayout?
        if let secondaryScale {
            let topRect = rects[0]
            func sPos(_ v: Double) -> Double? { secondaryScale.fraction(of: v).map { left + $0 * plotWidth } }
            let baseline = topRect.minY - metrics.tickLength - metrics.tickLabelGap
            let labels: [PlacedText] = secondaryTicks.major.compactMap { tick in
                guard let label = tick.label, let x = sPos(tick.value) else { return nil }
                var text = PlacedText(
                    label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
                text.origin = Point(x: x - text.metrics.width / 2, y: baseline)
                text.alignment = .middle
                return text
            }
            var titleTexts: [PlacedText] = []
            var titleBottom = baseline - tickM.capHeight - metrics.axisLabelGap
            if let fitted = secondaryLabelFit {
                titleTexts = fitted.lines.map { PlacedText($0, style: fitted.style, role: .axisLabel, measurer: measurer) }
                for i in titleTexts.indices.reversed() {
                    titleTexts[i].origin.y = titleBottom - titleTexts[i].metrics.descent
                    centred(&titleTexts[i])
                    titleBottom -= titleTexts[i].metrics.height + metrics.lineGap
                }
            }
            var multiplier: PlacedText?
            if let mult = secondaryTicks.multiplier {
                var placed = PlacedText(
                    mult, style: metrics.tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
                // At the right end of the title row (or above the tick labels).
                let rowBaseline = secondaryLabelFit != nil
                    ? (titleTexts.last?.origin.y ?? baseline)
                    : baseline - tickM.capHeight - metrics.multiplierGap - placed.metrics.descent
                placed.origin = Point(x: left + plotWidth - placed.metrics.width, y: rowBaseline)
                placed.alignment = .end
                multiplier = placed
            }
            secondaryLayout = SecondaryAxisLayout(
                scale: secondaryScale, ticks: secondaryTicks,
                majorPositions: secondaryTicks.major.compactMap { sPos($0.value) },
                minorPositions: secondaryTicks.minor.compactMap(sPos), tickLabels: labels, label: titleTexts,
                multiplier: multiplier)
        }

        // Panels.
        var panels: [PanelLayout] = []
        var omittedMarkers: [String] = []
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
                    label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
                text.origin = Point(
                    x: rect.minX - metrics.tickLength - metrics.tickLabelGap - text.metrics.width,
                    y: y + text.metrics.capHeight / 2)
                text.alignment = .end
                return text
            }
            var yLabel: [PlacedText] = []
            if let (fitted, interval) = yLabelFits[p] {
                // Lines left to right, each centred on the panel within its interval.
                var x = pad
                for line in fitted.lines {
                    var placed = PlacedText(line, style: fitted.style, role: .axisLabel, rotated: true, measurer: measurer)
                    let half = placed.metrics.width / 2
                    let centre = min(max(rect.minY + rect.height / 2, interval.lowerBound + half), interval.upperBound - half)
                    placed.origin = Point(x: x + placed.metrics.ascent, y: centre + half)
                    placed.alignment = .middle
                    x += placed.metrics.height + metrics.lineGap
                    yLabel.append(placed)
                }
            }
            var yMultiplier: PlacedText?
            if let mult = ticks.multiplier {
                var placed = PlacedText(
                    mult, style: metrics.tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
                let above = p == 0 ? secondaryBlock : 0
                placed.origin = Point(x: rect.minX, y: rect.minY - above - metrics.multiplierGap - placed.metrics.descent)
                yMultiplier = placed
            }
            let series = panel.series.enumerated().map { i, s in
                SeriesLayout.build(
                    s, color: s.color ?? chart.theme.seriesColor(i), dash: s.dash ?? Theme.seriesDash(i),
                    lineWidth: s.lineWidth ?? metrics.seriesWidth, plot: rect, xScale: xScale, yScale: yScale,
                    deviceScale: deviceScale)
            }
            let (markers, omitted) = MarkerLayout.make(
                panel.markers, plot: rect, xPosition: xPos, series: series, theme: chart.theme, metrics: metrics,
                deviceScale: deviceScale, measurer: measurer, fitting: &fitting)
            omittedMarkers += omitted
            let markerBoxes = markers.compactMap { $0.label?.bounds.expanded(by: metrics.markerHalo) }
            var legend: LegendLayout?
            if !legendRows[p].isEmpty {
                var rows = wantsOutside
                    ? outsideRows[p]
                    : LegendLayout.fitted(
                        legendRows[p], maxWidth: rect.width - 2 * metrics.legendInset, metrics: metrics,
                        fitting: &fitting, notices: &notices)
                // Too many entries for the panel's height: keep the first ones and a "+N more" row.
                let available = wantsOutside ? rect.height : rect.height - 2 * metrics.legendInset
                let capacity = LegendLayout.capacity(height: available, metrics: metrics, measurer: measurer)
                if rows.count > capacity {
                    let kept = max(0, capacity - 1)
                    rows = Array(rows.prefix(kept)) + [LegendLayout.Row(sample: .none, label: "+\(rows.count - kept) more")]
                }
                let size = LegendLayout.size(labels: rows.map(\.label), metrics: metrics, measurer: measurer)
                let placement: LegendPlacement
                if wantsOutside {
                    placement = .outsideRight
                } else if chart.legend == .auto {
                    placement = bestCorner(
                        size: size, plot: rect, series: series, obstacles: markerBoxes, metrics: metrics,
                        allowOutside: !forceInside)
                } else {
                    placement = chart.legend
                }
                let box = LegendLayout.box(placement, size: size, plot: rect, metrics: metrics)
                legend = LegendLayout.make(box: box, placement: placement, rows: rows, metrics: metrics, measurer: measurer)
            }
            panels.append(
                PanelLayout(
                    plot: rect, yScale: yScale, yTicks: ticks,
                    yMajorPositions: ticks.major.compactMap { yPos($0.value) },
                    yMinorPositions: ticks.minor.compactMap(yPos), yTickLabels: labels,
                    yLabel: yLabel, yMultiplier: yMultiplier, series: series,
                    markers: markers, legend: legend))
        }
        if !omittedMarkers.isEmpty { notices.append(.markerLabelsOmitted(omittedMarkers)) }
        return ChartLayout(
            width: w, height: h, metrics: metrics, title: titleLines, xScale: xScale, xTicks: xTicks,
            xMajorPositions: xMajor, xMinorPositions: xMinor, xTickLabels: xTickLabels,
            xLabel: xLabel, xMultiplier: xMultiplier, secondaryXAxis: secondaryLayout, panels: panels,
            notices: notices)
    }

    /// The y axis titles fitted to their panels: each centred on its panel and kept inside
    /// the chart; where two neighbours' titles would come closer than the axis-label gap,
    /// each gets the space up to the middle of the gap between their panels and is wrapped
    /// or shrunk to fit it. Returns, per panel, the fitted title and the interval its
    /// centre line may occupy (`nil` for no title).
    static func fitYLabels(
        _ chart: Chart, rects: [Rect], metrics: LayoutMetrics, measurer: any TextMeasurer,
        fit: (String, TextStyle, TextRole, Double, Int, Double) -> TextFitting.Fitted
    ) -> [(fitted: TextFitting.Fitted, interval: ClosedRange<Double>)?] {
        let pad = metrics.padding
        let h = chart.height
        let gap = metrics.axisLabelGap
        let texts = chart.panels.map { $0.yAxis.label.flatMap { $0.isEmpty ? nil : $0 } }
        // Natural extents: one line, full size, centred on the panel, inside the chart.
        let natural: [ClosedRange<Double>?] = zip(texts, rects).map { text, rect in
            guard let text else { return nil }
            let length = min(measurer.measure(text, style: metrics.axisLabel).width, max(0, h - 2 * pad))
            let centre = min(max(rect.minY + rect.height / 2, pad + length / 2), h - pad - length / 2)
            return (centre - length / 2)...(centre + length / 2)
        }
        var intervals: [ClosedRange<Double>] = rects.map { _ in pad...max(pad, h - pad) }
        var previous: Int?
        for i in rects.indices where natural[i] != nil {
            defer { previous = i }
            guard let j = previous, let a = natural[j], let b = natural[i] else { continue }
            let lower: Double
            let upper: Double
            if a.upperBound + gap > b.lowerBound {
                let middle = (rects[j].maxY + rects[i].minY) / 2
                lower = middle - gap / 2
                upper = middle + gap / 2
            } else {
                lower = b.lowerBound - gap
                upper = a.upperBound + gap
            }
            intervals[j] = intervals[j].lowerBound...max(intervals[j].lowerBound, min(intervals[j].upperBound, lower))
            intervals[i] = min(intervals[i].upperBound, max(intervals[i].lowerBound, upper))...intervals[i].upperBound
        }
        return texts.indices.map { i in
            guard let text = texts[i] else { return nil }
            let interval = intervals[i]
            let fitted = fit(text, metrics.axisLabel, .axisLabel, interval.upperBound - interval.lowerBound, 2, 0.8)
            return (fitted, interval)
        }
    }

    /// The inside corner whose legend box covers the least line length (ties: upper right,
    /// upper left, lower left, lower right), a marker label counting as much as a long line;
    /// `.outsideRight` when every corner covers some and `allowOutside`.
    static func bestCorner(
        size: (width: Double, height: Double), plot: Rect, series: [SeriesLayout], obstacles: [Rect] = [],
        metrics: LayoutMetrics = .standard, allowOutside: Bool = true
    ) -> LegendPlacement {
        var best = LegendPlacement.upperRight
        var bestCover = Double.infinity
        for candidate in [LegendPlacement.upperRight, .upperLeft, .lowerLeft, .lowerRight] {
            let box = LegendLayout.box(candidate, size: size, plot: plot, metrics: metrics).expanded(by: 3 * metrics.textScale)
            var cover = series.reduce(0) { $0 + $1.coveredLength(in: box) }
            cover += Double(obstacles.filter { $0.intersects(box) }.count) * plot.width
            if cover < bestCover {
                bestCover = cover
                best = candidate
            }
        }
        return bestCover < 1 || !allowOutside ? best : .outsideRight
    }
}
