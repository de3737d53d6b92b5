/// One line of a panel.
///
/// Points are drawn in the given order. A non-finite `y` (NaN, ±∞) breaks the line; so does
/// `y ≤ 0` on a log axis, and a non-finite `x`. A series drawn as ``DrawStyle/points`` has
/// no line: such a point simply has no mark.
public struct Series: Sendable {
    /// Legend text.
    public var label: String
    /// x values (step or epoch), normally ascending.
    public var xs: [Double]
    /// y values; `ys.count` must equal `xs.count`.
    public var ys: [Double]
    /// Line colour; `nil` takes the theme palette entry for the series' index in its panel.
    public var color: RGBColor?
    /// Dash pattern; `nil` cycles solid, dashed, dotted, dash-dot together with the palette.
    public var dash: DashStyle?
    /// Line width in CSS px; `nil` is 2 px.
    public var lineWidth: Double?
    /// How consecutive points are joined (or drawn as marks).
    public var drawStyle: DrawStyle
    /// The mark of each point when ``drawStyle`` is ``DrawStyle/points`` (ignored otherwise);
    /// its size follows ``lineWidth``.
    public var pointShape: PointShape
    /// An optional shaded range drawn under the line (or the points); where either edge cannot
    /// be drawn the band is broken.
    public var band: Band?

    /// Creates a series.
    public init(
        label: String, xs: [Double], ys: [Double], color: RGBColor? = nil, dash: DashStyle? = nil,
        lineWidth: Double? = nil, drawStyle: DrawStyle = .linear, pointShape: PointShape = .filledCircle,
        band: Band? = nil
    ) {
        self.band = band
        self.label = label
        self.xs = xs
        self.ys = ys
        self.color = color
        self.dash = dash
        self.lineWidth = lineWidth
        self.drawStyle = drawStyle
        self.pointShape = pointShape
    }
}
