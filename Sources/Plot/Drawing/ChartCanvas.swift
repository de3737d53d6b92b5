/// The drawing operations a chart is made of, in CSS px (y down). ``ChartPainter`` decides
/// what to draw; a canvas draws it: through Cairo (PNG, PDF, SVG with glyph outlines) or as
/// SVG elements with real text (``SVGCanvas``).
protocol ChartCanvas {
    /// Fills a rectangle.
    mutating func fill(_ rect: Rect, color: RGBColor, opacity: Double)
    /// Strokes separate straight segments with butt caps, solid or dashed (`dash` on/off
    /// lengths; empty for solid).
    mutating func strokeSegments(_ segments: [(Point, Point)], color: RGBColor, width: Double, dash: [Double])
    /// Strokes a rectangle's outline with square caps and mitred corners.
    mutating func strokeFrame(_ rect: Rect, color: RGBColor, width: Double)
    /// Strokes polylines with round caps and joins, dashed with `dash`; a one-point run is a
    /// dot 1.5 line widths across.
    mutating func strokeLines(_ runs: [[Point]], color: RGBColor, width: Double, dash: [Double])
    /// Draws point marks of `radius` (a circle, or a vertical capsule from `top` to `bottom`):
    /// filled as one shape (overlaps do not darken), or, with `ringWidth`, their outlines
    /// stroked that wide, with the stroke's centre on `radius`.
    mutating func pointMarks(_ marks: [PointMark], radius: Double, color: RGBColor, ringWidth: Double?)
    /// Fills a closed polygon.
    mutating func fillPolygon(_ points: [Point], color: RGBColor, opacity: Double)
    /// Fills and outlines a rectangle with rounded corners.
    mutating func roundedBox(
        _ rect: Rect, radius: Double, fill: RGBColor, fillOpacity: Double, stroke: RGBColor, width: Double)
    /// Draws a text at its origin (rotated texts run bottom to top).
    mutating func text(_ text: PlacedText, color: RGBColor)
    /// Clips what follows to `rect`, until `endClip()`.
    mutating func beginClip(_ rect: Rect)
    /// Ends the innermost clip.
    mutating func endClip()
    /// Starts a group of drawing with a meaning (a series, a legend row), until `endGroup()`.
    mutating func beginGroup(_ group: CanvasGroup)
    /// Ends the innermost group.
    mutating func endGroup()
}

/// What a group of drawing stands for; SVG output names it so scripts can find it.
enum CanvasGroup: Equatable {
    /// The whole plot area of panel `panel` (clip, bands, lines).
    case plot(panel: Int)
    /// Series `series` of panel `panel` (its band and its line), keyed by its label across
    /// panels: `key` is the index of the label among the chart's distinct series labels.
    case series(panel: Int, series: Int, key: Int)
    /// The legend box of a panel.
    case legend(panel: Int)
    /// A legend row of series `key` (see `series`), or of a band or "+N more" row (`nil`).
    case legendEntry(key: Int?)
    /// The marker rules and labels of a panel.
    case markers(panel: Int)
}
