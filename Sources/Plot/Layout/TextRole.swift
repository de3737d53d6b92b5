/// What a piece of text is, for colouring.
public enum TextRole: Sendable, Equatable {
    /// Chart title.
    case title
    /// Axis label or multiplier.
    case axisLabel
    /// Tick label.
    case tick
    /// Legend entry.
    case legend
    /// Marker label.
    case marker
}
