/// Where a panel's legend goes.
public enum LegendPlacement: String, Sendable, CaseIterable {
    /// The inside corner that hides the least of the lines; if every corner hides some,
    /// outside right, or below the chart when a legend at the right would leave the plot
    /// less than 60 % of the width (small figures), one panel has a legend and the plot
    /// keeps 60 % of its height.
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
    /// Under the x axis title, entries in as many columns as fit (as papers place legends);
    /// for charts where one panel has a legend.
    case below
}
