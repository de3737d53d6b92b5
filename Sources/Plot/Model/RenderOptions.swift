/// How a chart is written, beyond its format.
public struct RenderOptions: Sendable, Equatable {
    /// How SVG output sets its text.
    public var svgText: SVGTextMode

    /// Creates options; the defaults give today's output.
    public init(svgText: SVGTextMode = .paths) {
        self.svgText = svgText
    }
}

/// How SVG output sets its text.
///
/// - `paths` (the default): every glyph as an outline (Cairo's SVG). The file looks the same
///   everywhere, needs no font, and cannot be searched, selected or edited as text; it is
///   larger.
/// - `text`: real `<text>` elements in DejaVu Sans (falling back to Bitstream Vera Sans,
///   Verdana, Geneva, sans-serif). Searchable, selectable, editable in Inkscape or
///   Illustrator, smaller, and restyled by a page's CSS; but a viewer without DejaVu Sans
///   substitutes a font of other widths, so labels may look wider or narrower than the
///   layout measured (each keeps its alignment: tick labels stay right-aligned to the axis,
///   titles centred).
public enum SVGTextMode: String, Sendable, CaseIterable {
    /// Glyph outlines.
    case paths
    /// `<text>` elements.
    case text
}

/// A rendered chart: the file's bytes and what its layout had to shorten or leave out.
public struct RenderedChart: Sendable {
    /// The file.
    public var bytes: [UInt8]
    /// Texts shortened and marker labels left out to fit (see ``LayoutNotice``).
    public var notices: [LayoutNotice]
}
