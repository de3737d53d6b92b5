/// The secondary x axis resolved for drawing: its scale, breaks and texts above the top
/// panel.
public struct SecondaryAxisLayout: Sendable {
    /// The scale of the secondary values (the primary domain divided by the divisor).
    public var scale: any PlotScale
    /// Its breaks.
    public var ticks: TickSet
    /// x positions (px) of major ticks.
    public var majorPositions: [Double]
    /// x positions (px) of minor ticks.
    public var minorPositions: [Double]
    /// Tick labels, above the top panel.
    public var tickLabels: [PlacedText]
    /// The axis title above the tick labels, one text per line; empty for none.
    public var label: [PlacedText]
    /// Its `×10ⁿ` text, if any.
    public var multiplier: PlacedText?
}
