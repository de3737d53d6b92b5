/// An axis-aligned rectangle in CSS pixels.
public struct Rect: Sendable, Equatable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width (≥ 0).
    public var width: Double
    /// Height (≥ 0).
    public var height: Double

    /// Creates a rectangle.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Left edge.
    public var minX: Double { x }
    /// Right edge.
    public var maxX: Double { x + width }
    /// Top edge.
    public var minY: Double { y }
    /// Bottom edge.
    public var maxY: Double { y + height }
    /// Horizontal centre.
    public var midX: Double { x + width / 2 }
    /// Vertical centre.
    public var midY: Double { y + height / 2 }

    /// The rectangle grown by `d` on every side (shrunk for negative `d`).
    public func expanded(by d: Double) -> Rect {
        Rect(x: x - d, y: y - d, width: max(0, width + 2 * d), height: max(0, height + 2 * d))
    }

    /// Whether two rectangles overlap (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies entirely inside.
    public func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// Length of the part of segment `a`–`b` inside the rectangle (Liang–Barsky clipping).
    func clippedLength(from a: Point, to b: Point) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var t0 = 0.0
        var t1 = 1.0
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return 0 }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return 0 }
            }
        }
        return (t1 - t0) * (dx * dx + dy * dy).squareRoot()
    }

    /// The part of a closed polygon inside the rectangle (Sutherland–Hodgman, one edge at a
    /// time); the polygon itself, in its order, when it lies inside. Crossing points lie
    /// exactly on the edge they cross.
    func clipped(polygon: [Point]) -> [Point] {
        var output = polygon
        // (inside test, crossing point of a segment with the edge)
        let edges: [((Point) -> Bool, (Point, Point) -> Point)] = [
            ({ $0.x >= self.minX }, { a, b in Point(x: self.minX, y: a.y + (self.minX - a.x) / (b.x - a.x) * (b.y - a.y)) }),
            ({ $0.x <= self.maxX }, { a, b in Point(x: self.maxX, y: a.y + (self.maxX - a.x) / (b.x - a.x) * (b.y - a.y)) }),
            ({ $0.y >= self.minY }, { a, b in Point(x: a.x + (self.minY - a.y) / (b.y - a.y) * (b.x - a.x), y: self.minY) }),
            ({ $0.y <= self.maxY }, { a, b in Point(x: a.x + (self.maxY - a.y) / (b.y - a.y) * (b.x - a.x), y: self.maxY) }),
        ]
        for (inside, crossing) in edges {
            guard let last = output.last else { return [] }
            if output.allSatisfy(inside) { continue }
            let input = output
            output = []
            output.reserveCapacity(input.count + 4)
            var previous = last
            for current in input {
                if inside(current) {
                    if !inside(previous) { output.append(crossing(previous, current)) }
                    output.append(current)
                } else if inside(previous) {
                    output.append(crossing(previous, current))
                }
                previous = current
            }
        }
        return output
    }
}
