/// One drawn mark of a points series, in CSS px: a circle at (`x`, `top`) when
/// `top == bottom`, otherwise a vertical capsule — the circles of every `y` from `top` to
/// `bottom` — standing for a dense run of points in one device pixel column.
public struct PointMark: Sendable, Equatable, Hashable {
    /// Horizontal position of the centre line.
    public var x: Double
    /// Centre of the topmost circle (the smallest y).
    public var top: Double
    /// Centre of the lowest circle (the largest y); equal to `top` for a single circle.
    public var bottom: Double

    /// Creates a mark spanning `top...bottom` at `x`.
    public init(x: Double, top: Double, bottom: Double) {
        self.x = x
        self.top = top
        self.bottom = bottom
    }

    /// A single circle at `point`.
    public init(_ point: Point) {
        self.init(x: point.x, top: point.y, bottom: point.y)
    }

    /// Whether the mark is one circle.
    public var isCircle: Bool { top == bottom }
}
