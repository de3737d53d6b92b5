/// A line's dash pattern. Dash lengths scale with the line width (matplotlib's proportions).
public enum DashStyle: String, Sendable, CaseIterable {
    /// Continuous line.
    case solid
    /// Dashes of 3.7 × width separated by 1.6 × width.
    case dashed
    /// Round dots 2.2 × width apart.
    case dotted
    /// Dash 6.4, gap 1.6, dot, gap 1.6 (× width).
    case dashDot

    /// Parses `solid`, `dashed`, `dotted`, `dashdot`/`dash-dot`/`dash_dot`, or matplotlib's
    /// `-`, `--`, `:`, `-.`; `nil` otherwise.
    public init?(name: String) {
        switch name.lowercased() {
        case "solid", "-": self = .solid
        case "dashed", "--": self = .dashed
        case "dotted", ":": self = .dotted
        case "dashdot", "dash-dot", "dash_dot", "-.": self = .dashDot
        default: return nil
        }
    }

    /// On/off lengths in CSS px for a line of the given width; empty for solid. Dots use a zero
    /// "on" length drawn with round caps.
    func pattern(lineWidth w: Double) -> [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [0, 2.2 * w]
        case .dashDot: return [6.4 * w, 1.6 * w + w / 2, 0, 1.6 * w + w / 2]
        }
    }

    /// Whether the pattern contains zero-length dots that need round caps.
    var usesRoundCaps: Bool { self == .dotted || self == .dashDot }
}
