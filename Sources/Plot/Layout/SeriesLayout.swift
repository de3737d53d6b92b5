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

    /// Maps a series into `plot` and decimates it per device column (`deviceScale` device
    /// pixels per CSS px). Points with a non-finite x, or a y the scale cannot draw, break the
    /// line. With `.stepsPost` each value is held horizontally until the next point's x.
    static func build(
        _ series: Series, color: RGBColor, dash: DashStyle, lineWidth: Double, plot: Rect,
        xScale: any PlotScale, yScale: any PlotScale, deviceScale: Double
    ) -> SeriesLayout {
        var decimator = M4Decimator()
        let limit = 1e5
        let mapX = xScale.positioner(from: plot.minX, to: plot.maxX)
        let mapY = yScale.positioner(from: plot.maxY, to: plot.minY)
        func px(_ x: Double) -> Double? {
            guard let v = mapX(x) else { return nil }
            return min(max(v, -limit), limit)
        }
        func py(_ y: Double) -> Double? {
            guard let v = mapY(y) else { return nil }
            return min(max(v, -limit), limit)
        }
        func add(_ p: Point) {
            decimator.add(p, column: Int((p.x * deviceScale).rounded(.down)))
        }
        let count = min(series.xs.count, series.ys.count)
        var previous: Point?
        for i in 0..<count {
            guard let x = px(series.xs[i]) else {
                previous = nil
                decimator.breakLine()
                continue
            }
            if series.drawStyle == .stepsPost, let p = previous {
                add(Point(x: x, y: p.y))
            }
            guard let y = py(series.ys[i]) else {
                previous = nil
                decimator.breakLine()
                continue
            }
            let point = Point(x: x, y: y)
            add(point)
            previous = point
        }
        var layout = SeriesLayout(
            label: series.label, color: color, dash: dash, lineWidth: lineWidth,
            runs: decimator.finish())
        if let band = series.band {
            layout.bandPolygons = bandPolygons(band, xs: series.xs, px: px, py: py, deviceScale: deviceScale)
        }
        return layout
    }

    /// The band's polygons. Points are thinned to one per device column (the band's edges are
    /// smooth spreads, not lines whose extremes must survive).
    static func bandPolygons(
        _ band: Band, xs: [Double], px: (Double) -> Double?, py: (Double) -> Double?, deviceScale: Double
    ) -> [[Point]] {
        var polygons: [[Point]] = []
        var upper: [Point] = []
        var lower: [Point] = []
        var lastColumn = Int.min
        func close() {
            if upper.count > 1 { polygons.append(upper + lower.reversed()) }
            upper.removeAll()
            lower.removeAll()
        }
        for i in 0..<min(xs.count, band.lower.count, band.upper.count) {
            guard let x = px(xs[i]), let lo = py(band.lower[i]), let hi = py(band.upper[i]) else {
                close()
                lastColumn = Int.min
                continue
            }
            let column = Int((x * deviceScale).rounded(.down))
            if column == lastColumn && i != xs.count - 1 { continue }
            lastColumn = column
            upper.append(Point(x: x, y: hi))
            lower.append(Point(x: x, y: lo))
        }
        close()
        return polygons
    }

    /// Total length of the polylines inside `rect`.
    func coveredLength(in rect: Rect) -> Double {
        var total = 0.0
        for run in runs {
            if run.count == 1, let p = run.first {
                if p.x >= rect.minX && p.x <= rect.maxX && p.y >= rect.minY && p.y <= rect.maxY {
                    total += 1
                }
                continue
            }
            for i in run.indices.dropFirst() {
                total += rect.clippedLength(from: run[i - 1], to: run[i])
            }
        }
        return total
    }
}
