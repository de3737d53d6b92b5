/// How a series draws its data: lines joining consecutive points, stairs, or the points alone.
public enum DrawStyle: String, Sendable, CaseIterable {
    /// Straight segments between points (matplotlib's default).
    case linear
    /// Each value holds until the next point's x, then the line jumps vertically
    /// (matplotlib's `drawstyle="steps-post"`): stair steps of per-step schedules stay sharp.
    case stepsPost
    /// A mark at each point and no line (logged values, measurements), like matplotlib's
    /// `plot(x, y, "o", markersize=3)`: the mark is the series' ``Series/pointShape``, its
    /// radius 1.25 line widths (2.5 px at the default 2 px line). Dense points are thinned
    /// per device pixel column without changing the picture (see ``PointDecimator``).
    case points
}
