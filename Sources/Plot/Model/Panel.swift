/// One plot area with its own y axis; panels are stacked vertically and share the chart's x axis.
public struct Panel: Sendable {
    /// The panel's y axis.
    public var yAxis: Axis
    /// Lines drawn in the panel, in legend order; the palette is cycled in this order.
    public var series: [Series]
    /// Thin vertical rules at given x positions (phase boundaries, for instance).
    public var markers: [Marker]
    /// Height relative to the other panels' weights (1 = equal share).
    public var weight: Double

    /// Creates a panel.
    public init(yAxis: Axis = Axis(), series: [Series], markers: [Marker] = [], weight: Double = 1) {
        self.yAxis = yAxis
        self.series = series
        self.markers = markers
        self.weight = weight
    }
}
