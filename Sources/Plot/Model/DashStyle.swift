/// A line's dash pattern. Dash lengths scale with the line width (matplotlib's proportions).
public enum DashStyle: String, Sendable, CaseIterable {
    /// Continuous line.
    case solid
    /// Dashes of 3.7 × width separated by 1.6 × width.
    case dashed
    /// Round dots 2.65 × width apart.
    case dotted
    /// Dash 6.4, gap 1.6, dot, gap 1.6 (× width).
    case dashDot

    /// On/off lengths in CSS px for a line of width `w` stroked with round caps. The pattern is
    /// matplotlib's (butt caps: dashed 3.7/1.6, dotted 1/1.65, dash-dot 6.4/1.6/1/1.6, × w); each
    /// "on" is shortened by `w` (to at least 0.01 w: Cairo drops some zero-length dots) and each "off" lengthened by `w` so the round caps keep the
    /// visible gaps. Empty for solid.
    func pattern(lineWidth w: Double) -> [Double] {
        let base: [Double]
        switch self {
        case .solid: return []
        case .dashed: base = [3.7, 1.6]
        case .dotted: base = [1, 1.65]
        case .dashDot: base = [6.4, 1.6, 1, 1.6]
        }
        return base.enumerated().map { i, v in i % 2 == 0 ? max(0.01 * w, (v - 1) * w) : (v + 1) * w }
    }
}
