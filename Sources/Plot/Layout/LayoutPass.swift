/// The state one layout pass shares between its sections (see
/// ``ChartLayout/make(_:measurer:deviceScale:outside:forceInside:)``): the chart, its
/// metrics, the text fitter and the notices gathered so far.
struct LayoutPass {
    let chart: Chart
    let measurer: any TextMeasurer
    let deviceScale: Double
    let metrics: LayoutMetrics
    var fitting: TextFitting
    var notices: [LayoutNotice] = []
    /// Metrics of a tick label ("0").
    let tickM: TextMetrics
    var pad: Double { metrics.padding }

    init(chart: Chart, measurer: any TextMeasurer, deviceScale: Double) {
        self.chart = chart
        self.measurer = measurer
        self.deviceScale = deviceScale
        metrics = LayoutMetrics(chart)
        fitting = TextFitting(measurer: measurer)
        tickM = measurer.measure("0", style: metrics.tickLabel)
    }

    /// Fits a text, reporting it when it had to be shortened.
    mutating func fit(
        _ text: String, style: TextStyle, role: TextRole, maxWidth: Double, maxLines: Int, minimumScale: Double
    ) -> TextFitting.Fitted {
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

    static func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }

    // MARK: - Vertical budget

    /// What the vertical budget decided: the title's lines (placed vertically), the space
    /// above the plots and below them, the x scale, and the secondary axis' scale and title.
    struct Vertical {
        var title: [PlacedText]
        /// Where the plots (or the secondary axis above them) may start.
        var top: Double
        /// Room below the bottom plot: ticks, tick labels, the x title.
        var bottom: Double
        var xScale: any PlotScale
        var xLabel: TextFitting.Fitted?
        var secondaryScale: (any PlotScale)?
        var secondaryLabel: TextFitting.Fitted?
        /// Height of the secondary axis above the top plot (0 without one).
        var secondaryBlock: Double
        /// The legend under the x title, when legends go below.
        var below: BelowLegend?
    }

    /// A legend under the chart: its rows, in a grid of `columns` columns.
    struct BelowLegend {
        var panel: Int
        var rows: [LegendLayout.Row]
        var columns: Int
        var size: (width: Double, height: Double)
    }

    /// The title (wrapped onto up to three lines, shrunk to 75 %), the x title (two lines,
    /// 80 %), the secondary axis' block above the plots, and (`legendBelow`) the legend under
    /// the x title.
    mutating func verticalBudget(legendBelow: Bool) -> Vertical {
        let w = chart.width
        var top = pad
        var title: [PlacedText] = []
        if let t = Self.nonEmpty(chart.title) {
            let fitted = fit(t, style: metrics.title, role: .title, maxWidth: w - 2 * pad, maxLines: 3, minimumScale: 0.75)
            for (i, line) in fitted.lines.enumerated() {
                var text = PlacedText(line, style: fitted.style, role: .title, measurer: measurer)
                if i > 0 { top += metrics.lineGap }
                text.origin = Point(x: 0, y: top + text.metrics.ascent)
                top += text.metrics.height
                title.append(text)
            }
            top += metrics.titleGap
        }
        let xDomain = ChartLayout.xDomain(chart)
        let xScale = ChartLayout.scale(for: chart.xAxis, domain: xDomain)
        let xLabel = Self.nonEmpty(chart.xAxis.label).map {
            fit($0, style: metrics.axisLabel, role: .axisLabel, maxWidth: w - 2 * pad, maxLines: 2, minimumScale: 0.8)
        }
        // The x multiplier is known only after the ticks; the x title's row is reserved.
        var bottom = pad + metrics.tickLength + metrics.tickLabelGap + tickM.capHeight + tickM.descent
        if let f = xLabel { bottom += metrics.axisLabelGap + blockHeight(f) }
        var below: BelowLegend?
        if legendBelow, let p = chart.panels.indices.first(where: { chart.legend != .none && !LegendLayout.rows(for: chart.panels[$0], showsLines: chart.panels[$0].showsLegend).isEmpty }) {
            let rows = LegendLayout.fitted(
                LegendLayout.rows(for: chart.panels[p], showsLines: chart.panels[p].showsLegend), maxWidth: w - 2 * pad,
                metrics: metrics, fitting: &fitting, notices: &notices)
            let (columns, size) = LegendLayout.grid(labels: rows.map(\.label), maxWidth: w - 2 * pad, metrics: metrics, measurer: measurer)
            below = BelowLegend(panel: p, rows: rows, columns: columns, size: size)
            bottom += size.height + metrics.axisLabelGap
        }

        var secondaryScale: (any PlotScale)?
        var secondaryLabel: TextFitting.Fitted?
        var secondaryBlock = 0.0
        if let secondary = chart.secondaryXAxis {
            let lo = xDomain.lowerBound / secondary.divisor
            let hi = xDomain.upperBound / secondary.divisor
            if lo.isFinite, hi.isFinite, lo < hi {
                secondaryScale = ChartLayout.scale(
                    for: Axis(scale: chart.xAxis.scale, integerTicks: secondary.integerTicks), domain: lo...hi)
                secondaryBlock = metrics.tickLength + metrics.tickLabelGap + tickM.capHeight
                if let label = Self.nonEmpty(secondary.label) {
                    let f = fit(label, style: metrics.axisLabel, role: .axisLabel, maxWidth: w - 2 * pad, maxLines: 2, minimumScale: 0.8)
                    secondaryLabel = f
                    secondaryBlock += metrics.axisLabelGap + blockHeight(f)
                }
            }
        }
        return Vertical(
            title: title, top: top, bottom: bottom, xScale: xScale, xLabel: xLabel, secondaryScale: secondaryScale,
            secondaryLabel: secondaryLabel, secondaryBlock: secondaryBlock, below: below)
    }

