import CLRPlotCairo
import Foundation

/// Draws a `ChartLayout` on a Cairo context whose user space is CSS px.
///
/// Axis, grid and tick lines are snapped to the device pixel grid (`deviceScale` device pixels
/// per CSS px): a 1 px line at scale 1 sits on a half-pixel centre, at scale 2 it is two device
/// pixels wide on whole-pixel edges — crisp in both. Series lines are antialiased and clipped
/// to the plot area.
struct CairoChartDrawer {
    /// The target context (its font options must already be configured).
    let cr: OpaquePointer
    /// The fonts text is drawn with (those it was measured with).
    let faces: CairoFontFaces
    /// Colours.
    let theme: Theme
    /// Device pixels per CSS px, for snapping.
    let deviceScale: Double

    /// Draws everything, back to front.
    func draw(_ layout: ChartLayout, background: Bool) {
        if background {
            setColor(theme.background)
            cairo_rectangle(cr, 0, 0, layout.width, layout.height)
            cairo_fill(cr)
        }
        for (index, panel) in layout.panels.enumerated() {
            drawPanel(panel, layout: layout, isBottom: index == layout.panels.count - 1)
        }
        for text in layout.xTickLabels { drawText(text) }
        if let t = layout.xLabel { drawText(t) }
        if let t = layout.xMultiplier { drawText(t) }
        if let t = layout.title { drawText(t) }
    }

    private func drawPanel(_ panel: PanelLayout, layout: ChartLayout, isBottom: Bool) {
        let plot = panel.plot
        let (left, lineWidth) = snap(plot.minX, width: 1)
        let (right, _) = snap(plot.maxX, width: 1)
        let (topEdge, _) = snap(plot.minY, width: 1)
        let (bottomEdge, _) = snap(plot.maxY, width: 1)

        // Grid.
        cairo_set_line_width(cr, lineWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        setColor(theme.grid)
        for y in panel.yMajorPositions {
            let (sy, _) = snap(y, width: 1)
            guard sy > topEdge + 0.5, sy < bottomEdge - 0.5 else { continue }
            cairo_move_to(cr, left, sy)
            cairo_line_to(cr, right, sy)
        }
        for x in layout.xMajorPositions {
            let (sx, _) = snap(x, width: 1)
            guard sx > left + 0.5, sx < right - 0.5 else { continue }
            cairo_move_to(cr, sx, topEdge)
            cairo_line_to(cr, sx, bottomEdge)
        }
        cairo_stroke(cr)

        // Markers: dotted rules.
        if !panel.markerPositions.isEmpty {
            setColor(theme.marker)
            cairo_set_line_width(cr, lineWidth)
            var dashes: [Double] = [2, 2.5]
            cairo_set_dash(cr, &dashes, 2, 0)
            for x in panel.markerPositions {
                let (sx, _) = snap(x, width: 1)
                cairo_move_to(cr, sx, topEdge)
                cairo_line_to(cr, sx, bottomEdge)
            }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }

        // Series, clipped to the plot area.
        cairo_save(cr)
        cairo_rectangle(cr, plot.minX, plot.minY, plot.width, plot.height)
        cairo_clip(cr)
        for series in panel.series {
            for polygon in series.bandPolygons {
                guard let first = polygon.first else { continue }
                cairo_set_source_rgba(cr, series.color.r, series.color.g, series.color.b, 0.2)
                cairo_move_to(cr, first.x, first.y)
                for p in polygon.dropFirst() { cairo_line_to(cr, p.x, p.y) }
                cairo_close_path(cr)
                cairo_fill(cr)
            }
        }
        for series in panel.series {
            stroke(series.runs, color: series.color, dash: series.dash, width: series.lineWidth)
        }
        cairo_restore(cr)

        // Frame and ticks.
        setColor(theme.frame)
        cairo_set_line_width(cr, lineWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_rectangle(cr, left, topEdge, right - left, bottomEdge - topEdge)
        cairo_stroke(cr)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        let half = lineWidth / 2
        for (positions, length) in [
            (panel.yMajorPositions, ChartLayout.tickLength),
            (panel.yMinorPositions, ChartLayout.minorTickLength),
        ] {
            for y in positions {
                let (sy, _) = snap(y, width: 1)
                guard sy >= topEdge - 0.5, sy <= bottomEdge + 0.5 else { continue }
                cairo_move_to(cr, left - half, sy)
                cairo_line_to(cr, left - half - length, sy)
            }
        }
        for (positions, length) in [
            (layout.xMajorPositions, ChartLayout.tickLength),
            (layout.xMinorPositions, ChartLayout.minorTickLength),
        ] {
            for x in positions {
                let (sx, _) = snap(x, width: 1)
                guard sx >= left - 0.5, sx <= right + 0.5 else { continue }
                cairo_move_to(cr, sx, bottomEdge + half)
                cairo_line_to(cr, sx, bottomEdge + half + length)
            }
        }
        cairo_stroke(cr)

        for text in panel.yTickLabels { drawText(text) }
        if let t = panel.yLabel { drawText(t) }
        if let t = panel.yMultiplier { drawText(t) }
        for text in panel.markerLabels {
            // A soft halo in the background colour keeps the label legible over lines.
            let b = text.bounds.expanded(by: 1.5)
            let bg = theme.background
            cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, 0.65)
            cairo_rectangle(cr, b.minX, b.minY, b.width, b.height)
            cairo_fill(cr)
            drawText(text)
        }
        if let legend = panel.legend { drawLegend(legend, series: panel.series) }
    }

    private func drawLegend(_ legend: LegendLayout, series: [SeriesLayout]) {
        let (x0, w) = snap(legend.box.minX, width: 1)
        let (y0, _) = snap(legend.box.minY, width: 1)
        let (x1, _) = snap(legend.box.maxX, width: 1)
        let (y1, _) = snap(legend.box.maxY, width: 1)
        roundedRectangle(x0, y0, x1 - x0, y1 - y0, radius: 3)
        let bg = theme.legendBackground
        cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, 0.92)
        cairo_fill_preserve(cr)
        setColor(theme.legendBorder)
        cairo_set_line_width(cr, w)
        cairo_stroke(cr)
        for entry in legend.entries {
            if entry.series < series.count {
                let s = series[entry.series]
                stroke(
                    [[entry.sampleStart, entry.sampleEnd]], color: s.color, dash: s.dash,
                    width: s.lineWidth)
            }
            drawText(entry.text)
        }
    }

