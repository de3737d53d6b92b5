/// How a series joins consecutive points.
public enum DrawStyle: String, Sendable, CaseIterable {
    /// Straight segments between points (matplotlib's default).
    case linear
    /// Each value holds until the next point's x, then the line jumps vertically
    /// (matplotlib's `drawstyle="steps-post"`): stair steps of per-step schedules stay sharp.
    case stepsPost
}
