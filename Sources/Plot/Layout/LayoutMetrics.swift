/// The sizes of a chart's texts, gaps and strokes in CSS px, derived from its base font size
/// and line width.
///
/// Every text size and text-related distance (padding, gaps, tick lengths, legend
/// geometry, marker label offsets) is its default times `textScale = fontSize / 9 pt`;
/// every stroke (frame, grid, ticks, marker rules and their dashes) its default times
/// `strokeScale = lineWidth / 1.5 pt`. At the defaults both are exactly 1, so a chart
/// drawn with them is the chart lrplot always drew. Defaults (px): title 16, axis labels 13,
/// tick labels and legend 12, marker labels 10.5; padding 12, tick 5 (minor 3), tick-label
/// gap 4, axis-label gap 8, title gap 10, panel gap 14; series 2, frame 1.
public struct LayoutMetrics: Sendable, Equatable {
    /// Font size over the default (9 pt).
    public let textScale: Double
    /// Line width over the default (1.5 pt).
    public let strokeScale: Double

    /// Chart title.
    public let title: TextStyle
    /// Axis titles and the ×10ⁿ multipliers' rows.
    public let axisLabel: TextStyle
    /// Tick labels.
    public let tickLabel: TextStyle
    /// Legend entries.
    public let legend: TextStyle
    /// Marker labels.
    public let marker: TextStyle

    /// Outer padding.
    public let padding: Double
    /// Major tick length.
    public let tickLength: Double
    /// Minor tick length.
    public let minorTickLength: Double
    /// Gap between a tick and its label.
    public let tickLabelGap: Double
    /// Gap between tick labels and the axis label.
    public let axisLabelGap: Double
    /// Gap between the title and the top panel.
    public let titleGap: Double
    /// Gap between stacked panels.
    public let panelGap: Double
    /// Minimum free space between neighbouring x tick labels.
    public let xLabelSpacing: Double
    /// Minimum free space between neighbouring y tick labels.
    public let yLabelSpacing: Double
    /// Gap between a plot's edge and its ×10ⁿ multiplier.
    public let multiplierGap: Double
    /// Extra space between the lines of a wrapped text.
    public let lineGap: Double

    /// Padding inside a legend box.
    public let legendPadding: Double
    /// Length of a legend's line samples.
    public let legendSampleLength: Double
    /// Space between a sample and its text.
    public let legendSampleGap: Double
    /// Extra space between legend rows.
    public let legendRowGap: Double
    /// Distance between an inside legend and the plot frame.
    public let legendInset: Double
    /// Distance between an outside legend and the plot frame.
    public let legendOutsideGap: Double
    /// Corner radius of the legend box.
    public let legendRadius: Double

    /// Horizontal gap between a marker rule and its label.
    public let markerLabelGap: Double
    /// Gap between the plot's top and the first row of marker labels.
    public let markerLabelTop: Double
    /// Background halo around marker labels.
    public let markerHalo: Double

    /// Width of series lines (unless a series sets its own).
    public let seriesWidth: Double
    /// Width of the frame, grid, ticks and marker rules.
    public let frameWidth: Double
    /// Dash pattern of phase marker rules.
    public let markerDash: [Double]
    /// Dash pattern of annotation rules.
    public let annotationDash: [Double]

    /// The metrics of a chart with base font size `fontSize` and line width `lineWidth`, in pt.
    public init(fontSize: Double = Chart.defaultFontSize, lineWidth: Double = Chart.defaultLineWidth) {
        let t = fontSize / Chart.defaultFontSize
        let s = lineWidth / Chart.defaultLineWidth
        textScale = t
        strokeScale = s
        title = TextStyle(size: 16 * t)
        axisLabel = TextStyle(size: 13 * t)
        tickLabel = TextStyle(size: 12 * t)
        legend = TextStyle(size: 12 * t)
        marker = TextStyle(size: 10.5 * t)
        padding = 12 * t
        tickLength = 5 * t
        minorTickLength = 3 * t
        tickLabelGap = 4 * t
        axisLabelGap = 8 * t
        titleGap = 10 * t
        panelGap = 14 * t
        xLabelSpacing = 14 * t
        yLabelSpacing = 6 * t
        multiplierGap = 4 * t
        lineGap = 2 * t
        legendPadding = 8 * t
        legendSampleLength = 28 * t
        legendSampleGap = 8 * t
        legendRowGap = 3 * t
        legendInset = 8 * t
        legendOutsideGap = 14 * t
        legendRadius = 3 * t
        markerLabelGap = 4 * t
        markerLabelTop = 5 * t
        markerHalo = 1.5 * t
        seriesWidth = 2 * s
        frameWidth = 1 * s
        markerDash = [2 * s, 2.5 * s]
        annotationDash = [5 * s, 3 * s]
    }

    /// The metrics of `chart`.
    public init(_ chart: Chart) {
        self.init(fontSize: chart.fontSize, lineWidth: chart.lineWidth)
    }

    /// The default metrics (9 pt text, 1.5 pt lines).
    public static let standard = LayoutMetrics()
}
