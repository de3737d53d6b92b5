/// One panel resolved for drawing: plot rectangle, y scale and breaks, texts, lines, legend.
public struct PanelLayout: Sendable {
    /// The plot area (inside the frame).
    public var plot: Rect
    /// The resolved y scale.
    public var yScale: any PlotScale
    /// The y breaks.
    public var yTicks: TickSet
    /// y positions (px) of major ticks/grid lines.
    public var yMajorPositions: [Double]
    /// y positions (px) of minor ticks.
    public var yMinorPositions: [Double]
    /// Labels of the y ticks.
    public var yTickLabels: [PlacedText]
    /// The rotated y axis label, one text per line (left to right); empty for none.
    public var yLabel: [PlacedText]
    /// The `×10ⁿ` text above the axis.
    public var yMultiplier: PlacedText?
    /// Lines in series order.
    public var series: [SeriesLayout]
    /// Marker rules inside the plot (markers closer than a device pixel merged), with the
    /// labels that found room.
    public var markers: [PlacedMarker]
    /// The legend, if any.
    public var legend: LegendLayout?

    /// x positions (px) of the marker rules.
    public var markerPositions: [Double] { markers.map(\.x) }
    /// The marker labels placed.
    public var markerLabels: [PlacedText] { markers.compactMap(\.label) }
}
