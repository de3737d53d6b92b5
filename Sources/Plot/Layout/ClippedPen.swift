/// Draws polylines into an ``M4Decimator`` through a clipping rectangle: segments are cut
/// (Liang–Barsky) where they cross its edges, parts outside are dropped, and a line that
/// leaves and re-enters is broken in between.
///
/// Cut points lie exactly on the edge they cross (that coordinate is the edge's, not
/// `a + t·(b − a)`), so a segment from 1e300 px away still enters at the right place.
struct ClippedPen {
    /// The clipping rectangle.
    let bounds: Rect
    /// Device pixels per CSS px (the decimator's column width).
    let deviceScale: Double
    private var decimator = M4Decimator()
    /// The last point given to `line(to:)`, inside or not; `nil` after `lift()`.
    private var last: Point?
    /// Whether the decimator's current polyline ends at `last`.
    private var down = false

    init(bounds: Rect, deviceScale: Double) {
        self.bounds = bounds
        self.deviceScale = deviceScale
    }

    /// Continues the line to `point` (or starts it, after `lift()`).
    mutating func line(to point: Point) {
        defer { last = point }
        guard let from = last else {
            if contains(point) {
                emit(point)
                down = true
            }
            return
        }
        // The usual case: the line continues inside (its last point, emitted, is inside too).
        if down && contains(point) {
            emit(point)
            return
        }
        guard let (a, b, cutEnd) = clip(from, point) else {
            if down { lift(keepingLast: true) }
            return
        }
        if !down { emit(a) }
        emit(b)
        down = !cutEnd
        if cutEnd { decimator.breakLine() }
    }

    /// Breaks the line: the next point starts a new polyline.
    mutating func lift() {
        lift(keepingLast: false)
    }

    private mutating func lift(keepingLast: Bool) {
        decimator.breakLine()
        down = false
        if !keepingLast { last = nil }
    }

    /// Every polyline drawn.
    mutating func finish() -> [[Point]] {
        decimator.finish()
    }

    private mutating func emit(_ p: Point) {
        decimator.add(p, column: Int((p.x * deviceScale).rounded(.down)))
    }

    private func contains(_ p: Point) -> Bool {
        p.x >= bounds.minX && p.x <= bounds.maxX && p.y >= bounds.minY && p.y <= bounds.maxY
    }

    /// The part of `a`–`b` inside `bounds` and whether `b` was cut off; `nil` when none is.
    func clip(_ a: Point, _ b: Point) -> (Point, Point, cutEnd: Bool)? {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var t0 = 0.0
        var t1 = 1.0
        // Which edge each end was cut at: 0 left, 1 right, 2 top, 3 bottom.
        var edge0 = -1
        var edge1 = -1
        for i in 0..<4 {
            let (p, q): (Double, Double)
            switch i {
            case 0: (p, q) = (-dx, a.x - bounds.minX)
            case 1: (p, q) = (dx, bounds.maxX - a.x)
            case 2: (p, q) = (-dy, a.y - bounds.minY)
            default: (p, q) = (dy, bounds.maxY - a.y)
            }
            if p == 0 || !p.isFinite {
                if q < 0 { return nil }
                if !p.isFinite {
                    // Infinite direction (an end at ±inf cannot happen: positions are clamped).
                    return nil
                }
                continue
            }
            let r = q / p
            if p < 0 {
                if r > t0 { t0 = r; edge0 = i }
            } else {
                if r < t1 { t1 = r; edge1 = i }
            }
            if t0 > t1 { return nil }
        }
        func point(_ t: Double, edge: Int, end: Point) -> Point {
            switch edge {
            case 0: return Point(x: bounds.minX, y: a.y + t * dy)
            case 1: return Point(x: bounds.maxX, y: a.y + t * dy)
            case 2: return Point(x: a.x + t * dx, y: bounds.minY)
            case 3: return Point(x: a.x + t * dx, y: bounds.maxY)
            default: return end
            }
        }
        let start = edge0 < 0 ? a : point(t0, edge: edge0, end: a)
        let end = edge1 < 0 ? b : point(t1, edge: edge1, end: b)
        return (clamped(start), clamped(end), edge1 >= 0)
    }

    /// `p` with each coordinate inside `bounds` (rounding in `a + t·(b − a)` can stray).
    private func clamped(_ p: Point) -> Point {
        Point(x: min(max(p.x, bounds.minX), bounds.maxX), y: min(max(p.y, bounds.minY), bounds.maxY))
    }
}
