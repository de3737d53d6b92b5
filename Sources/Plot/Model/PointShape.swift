/// The mark of a series drawn as ``DrawStyle/points``.
///
/// Both marks have an outer radius of 1.25 line widths (2.5 px at the default 2 px line, about
/// matplotlib's `markersize=3` with its 1 pt edge).
public enum PointShape: String, Sendable, CaseIterable {
    /// A filled disc (matplotlib's `"o"`).
    case filledCircle
    /// A ring stroked half a line width wide, whose inside shows what is under it (a planned
    /// curve beneath logged points); matplotlib's `"o"` with `markerfacecolor="none"`.
    case hollowCircle
}
