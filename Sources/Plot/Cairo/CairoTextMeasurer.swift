import CLRPlotCairo

/// Measures text through Cairo with the same font and options the renderer draws with.
final class CairoTextMeasurer: TextMeasurer {
    private let surface: OpaquePointer?
    private let cr: OpaquePointer?
    private let faces: CairoFontFaces
    private var cache: [TextStyle: (ascent: Double, descent: Double, capHeight: Double)] = [:]

    /// Creates a measurer on a 1×1 scratch surface, measuring with `faces`.
    init(faces: CairoFontFaces) {
        self.faces = faces
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        cr = cairo_create(surface)
        if let cr { CairoFont.configure(cr) }
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Advance width of `text`, font ascent and descent, and the ink height of digits.
    func measure(_ text: String, style: TextStyle) -> TextMetrics {
        guard let cr else { return ApproximateTextMeasurer().measure(text, style: style) }
        faces.select(style, on: cr)
        let vertical: (ascent: Double, descent: Double, capHeight: Double)
        if let cached = cache[style] {
            vertical = cached
        } else {
            var font = cairo_font_extents_t()
            cairo_font_extents(cr, &font)
            var digits = cairo_text_extents_t()
            cairo_text_extents(cr, "0123456789", &digits)
            vertical = (font.ascent, font.descent, -digits.y_bearing)
            cache[style] = vertical
        }
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, CairoText.drawable(text), &extents)
        return TextMetrics(
            width: extents.x_advance, ascent: vertical.ascent, descent: vertical.descent,
            capHeight: vertical.capHeight)
    }
}
