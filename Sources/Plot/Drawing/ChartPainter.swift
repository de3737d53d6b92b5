/// Draws a ``ChartLayout`` on a ``ChartCanvas``, back to front.
///
/// Axis, grid and tick lines are snapped to the device pixel grid (`deviceScale` device
/// pixels per CSS px): a 1 px line at scale 1 sits on a half-pixel centre, at scale 2 it is two
/// device pixels wide on whole-pixel edges — crisp in both. Series lines are antialiased and
/// clipped to the plot area.
struct ChartPainter {
    /// Colours.
    let theme: Theme
    /// Device pixels per CSS px, for snapping.
    let deviceScale: Double
    /// Whether to paint the background.
    let background: Bool

    /// Draws everything.
    func paint<C: ChartCanvas>(_ layout: ChartLayout, on canvas: inout C) {
        if background {
            canvas.fill(Rect(x: 0, y: 0, width: layout.width, height: layout.height), color: theme.background, opacity: 1)
        }
        let keys = Self.seriesKeys(layout)
        for (index, panel) in layout.panels.enumerated() {
            paintPanel(panel, index: index, layout: layout, keys: keys[index], on: &canvas)
        }
        for text in layout.xTickLabels { paintText(text, on: &canvas) }
        for text in layout.xLabel { paintText(text, on: &canvas) }
        if let t = layout.xMultiplier { paintText(t, on: &canvas) }
        if let secondary = layout.secondaryXAxis {
            for text in secondary.tickLabels + secondary.label { paintText(text, on: &canvas) }
            if let t = secondary.multiplier { paintText(t, on: &canvas) }
        }
        for text in layout.title { paintText(text, on: &canvas) }
    }

    /// For each panel, each series' index among the chart's distinct series labels (a series
    /// shown in several panels has one key).
    static func seriesKeys(_ layout: ChartLayout) -> [[Int]] {
        var keys: [String: Int] = [:]
        return layout.panels.map { panel in
            panel.series.map { s in
                if let k = keys[s.label] { return k }
                keys[s.label] = keys.count
                return keys.count - 1
            }
        }
    }