    // MARK: - Panel heights and y ticks

    /// The panels' rectangles, their y scales and ticks, and which have a ×10ⁿ row above.
    struct Rows {
        var rects: [Rect]
        var scales: [any PlotScale]
        var ticks: [TickSet]
        var multipliers: [Bool]
    }

    /// The row of a ×10ⁿ multiplier above a panel.
    var multiplierRow: Double { measurer.measure("×10⁻⁵", style: metrics.tickLabel).height + metrics.multiplierGap }

    /// The panels' rectangles between `left` and `right` margins: the height left by the
    /// vertical budget, the gaps and the multiplier rows, shared by weight.
    func panelRects(_ v: Vertical, left: Double, right: Double, multipliers: [Bool]) -> [Rect] {
        // Weights relative to the largest, so that their sum cannot overflow.
        let largestWeight = chart.panels.map(\.weight).max() ?? 1
        let totalWeight = chart.panels.map { $0.weight / largestWeight }.reduce(0, +)
        let row = multiplierRow
        var extra = 0.0
        for (i, has) in multipliers.enumerated() where has && i > 0 { extra += row }
        let topExtra = multipliers.first == true ? row : 0
        let gaps = Double(chart.panels.count - 1) * metrics.panelGap + extra
        let available = max(20, chart.height - v.top - topExtra - v.secondaryBlock - v.bottom - gaps)
        var y = v.top + topExtra + v.secondaryBlock
        var rects: [Rect] = []
        for (i, panel) in chart.panels.enumerated() {
            if i > 0 {
                y += metrics.panelGap + (multipliers[i] ? row : 0)
            }
            let ph = available * (panel.weight / largestWeight) / totalWeight
            rects.append(Rect(x: left, y: y, width: max(20, chart.width - left - right), height: ph))
            y += ph
        }
        return rects
    }

    /// Panel heights need the multiplier rows, which need the ticks, which need heights:
    /// ticks from an even split first, then once more with the multiplier rows.
    func panelRows(_ v: Vertical) -> Rows {
        let scales = chart.panels.map { ChartLayout.scale(for: $0.yAxis, domain: ChartLayout.yDomain($0)) }
        func ticks(_ rects: [Rect]) -> [TickSet] {
            zip(scales, rects).map { scale, rect in
                ChartLayout.fittedTicks(scale: scale, length: rect.height, measurer: measurer, vertical: true, metrics: metrics)
            }
        }
        var rects = panelRects(v, left: 0, right: 0, multipliers: chart.panels.map { _ in false })
        var tickSets = ticks(rects)
        let multipliers = tickSets.map { $0.multiplier != nil }
        if multipliers.contains(true) {
            rects = panelRects(v, left: 0, right: 0, multipliers: multipliers)
            tickSets = ticks(rects)
        }
        return Rows(rects: rects, scales: scales, ticks: tickSets, multipliers: multipliers)
    }

    // MARK: - Horizontal budget

    /// The margins and the x ticks that fit between them.
    struct Horizontal {
        var left: Double
        var right: Double
        var xTicks: TickSet
        var secondaryTicks: TickSet
        /// The outside legends' rows, fitted (empty when legends are inside).
        var outsideRows: [[LegendLayout.Row]]
        /// Every panel's legend rows before fitting.
        var legendRows: [[LegendLayout.Row]]
    }

