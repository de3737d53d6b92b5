import Foundation

extension ChartLayout {
    /// One layout pass with the legends where `mode` says. The sections run top to bottom,
    /// then left to right: the vertical budget (title, secondary axis, x texts), panel
    /// heights and y ticks, y titles, the horizontal budget (y tick labels, outside legend,
    /// x ticks), the texts around the plots, and each panel's contents.
    static func make(
        _ chart: Chart, measurer: any TextMeasurer, deviceScale: Double, mode: LegendMode
    ) -> ChartLayout {
        let mode: LegendMode = chart.legend == .outsideRight ? .outsideRight : chart.legend == .below ? .below : mode
        var pass = LayoutPass(chart: chart, measurer: measurer, deviceScale: deviceScale)
        let vertical = pass.verticalBudget(legendBelow: mode == .below)
        var rows = pass.panelRows(vertical)
        let yLabels = fitYLabels(chart, rects: rows.rects, metrics: pass.metrics, measurer: measurer) {
            pass.fit($0, style: $1, role: $2, maxWidth: $3, maxLines: $4, minimumScale: $5)
        }
        let horizontal = pass.horizontalBudget(vertical, rows: rows, yLabels: yLabels, outsideLegend: mode == .outsideRight)
        rows.rects = pass.panelRects(vertical, left: horizontal.left, right: horizontal.right, multipliers: rows.multipliers)
        let frame = Frame(left: horizontal.left, plotWidth: rows.rects[0].width)
        let title = pass.placedTitle(vertical.title, frame: frame)
        let x = pass.xTexts(vertical, horizontal: horizontal, frame: frame, bottom: rows.rects[rows.rects.count - 1])
        let secondary = pass.secondaryAxis(vertical, ticks: horizontal.secondaryTicks, frame: frame, top: rows.rects[0])
        var panels: [PanelLayout] = []
        var omittedMarkers: [String] = []
        for p in chart.panels.indices {
            let (panel, omitted) = pass.panel(
                p, rect: rows.rects[p], scale: rows.scales[p], ticks: rows.ticks[p], yLabel: yLabels[p], vertical: vertical,
                horizontal: horizontal, frame: frame, mode: mode)
            panels.append(panel)
            omittedMarkers += omitted
        }
        if !omittedMarkers.isEmpty { pass.notices.append(.markerLabelsOmitted(omittedMarkers)) }
        return ChartLayout(
            width: chart.width, height: chart.height, metrics: pass.metrics, title: title, xScale: vertical.xScale,
            xTicks: horizontal.xTicks, xMajorPositions: x.major, xMinorPositions: x.minor, xTickLabels: x.tickLabels,
            xLabel: x.label, xMultiplier: x.multiplier, secondaryXAxis: secondary, panels: panels,
            notices: pass.notices)
    }

    /// The y axis titles fitted to their panels: each centred on its panel and kept inside
    /// the chart; where two neighbours' titles would come closer than the axis-label gap,
    /// each gets the space up to the middle of the gap between their panels and is wrapped
    /// or shrunk to fit it. Returns, per panel, the fitted title and the interval its
    /// centre line may occupy (`nil` for no title).
    static func fitYLabels(
        _ chart: Chart, rects: [Rect], metrics: LayoutMetrics, measurer: any TextMeasurer,
        fit: (String, TextStyle, TextRole, Double, Int, Double) -> TextFitting.Fitted
    ) -> [YLabelFit?] {
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
            // Where the upper title may end and the lower one begin.
            let upperEnd: Double
            let lowerStart: Double
            if a.upperBound + gap > b.lowerBound {
                let middle = (rects[j].maxY + rects[i].minY) / 2
                upperEnd = middle - gap / 2
                lowerStart = middle + gap / 2
            } else {
                upperEnd = b.lowerBound - gap
                lowerStart = a.upperBound + gap
            }
            intervals[j] = intervals[j].lowerBound...max(intervals[j].lowerBound, min(intervals[j].upperBound, upperEnd))
            intervals[i] = min(intervals[i].upperBound, max(intervals[i].lowerBound, lowerStart))...intervals[i].upperBound
        }
        return texts.indices.map { i in
            guard let text = texts[i] else { return nil }
            let interval = intervals[i]
            let fitted = fit(text, metrics.axisLabel, .axisLabel, interval.upperBound - interval.lowerBound, 2, 0.8)
            return YLabelFit(fitted: fitted, interval: interval)
        }
    }

    /// A y title fitted to its panel and the interval its centre line may occupy.
    struct YLabelFit {
        var fitted: TextFitting.Fitted
        var interval: ClosedRange<Double>
    }

    /// The inside corner whose legend box covers the least line length (ties: upper right,
    /// upper left, lower left, lower right); `.outsideRight` when every corner covers some
    /// and `allowOutside`. (Marker labels are placed after the legend, around it.)
    static func bestCorner(
        size: (width: Double, height: Double), plot: Rect, series: [SeriesLayout],
        metrics: LayoutMetrics = .standard, allowOutside: Bool = true
    ) -> LegendPlacement {
        var best = LegendPlacement.upperRight
        var bestCover = Double.infinity
        for candidate in [LegendPlacement.upperRight, .upperLeft, .lowerLeft, .lowerRight] {
            let box = LegendLayout.box(candidate, size: size, plot: plot, metrics: metrics).expanded(by: 3 * metrics.textScale)
            let cover = series.reduce(0) { $0 + $1.coveredLength(in: box) }
            if cover < bestCover {
                bestCover = cover
                best = candidate
            }
        }
        return bestCover < 1 || !allowOutside ? best : .outsideRight
    }

    /// Where the plots are horizontally.
    struct Frame {
        /// The plots' left edge.
        var left: Double
        /// Their width.
        var plotWidth: Double
        /// The middle over the plots.
        var centreX: Double { left + plotWidth / 2 }

        /// The x position (px) of a value on `scale`, or `nil` when it cannot be drawn.
        func x(_ value: Double, on scale: any PlotScale) -> Double? {
            scale.fraction(of: value).map { left + $0 * plotWidth }
        }
    }
}