    private func stroke(_ runs: [[Point]], color: RGBColor, dash: DashStyle, width: Double) {
        guard !runs.isEmpty else { return }
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        var pattern = dash.pattern(lineWidth: width)
        cairo_set_dash(cr, &pattern, Int32(pattern.count), 0)
        for run in runs where run.count > 1 {
            cairo_move_to(cr, run[0].x, run[0].y)
            for p in run.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
        // An isolated point (between gaps) is a dot 1.5 line widths across.
        for run in runs where run.count == 1 {
            cairo_new_sub_path(cr)
            cairo_arc(cr, run[0].x, run[0].y, 0.75 * width, 0, 2 * Double.pi)
        }
        cairo_fill(cr)
    }

    private func drawText(_ text: PlacedText) {
        setColor(color(for: text.role))
        faces.select(text.style, on: cr)
        if text.rotated {
            cairo_save(cr)
            cairo_translate(cr, text.origin.x, text.origin.y)
            cairo_rotate(cr, -Double.pi / 2)
            cairo_move_to(cr, 0, 0)
            cairo_show_text(cr, text.text)
            cairo_restore(cr)
        } else {
            cairo_move_to(cr, text.origin.x, text.origin.y)
            cairo_show_text(cr, text.text)
            if let exponent = text.exponent {
                faces.select(Exponent.style(for: text.style), on: cr)
                cairo_move_to(
                    cr, text.origin.x + text.baseWidth, text.origin.y - Exponent.raise * text.style.size)
                cairo_show_text(cr, exponent)
            }
        }
        cairo_new_path(cr)
    }

    private func color(for role: TextRole) -> RGBColor {
        switch role {
        case .title, .axisLabel, .legend: return theme.text
        case .tick: return theme.tickText
        case .marker: return theme.marker
        }
    }

    private func setColor(_ c: RGBColor) {
        cairo_set_source_rgb(cr, c.r, c.g, c.b)
    }

    /// The centre of a line of `width` CSS px nearest to `v` whose edges fall on device pixel
    /// boundaries, and the width rounded to whole device pixels (at least one).
    func snap(_ v: Double, width: Double) -> (Double, Double) {
        let s = deviceScale
        let deviceWidth = max(1, (width * s).rounded())
        let centre = ((v * s - deviceWidth / 2).rounded() + deviceWidth / 2) / s
        return (centre, deviceWidth / s)
    }

    private func roundedRectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double, radius r: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x + w - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, x + w - r, y + h - r, r, 0, Double.pi / 2)
        cairo_arc(cr, x + r, y + h - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }
}
