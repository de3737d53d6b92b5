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

/// A piece of text with its baseline origin; rotated texts run bottom to top around the origin.
public struct PlacedText: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Size and weight.
    public var style: TextStyle
    /// Colour role.
    public var role: TextRole
    /// Left end of the baseline (before rotation).
    public var origin: Point
    /// Rotated 90° counter-clockwise (y axis labels).
    public var rotated: Bool
    /// Measured metrics.
    public var metrics: TextMetrics

    /// The box the text occupies (font ascent to descent).
    public var bounds: Rect {
        if rotated {
            return Rect(
                x: origin.x - metrics.ascent, y: origin.y - metrics.width, width: metrics.height,
                height: metrics.width)
        }
        return Rect(
            x: origin.x, y: origin.y - metrics.ascent, width: metrics.width, height: metrics.height)
    }
}