    private func paintPanel<C: ChartCanvas>(
        _ panel: PanelLayout, index: Int, layout: ChartLayout, keys: [Int], on canvas: inout C
    ) {
        let metrics = layout.metrics
        let plot = panel.plot
        let (left, lineWidth) = snap(plot.minX, width: metrics.frameWidth)
        let (right, _) = snap(plot.maxX, width: metrics.frameWidth)
        let (topEdge, _) = snap(plot.minY, width: metrics.frameWidth)
        let (bottomEdge, _) = snap(plot.maxY, width: metrics.frameWidth)

        // Grid.
        var grid: [(Point, Point)] = []
        for y in panel.yMajorPositions {
            let (sy, _) = snap(y, width: metrics.frameWidth)
            guard sy > topEdge + 0.5, sy < bottomEdge - 0.5 else { continue }
            grid.append((Point(x: left, y: sy), Point(x: right, y: sy)))
        }
        for x in layout.xMajorPositions {
            let (sx, _) = snap(x, width: metrics.frameWidth)
            guard sx > left + 0.5, sx < right - 0.5 else { continue }
            grid.append((Point(x: sx, y: topEdge), Point(x: sx, y: bottomEdge)))
        }
        canvas.strokeSegments(grid, color: theme.grid, width: lineWidth, dash: [])

        // Marker rules: dotted (phases) or dashed (annotations), grouped by style.
        if !panel.markers.isEmpty {
            canvas.beginGroup(.markers(panel: index))
            var styles: [(kind: Marker.Kind, color: RGBColor, rules: [(Point, Point)])] = []
            for marker in panel.markers {
                let (sx, _) = snap(marker.x, width: metrics.frameWidth)
                let rule = (Point(x: sx, y: topEdge), Point(x: sx, y: bottomEdge))
                if let i = styles.firstIndex(where: { $0.kind == marker.kind && $0.color == marker.color }) {
                    styles[i].rules.append(rule)
                } else {
                    styles.append((marker.kind, marker.color, [rule]))
                }
            }
            for style in styles {
                canvas.strokeSegments(
                    style.rules, color: style.color, width: lineWidth,
                    dash: style.kind == .annotation ? metrics.annotationDash : metrics.markerDash)
            }
            canvas.endGroup()
        }

        // Series, clipped to the plot area: bands under every line.
        canvas.beginGroup(.plot(panel: index))
        canvas.beginClip(plot)
        for (i, series) in panel.series.enumerated() where !series.bandPolygons.isEmpty {
            canvas.beginGroup(.series(panel: index, series: i, key: keys[i]))
            for polygon in series.bandPolygons where !polygon.isEmpty {
                canvas.fillPolygon(polygon, color: series.color, opacity: 0.2)
            }
            canvas.endGroup()
        }
        for (i, series) in panel.series.enumerated() {
            canvas.beginGroup(.series(panel: index, series: i, key: keys[i]))
            if series.isPoints {
                paintPoints(series.marks, of: series, on: &canvas)
            } else if !series.runs.isEmpty {
                canvas.strokeLines(
                    series.runs, color: series.color, width: series.lineWidth,
                    dash: series.dash.pattern(lineWidth: series.lineWidth))
            }
            canvas.endGroup()
        }
        canvas.endClip()
        canvas.endGroup()

        // Frame and ticks (x ticks under every panel, labels only under the bottom one).
        canvas.strokeFrame(Rect(x: left, y: topEdge, width: right - left, height: bottomEdge - topEdge), color: theme.frame, width: lineWidth)
        let half = lineWidth / 2
        var ticks: [(Point, Point)] = []
        for (positions, length) in [
            (panel.yMajorPositions, metrics.tickLength), (panel.yMinorPositions, metrics.minorTickLength),
        ] {
            for y in positions {
                let (sy, _) = snap(y, width: metrics.frameWidth)
                guard sy >= topEdge - 0.5, sy <= bottomEdge + 0.5 else { continue }
                ticks.append((Point(x: left - half, y: sy), Point(x: left - half - length, y: sy)))
            }
        }
        for (positions, length) in [
            (layout.xMajorPositions, metrics.tickLength), (layout.xMinorPositions, metrics.minorTickLength),
        ] {
            for x in positions {
                let (sx, _) = snap(x, width: metrics.frameWidth)
                guard sx >= left - 0.5, sx <= right + 0.5 else { continue }
                ticks.append((Point(x: sx, y: bottomEdge + half), Point(x: sx, y: bottomEdge + half + length)))
            }
        }
        if index == 0, let secondary = layout.secondaryXAxis {
            for (positions, length) in [
                (secondary.majorPositions, metrics.tickLength), (secondary.minorPositions, metrics.minorTickLength),
            ] {
                for x in positions {
                    let (sx, _) = snap(x, width: metrics.frameWidth)
                    guard sx >= left - 0.5, sx <= right + 0.5 else { continue }
                    ticks.append((Point(x: sx, y: topEdge - half), Point(x: sx, y: topEdge - half - length)))
                }
            }
        }
        canvas.strokeSegments(ticks, color: theme.frame, width: lineWidth, dash: [])

        for text in panel.yTickLabels { paintText(text, on: &canvas) }
        for text in panel.yLabel { paintText(text, on: &canvas) }
        if let t = panel.yMultiplier { paintText(t, on: &canvas) }
        let labels = panel.markerLabels
        if !labels.isEmpty {
            canvas.beginGroup(.markers(panel: index))
            for text in labels {
                // A soft halo in the background colour keeps the label legible over lines.
                canvas.fill(text.bounds.expanded(by: metrics.markerHalo), color: theme.background, opacity: 0.65)
                paintText(text, on: &canvas)
            }
            canvas.endGroup()
        }
        if let legend = panel.legend {
            paintLegend(legend, panel: index, series: panel.series, keys: keys, metrics: metrics, on: &canvas)
        }
    }

