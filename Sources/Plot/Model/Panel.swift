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
    /// Whether the panel draws its own legend. A panel whose series repeat another panel's
    /// (momentum under the learning rate, say) reads better without one.
    public var showsLegend: Bool

    /// Creates a panel.
    public init(yAxis: Axis = Axis(), series: [Series], markers: [Marker] = [], weight: Double = 1, showsLegend: Bool = true) {
        self.showsLegend = showsLegend
        self.yAxis = yAxis
        self.series = series
        self.markers = markers
        self.weight = weight
    }
}
