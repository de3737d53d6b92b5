import CLRPlotCairo

/// A ``ChartCanvas`` over a Cairo context whose user space is CSS px (PNG, PDF, and SVG with
/// text as glyph outlines).
struct CairoCanvas: ChartCanvas {
    /// The target context (its font options must already be configured).
    let cr: OpaquePointer
    /// The fonts text is drawn with (those it was measured with).
    let faces: CairoFontFaces

    func fill(_ rect: Rect, color: RGBColor, opacity: Double) {
        setColor(color, opacity)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    func strokeSegments(_ segments: [(Point, Point)], color: RGBColor, width: Double, dash: [Double]) {
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        setColor(color, 1)
        var pattern = dash
        if !pattern.isEmpty { cairo_set_dash(cr, &pattern, Int32(pattern.count), 0) }
        for (a, b) in segments {
            cairo_move_to(cr, a.x, a.y)
            cairo_line_to(cr, b.x, b.y)
        }
        cairo_stroke(cr)
        if !pattern.isEmpty { cairo_set_dash(cr, nil, 0, 0) }
    }

    func strokeFrame(_ rect: Rect, color: RGBColor, width: Double) {
        setColor(color, 1)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    func strokeLines(_ runs: [[Point]], color: RGBColor, width: Double, dash: [Double]) {
        setColor(color, 1)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        var pattern = dash
        cairo_set_dash(cr, &pattern, Int32(pattern.count), 0)
        for run in runs where run.count > 1 {
            cairo_move_to(cr, run[0].x, run[0].y)
            for p in run.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
        for run in runs where run.count == 1 {
            cairo_new_sub_path(cr)
            cairo_arc(cr, run[0].x, run[0].y, 0.75 * width, 0, 2 * Double.pi)
        }
        cairo_fill(cr)
    }

    func pointMarks(_ marks: [PointMark], radius: Double, color: RGBColor, ringWidth: Double?) {
        guard !marks.isEmpty else { return }
        setColor(color, 1)
        // Every outline runs clockwise (on screen), so the winding fill is their union.
        for m in marks {
            cairo_new_sub_path(cr)
            if m.isCircle {
                cairo_arc(cr, m.x, m.top, radius, 0, 2 * Double.pi)
            } else {
                cairo_arc(cr, m.x, m.top, radius, Double.pi, 2 * Double.pi)
                cairo_arc(cr, m.x, m.bottom, radius, 0, Double.pi)
            }
            cairo_close_path(cr)
        }
        if let ringWidth {
            cairo_set_line_width(cr, ringWidth)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_set_dash(cr, nil, 0, 0)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    func fillPolygon(_ points: [Point], color: RGBColor, opacity: Double) {
        guard let first = points.first else { return }
        setColor(color, opacity)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    func roundedBox(_ rect: Rect, radius r: Double, fill: RGBColor, fillOpacity: Double, stroke: RGBColor, width: Double) {
        let (x, y, w, h) = (rect.x, rect.y, rect.width, rect.height)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x + w - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, x + w - r, y + h - r, r, 0, Double.pi / 2)
        cairo_arc(cr, x + r, y + h - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
        setColor(fill, fillOpacity)
        cairo_fill_preserve(cr)
        setColor(stroke, 1)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_stroke(cr)
    }

    func text(_ text: PlacedText, color: RGBColor) {
        setColor(color, 1)
        faces.select(text.style, on: cr)
        if text.rotated {
            cairo_save(cr)
            cairo_translate(cr, text.origin.x, text.origin.y)
            cairo_rotate(cr, -Double.pi / 2)
            cairo_move_to(cr, 0, 0)
            cairo_show_text(cr, CairoText.drawable(text.text))
            cairo_restore(cr)
        } else {
            cairo_move_to(cr, text.origin.x, text.origin.y)
            cairo_show_text(cr, CairoText.drawable(text.text))
            if let exponent = text.exponent {
                faces.select(Exponent.style(for: text.style), on: cr)
                cairo_move_to(
                    cr, text.origin.x + text.baseWidth, text.origin.y - Exponent.raise * text.style.size)
                cairo_show_text(cr, exponent)
            }
        }
        cairo_new_path(cr)
    }

    func beginClip(_ rect: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    func endClip() {
        cairo_restore(cr)
    }

    func beginGroup(_ group: CanvasGroup) {}

    func endGroup() {}

    private func setColor(_ c: RGBColor, _ opacity: Double) {
        if opacity >= 1 {
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
        } else {
            cairo_set_source_rgba(cr, c.r, c.g, c.b, opacity)
        }
    }
}
