/// A series resolved for drawing: style and its decimated polylines in CSS px.
public struct SeriesLayout: Sendable {
    /// Legend text.
    public var label: String
    /// Line colour.
    public var color: RGBColor
    /// Dash pattern.
    public var dash: DashStyle
    /// Line width in CSS px.
    public var lineWidth: Double
    /// Polylines after M4 decimation; one per unbroken stretch of data.
    public var runs: [[Point]]
    /// Closed polygons of the series' band (upper edge forward, lower edge back), one per
    /// unbroken stretch; empty without a band.
    public var bandPolygons: [[Point]] = []
    /// Whether the series has a band (for the legend swatch).
    public var hasBand: Bool { !bandPolygons.isEmpty }
    /// The mark of a series drawn as ``DrawStyle/points``; `nil` for lines.
    public var pointShape: PointShape?
    /// Whether the series is drawn as points (``marks``) rather than lines (``runs``).
    public var isPoints: Bool { pointShape != nil }
    /// For a series drawn as points: its marks after ``PointDecimator`` thinning, those that
    /// reach into the plot; empty for lines.
    public var marks: [PointMark] = []
    /// The outer radius of each mark in CSS px: 1.25 line widths.
    public var pointRadius: Double { Self.pointRadius(lineWidth: lineWidth) }
    /// For each run, whether its x never decreases (most series): coverage queries then
    /// look only at the points near the box.
    var ascendingRuns: [Bool] = []

    /// Maps a series into `plot` and decimates it per device column (`deviceScale` device
    /// pixels per CSS px). Points with a non-finite x, or a y the scale cannot draw, break the
    /// line. With `.stepsPost` each value is held horizontally until the next point's x. With
    /// `.points` there is no line: see ``marks(_:plot:radius:deviceScale:x:y:)``.
    ///
    /// Segments are clipped (Liang–Barsky) to the plot grown by `lineWidth + 2` px, so that
    /// data far outside the axes (values near ±1e308 on a fixed domain, a subnormal span)
    /// leaves the frame at the true angle and never reaches Cairo as huge coordinates; the
    /// part inside the plot is drawn exactly as without clipping. A line that leaves the
    /// grown plot and comes back is broken there.
    static func build(
        _ series: Series, color: RGBColor, dash: DashStyle, lineWidth: Double, plot: Rect,
        xScale: any PlotScale, yScale: any PlotScale, deviceScale: Double
    ) -> SeriesLayout {
        let mapX = xScale.positioner(from: plot.minX, to: plot.maxX)
        let mapY = yScale.positioner(from: plot.maxY, to: plot.minY)
        if series.drawStyle == .points {
            var layout = SeriesLayout(label: series.label, color: color, dash: dash, lineWidth: lineWidth, runs: [])
            layout.pointShape = series.pointShape
            layout.marks = marks(
                series, plot: plot, radius: layout.pointRadius, deviceScale: deviceScale, x: mapX, y: mapY)
            layout.bandPolygons = bandPolygons(series.band, xs: series.xs, plot: plot, mapX: mapX, mapY: mapY,
                                               deviceScale: deviceScale)
            return layout
        }
        var pen = ClippedPen(bounds: plot.expanded(by: lineWidth + 2), deviceScale: deviceScale)
        let count = min(series.xs.count, series.ys.count)
        var previous: Point?
        for i in 0..<count {
            guard let x = mapX(series.xs[i]).flatMap(Self.finite) else {
                previous = nil
                pen.lift()
                continue
            }
            if series.drawStyle == .stepsPost, let p = previous {
                let corner = Point(x: x, y: p.y)
                pen.line(to: corner)
                previous = corner
            }
            guard let y = mapY(series.ys[i]).flatMap(Self.finite) else {
                previous = nil
                pen.lift()
                continue
            }
            let point = Point(x: x, y: y)
            pen.line(to: point)
            previous = point
        }
        var layout = SeriesLayout(
            label: series.label, color: color, dash: dash, lineWidth: lineWidth,
            runs: pen.finish())
        layout.ascendingRuns = layout.runs.map { run in zip(run, run.dropFirst()).allSatisfy { $0.x <= $1.x } }
        layout.bandPolygons = bandPolygons(series.band, xs: series.xs, plot: plot, mapX: mapX, mapY: mapY,
                                           deviceScale: deviceScale)
        return layout
    }

    /// The outer radius of a point mark on a series `lineWidth` CSS px wide.
    static func pointRadius(lineWidth: Double) -> Double { 1.25 * lineWidth }

    /// The polygons of `band` (none without one), clipped to the plot grown by 2 px.
    private static func bandPolygons(
        _ band: Band?, xs: [Double], plot: Rect, mapX: (Double) -> Double?, mapY: (Double) -> Double?,
        deviceScale: Double
    ) -> [[Point]] {
        guard let band else { return [] }
        return bandPolygons(
            band, xs: xs, px: { mapX($0).flatMap(Self.finite) }, py: { mapY($0).flatMap(Self.finite) },
            clip: plot.expanded(by: 2), deviceScale: deviceScale)
    }

