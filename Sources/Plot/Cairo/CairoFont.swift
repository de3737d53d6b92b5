import CLRPlotCairo

/// Applies the chart's font settings to a Cairo context: font options hint style none, hint
/// metrics off, grey antialiasing, so that text metrics are identical in PNG, SVG and PDF and
/// independent of the device scale. The family, DejaVu Sans, is selected by
/// ``CairoFontFaces``.
enum CairoFont {
    /// The font family used for all text.
    static let family = "DejaVu Sans"

    /// Sets the font options on `cr` (call once per context).
    static func configure(_ cr: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }
}