    private func paintLegend<C: ChartCanvas>(
        _ legend: LegendLayout, panel: Int, series: [SeriesLayout], keys: [Int], metrics: LayoutMetrics,
        on canvas: inout C
    ) {
        canvas.beginGroup(.legend(panel: panel))
        let (x0, w) = snap(legend.box.minX, width: metrics.frameWidth)
        let (y0, _) = snap(legend.box.minY, width: metrics.frameWidth)
        let (x1, _) = snap(legend.box.maxX, width: metrics.frameWidth)
        let (y1, _) = snap(legend.box.maxY, width: metrics.frameWidth)
        canvas.roundedBox(
            Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0), radius: metrics.legendRadius,
            fill: theme.legendBackground, fillOpacity: 0.92, stroke: theme.legendBorder, width: w)
        for entry in legend.entries {
            let swatch = Rect(
                x: entry.sampleStart.x, y: entry.sampleStart.y - entry.swatchHeight / 2,
                width: entry.sampleEnd.x - entry.sampleStart.x, height: entry.swatchHeight)
            switch entry.sample {
            case .line(let i) where i < series.count:
                canvas.beginGroup(.legendEntry(key: keys[i]))
                let s = series[i]
                if s.hasBand { canvas.fill(swatch, color: s.color, opacity: 0.2) }
                if s.isPoints {
                    // One mark in the middle of the sample, as matplotlib's legend shows it.
                    let mid = Point(x: (entry.sampleStart.x + entry.sampleEnd.x) / 2, y: entry.sampleStart.y)
                    paintPoints([PointMark(mid)], of: s, on: &canvas)
                } else {
                    canvas.strokeLines(
                        [[entry.sampleStart, entry.sampleEnd]], color: s.color, width: s.lineWidth,
                        dash: s.dash.pattern(lineWidth: s.lineWidth))
                }
            case .band(let i):
                canvas.beginGroup(.legendEntry(key: nil))
                let color = i.flatMap { $0 < series.count ? series[$0].color : nil } ?? theme.marker
                canvas.fill(swatch, color: color, opacity: 0.2)
            default:
                canvas.beginGroup(.legendEntry(key: nil))
            }
            paintText(entry.text, on: &canvas)
            canvas.endGroup()
        }
        canvas.endGroup()
    }

    /// The marks of a points series: discs, or rings half a line width wide whose outer edge
    /// is the disc's.
    private func paintPoints<C: ChartCanvas>(_ marks: [PointMark], of series: SeriesLayout, on canvas: inout C) {
        switch series.pointShape {
        case .filledCircle, nil:
            canvas.pointMarks(marks, radius: series.pointRadius, color: series.color, ringWidth: nil)
        case .hollowCircle:
            let ring = series.lineWidth / 2
            canvas.pointMarks(marks, radius: series.pointRadius - ring / 2, color: series.color, ringWidth: ring)
        }
    }

    private func paintText<C: ChartCanvas>(_ text: PlacedText, on canvas: inout C) {
        canvas.text(text, color: text.color ?? color(for: text.role))
    }

    private func color(for role: TextRole) -> RGBColor {
        switch role {
        case .title, .axisLabel, .legend: return theme.text
        case .tick: return theme.tickText
        case .marker: return theme.marker
        }
    }

    /// The centre of a line of `width` CSS px nearest to `v` whose edges fall on device pixel
    /// boundaries, and the width rounded to whole device pixels (at least one).
    func snap(_ v: Double, width: Double) -> (Double, Double) {
        let s = deviceScale
        let deviceWidth = max(1, (width * s).rounded())
        let centre = ((v * s - deviceWidth / 2).rounded() + deviceWidth / 2) / s
        return (centre, deviceWidth / s)
    }
}