    /// Left: padding, y titles, y tick labels, ticks. Right: padding and an outside legend
    /// (at most 40 % of the width, labels shortened with "…"). Then the x ticks (and the
    /// secondary ones), widening a margin where an outer label would leave the chart.
    mutating func horizontalBudget(_ v: Vertical, rows: Rows, yLabels: [ChartLayout.YLabelFit?], outsideLegend: Bool) -> Horizontal {
        let w = chart.width
        let maxYLabel = rows.ticks.flatMap { $0.major.compactMap(\.label) }
            .map {
                PlacedText($0, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
                    .metrics.width
            }.max() ?? 0
        var left = pad + maxYLabel + metrics.tickLabelGap + metrics.tickLength
        if let block = yLabels.compactMap({ $0.map { blockHeight($0.fitted) } }).max() {
            left += block + metrics.axisLabelGap
        }
        let legendRows = chart.panels.map { chart.legend == .none ? [] : LegendLayout.rows(for: $0, showsLines: $0.showsLegend) }
        var outsideRows: [[LegendLayout.Row]] = []
        var right = pad
        if outsideLegend {
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
            xTicks = ChartLayout.fittedTicks(scale: v.xScale, length: plotWidth, measurer: measurer, vertical: false, metrics: metrics)
            if let s = v.secondaryScale {
                secondaryTicks = ChartLayout.fittedTicks(scale: s, length: plotWidth, measurer: measurer, vertical: false, metrics: metrics)
            }
            // Keep the outer labels inside the chart.
            var overRight = 0.0
            var overLeft = 0.0
            for (ticks, scale) in [(xTicks, v.xScale)] + (v.secondaryScale.map { [(secondaryTicks, $0)] } ?? []) {
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
        return Horizontal(
            left: left, right: right, xTicks: xTicks, secondaryTicks: secondaryTicks, outsideRows: outsideRows,
            legendRows: legendRows)
    }

    // MARK: - Texts around the plots

    /// A line centred over the plots, kept inside the chart.
    func centred(_ text: PlacedText, frame: ChartLayout.Frame) -> PlacedText {
        var t = text
        t.origin.x = min(max(pad, frame.centreX - t.metrics.width / 2), max(pad, chart.width - pad - t.metrics.width))
        t.alignment = .middle
        return t
    }

    /// The title's lines centred over the plots.
    func placedTitle(_ lines: [PlacedText], frame: ChartLayout.Frame) -> [PlacedText] {
        lines.map { centred($0, frame: frame) }
    }

    /// The x axis' texts and tick positions.
    struct XTexts {
        var major: [Double]
        var minor: [Double]
        var tickLabels: [PlacedText]
        var label: [PlacedText]
        var multiplier: PlacedText?
    }

    /// Tick labels under the bottom plot, the x title at the chart's bottom, and the ×10ⁿ
    /// multiplier at the right end of the title's row (or under the tick labels).
    func xTexts(_ v: Vertical, horizontal: Horizontal, frame: ChartLayout.Frame, bottom bottomRect: Rect) -> XTexts {
        let h = chart.height
        let ticks = horizontal.xTicks
        let major = ticks.major.compactMap { frame.x($0.value, on: v.xScale) }
        let minor = ticks.minor.compactMap { frame.x($0, on: v.xScale) }
        let baseline = bottomRect.maxY + metrics.tickLength + metrics.tickLabelGap + tickM.capHeight
        let tickLabels: [PlacedText] = ticks.major.compactMap { tick in
            guard let label = tick.label, let x = frame.x(tick.value, on: v.xScale) else { return nil }
            var text = PlacedText(label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
            text.origin = Point(x: x - text.metrics.width / 2, y: baseline)
            text.alignment = .middle
            return text
        }
        var label: [PlacedText] = []
        // Above the legend when it is below.
        let floor = h - pad - (v.below.map { $0.size.height + metrics.axisLabelGap } ?? 0)
        var labelBaseline = floor - measurer.measure("Ag", style: metrics.axisLabel).descent
        if let fitted = v.xLabel {
            var texts = fitted.lines.map { PlacedText($0, style: fitted.style, role: .axisLabel, measurer: measurer) }
            var y = floor - (texts.last?.metrics.descent ?? 0)
            labelBaseline = y
            for i in texts.indices.reversed() {
                texts[i].origin.y = y
                texts[i] = centred(texts[i], frame: frame)
                y -= texts[i].metrics.height + metrics.lineGap
            }
            label = texts
        }
        var multiplier: PlacedText?
        if let mult = ticks.multiplier {
            var placed = PlacedText(mult, style: metrics.tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
            placed.origin = Point(
                x: frame.left + frame.plotWidth - placed.metrics.width,
                y: v.xLabel != nil
                    ? labelBaseline : baseline + tickM.descent + metrics.multiplierGap + placed.metrics.ascent)
            placed.alignment = .end
            multiplier = placed
        }
        return XTexts(major: major, minor: minor, tickLabels: tickLabels, label: label, multiplier: multiplier)
    }

    /// The secondary axis above the top plot: tick labels, its title above them, its ×10ⁿ
    /// multiplier at the right end of the title's row.
    func secondaryAxis(_ v: Vertical, ticks: TickSet, frame: ChartLayout.Frame, top topRect: Rect) -> SecondaryAxisLayout? {
        guard let scale = v.secondaryScale else { return nil }
        let baseline = topRect.minY - metrics.tickLength - metrics.tickLabelGap
        let labels: [PlacedText] = ticks.major.compactMap { tick in
            guard let label = tick.label, let x = frame.x(tick.value, on: scale) else { return nil }
            var text = PlacedText(label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
            text.origin = Point(x: x - text.metrics.width / 2, y: baseline)
            text.alignment = .middle
            return text
        }
        var title: [PlacedText] = []
        var titleBottom = baseline - tickM.capHeight - metrics.axisLabelGap
        if let fitted = v.secondaryLabel {
            title = fitted.lines.map { PlacedText($0, style: fitted.style, role: .axisLabel, measurer: measurer) }
            for i in title.indices.reversed() {
                title[i].origin.y = titleBottom - title[i].metrics.descent
                title[i] = centred(title[i], frame: frame)
                titleBottom -= title[i].metrics.height + metrics.lineGap
            }
        }
        var multiplier: PlacedText?
        if let mult = ticks.multiplier {
            var placed = PlacedText(mult, style: metrics.tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
            let rowBaseline = v.secondaryLabel != nil
                ? (title.last?.origin.y ?? baseline)
                : baseline - tickM.capHeight - metrics.multiplierGap - placed.metrics.descent
            placed.origin = Point(x: frame.left + frame.plotWidth - placed.metrics.width, y: rowBaseline)
            placed.alignment = .end
            multiplier = placed
        }
        return SecondaryAxisLayout(
            scale: scale, ticks: ticks, majorPositions: ticks.major.compactMap { frame.x($0.value, on: scale) },
            minorPositions: ticks.minor.compactMap { frame.x($0, on: scale) }, tickLabels: labels, label: title,
            multiplier: multiplier)
    }

    // MARK: - Panels

    /// Panel `p`: y tick labels, its y title, multiplier, lines, markers and legend; and the
    /// marker labels left out.
    mutating func panel(
        _ p: Int, rect: Rect, scale yScale: any PlotScale, ticks: TickSet, yLabel: ChartLayout.YLabelFit?, vertical: Vertical,
        horizontal: Horizontal, frame: ChartLayout.Frame, mode: ChartLayout.LegendMode
    ) -> (PanelLayout, omitted: [String]) {
        let panel = chart.panels[p]
        func yPos(_ v: Double) -> Double? {
            yScale.fraction(of: v).map { rect.maxY - $0 * rect.height }
        }
        let labels: [PlacedText] = ticks.major.compactMap { tick in
            guard let label = tick.label, let y = yPos(tick.value) else { return nil }
            var text = PlacedText(label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true)
            text.origin = Point(
                x: rect.minX - metrics.tickLength - metrics.tickLabelGap - text.metrics.width,
                y: y + text.metrics.capHeight / 2)
            text.alignment = .end
            return text
        }
        var title: [PlacedText] = []
        if let yLabel {
            // Lines left to right, each centred on the panel within its interval.
            var x = pad
            for line in yLabel.fitted.lines {
                var placed = PlacedText(line, style: yLabel.fitted.style, role: .axisLabel, rotated: true, measurer: measurer)
                let half = placed.metrics.width / 2
                let centre = min(max(rect.minY + rect.height / 2, yLabel.interval.lowerBound + half), yLabel.interval.upperBound - half)
                placed.origin = Point(x: x + placed.metrics.ascent, y: centre + half)
                placed.alignment = .middle
                x += placed.metrics.height + metrics.lineGap
                title.append(placed)
            }
        }
        var multiplier: PlacedText?
        if let mult = ticks.multiplier {
            var placed = PlacedText(mult, style: metrics.tickLabel, role: .axisLabel, measurer: measurer, typesetExponent: true)
            let above = p == 0 ? vertical.secondaryBlock : 0
            placed.origin = Point(x: rect.minX, y: rect.minY - above - metrics.multiplierGap - placed.metrics.descent)
            multiplier = placed
        }
        let series = panel.series.enumerated().map { i, s in
            SeriesLayout.build(
                s, color: s.color ?? chart.theme.seriesColor(i), dash: s.dash ?? Theme.seriesDash(i),
                lineWidth: s.lineWidth ?? metrics.seriesWidth, plot: rect, xScale: vertical.xScale, yScale: yScale,
                deviceScale: deviceScale)
        }
        // The legend first: marker labels make way for it.
        let legend = mode == .below
            ? vertical.below.flatMap { $0.panel == p ? belowLegend($0, frame: frame) : nil }
            : self.legend(p, rect: rect, series: series, horizontal: horizontal, mode: mode)
        let (markers, omitted, shortened) = MarkerLayout.make(
            panel.markers, plot: rect, xPosition: { frame.x($0, on: vertical.xScale) }, series: series,
            obstacles: legend.map { [$0.box.expanded(by: 2 * metrics.textScale)] } ?? [],
            theme: chart.theme, metrics: metrics, deviceScale: deviceScale, measurer: measurer, fitting: &fitting)
        for (full, shown) in shortened {
            let notice = LayoutNotice.textShortened(role: .marker, full: full, shown: shown)
            if !notices.contains(notice) { notices.append(notice) }
        }
        let layout = PanelLayout(
            plot: rect, yScale: yScale, yTicks: ticks, yMajorPositions: ticks.major.compactMap { yPos($0.value) },
            yMinorPositions: ticks.minor.compactMap(yPos), yTickLabels: labels, yLabel: title, yMultiplier: multiplier,
            series: series, markers: markers, legend: legend)
        return (layout, omitted)
    }

    /// Panel `p`'s legend: outside, in the given corner, or (auto) in the corner that hides
    /// the least of the lines; with too many rows for the panel, the first ones and a
    /// "+N more" row.
    mutating func legend(
        _ p: Int, rect: Rect, series: [SeriesLayout], horizontal: Horizontal, mode: ChartLayout.LegendMode
    ) -> LegendLayout? {
        let outside = mode == .outsideRight
        guard !horizontal.legendRows[p].isEmpty else { return nil }
        var rows = outside
            ? horizontal.outsideRows[p]
            : LegendLayout.fitted(
                horizontal.legendRows[p], maxWidth: rect.width - 2 * metrics.legendInset, metrics: metrics,
                fitting: &fitting, notices: &notices)
        let available = outside ? rect.height : rect.height - 2 * metrics.legendInset
        let capacity = LegendLayout.capacity(height: available, metrics: metrics, measurer: measurer)
        if rows.count > capacity {
            let kept = max(0, capacity - 1)
            rows = Array(rows.prefix(kept)) + [LegendLayout.Row(sample: .none, label: "+\(rows.count - kept) more")]
        }
        let size = LegendLayout.size(labels: rows.map(\.label), metrics: metrics, measurer: measurer)
        let placement: LegendPlacement
        if outside {
            placement = .outsideRight
        } else if chart.legend == .auto {
            placement = ChartLayout.bestCorner(size: size, plot: rect, series: series, metrics: metrics, allowOutside: mode != .forcedInside)
        } else {
            placement = chart.legend
        }
        let box = LegendLayout.box(placement, size: size, plot: rect, metrics: metrics)
        return LegendLayout.make(box: box, placement: placement, rows: rows, metrics: metrics, measurer: measurer)
    }

    /// The legend under the x title, centred under the plots and kept inside the chart.
    func belowLegend(_ below: BelowLegend, frame: ChartLayout.Frame) -> LegendLayout {
        let w = below.size.width
        let x = min(max(pad, frame.centreX - w / 2), max(pad, chart.width - pad - w))
        let box = Rect(x: x, y: chart.height - pad - below.size.height, width: w, height: below.size.height)
        return LegendLayout.make(box: box, placement: .below, rows: below.rows, columns: below.columns, metrics: metrics, measurer: measurer)
    }
}