    /// The marks of a points series: every point with a drawable x and y whose mark reaches
    /// into the plot, thinned by a ``PointDecimator`` with rows of half a radius (at least one
    /// device pixel). Points are taken in ascending x (sorted first when the series is not), so
    /// that each column is thinned once and the marks' count is bounded by the plot's pixels.
    static func marks(
        _ series: Series, plot: Rect, radius: Double, deviceScale: Double, x mapX: (Double) -> Double?,
        y mapY: (Double) -> Double?
    ) -> [PointMark] {
        let bounds = plot.expanded(by: radius)
        var decimator = PointDecimator(deviceScale: deviceScale, cellHeight: radius * deviceScale / 2)
        let count = min(series.xs.count, series.ys.count)
        func add(_ i: Int) {
            guard let x = mapX(series.xs[i]).flatMap(finite), let y = mapY(series.ys[i]).flatMap(finite),
                  x >= bounds.minX, x <= bounds.maxX, y >= bounds.minY, y <= bounds.maxY
            else { return }
            decimator.add(Point(x: x, y: y))
        }
        var ascending = true
        var last = -Double.infinity
        for x in series.xs.prefix(count) where !x.isNaN {
            if x < last {
                ascending = false
                break
            }
            last = x
        }
        if ascending {
            for i in 0..<count { add(i) }
        } else {
            let order = (0..<count).filter { !series.xs[$0].isNaN }.sorted { series.xs[$0] < series.xs[$1] }
            for i in order { add(i) }
        }
        return decimator.finish()
    }

    /// A position with infinities (far beyond a subnormal or overflowing domain) replaced by
    /// ±1e300 px, which clipping then handles; `nil` for NaN.
    static func finite(_ v: Double) -> Double? {
        if v.isNaN { return nil }
        return min(max(v, -1e300), 1e300)
    }

    /// The band's polygons, clipped to `clip` (Sutherland–Hodgman). Points are thinned to one
    /// per device column (the band's edges are smooth spreads, not lines whose extremes must
    /// survive).
    static func bandPolygons(
        _ band: Band, xs: [Double], px: (Double) -> Double?, py: (Double) -> Double?, clip: Rect,
        deviceScale: Double
    ) -> [[Point]] {
        var polygons: [[Point]] = []
        var upper: [Point] = []
        var lower: [Point] = []
        var lastColumn = Int.min
        func close() {
            if upper.count > 1 {
                let polygon = clip.clipped(polygon: upper + lower.reversed())
                if polygon.count > 2 { polygons.append(polygon) }
            }
            upper.removeAll()
            lower.removeAll()
        }
        for i in 0..<min(xs.count, band.lower.count, band.upper.count) {
            guard let x = px(xs[i]), let lo = py(band.lower[i]), let hi = py(band.upper[i]) else {
                close()
                lastColumn = Int.min
                continue
            }
            let column = Int((min(max(x, -1e15), 1e15) * deviceScale).rounded(.down))
            if column == lastColumn && i != xs.count - 1 { continue }
            lastColumn = column
            upper.append(Point(x: x, y: hi))
            lower.append(Point(x: x, y: lo))
        }
        close()
        return polygons
    }

    /// Total length of the polylines inside `rect` (a point mark counts as its height there).
    func coveredLength(in rect: Rect) -> Double {
        var total = 0.0
        if isPoints {
            let r = pointRadius
            for m in marks where m.x + r >= rect.minX && m.x - r <= rect.maxX {
                let top = max(m.top - r, rect.minY)
                let bottom = min(m.bottom + r, rect.maxY)
                if top <= bottom { total += max(bottom - top, 1) }
            }
            return total
        }
        for (r, run) in runs.enumerated() {
            if run.count == 1, let p = run.first {
                if p.x >= rect.minX && p.x <= rect.maxX && p.y >= rect.minY && p.y <= rect.maxY {
                    total += 1
                }
                continue
            }
            var start = 1
            var end = run.count
            if r < ascendingRuns.count, ascendingRuns[r] {
                // First segment that can reach the box: its end is at or right of rect.minX.
                var lo = 1
                var hi = run.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if run[mid].x < rect.minX { lo = mid + 1 } else { hi = mid }
                }
                start = lo
                lo = start
                hi = run.count
                // First segment whose start lies right of the box.
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if run[mid - 1].x <= rect.maxX { lo = mid + 1 } else { hi = mid }
                }
                end = lo
            }
            guard start < end else { continue }
            for i in start..<end {
                total += rect.clippedLength(from: run[i - 1], to: run[i])
            }
        }
        return total
    }
}
