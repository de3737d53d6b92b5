/// Where a panel's legend goes.
public enum LegendPlacement: String, Sendable, CaseIterable {
    /// The inside corner that hides the least of the lines; outside right if every corner hides some.
    case auto
    /// No legend.
    case none
    /// To the right of the plot area (the plot narrows to make room).
    case outsideRight
    /// Inside, top right.
    case upperRight
    /// Inside, top left.
    case upperLeft
    /// Inside, bottom left.
    case lowerLeft
    /// Inside, bottom right.
    case lowerRight
}
