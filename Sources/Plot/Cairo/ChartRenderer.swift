import CLRPlotCairo

/// Renders charts to PNG, SVG or PDF bytes through Cairo.
///
/// PNG: `round(width × scale)` × `round(height × scale)` pixels, ARGB with the chart scaled by
/// `scale`, encoded by ``PNGEncoder`` (the pixels Cairo's own PNG writer gives). SVG: sized in px (`cairo_svg_surface_set_document_unit(…, CAIRO_SVG_UNIT_PX)`),
/// text as glyph outlines (Cairo emits glyph symbols and `<use>`s, so no font is needed to view
/// it), or with ``SVGTextMode/text`` as `<text>` elements (``SVGCanvas``, no Cairo). PDF:
/// `0.75 × width` by `0.75 × height` pt, text embedded as real text. The same chart always gives byte-identical
/// PNG; SVG differs only in the process-wide `surfaceN` ids Cairo numbers its surfaces with.
public enum ChartRenderer {
    /// The file bytes of `chart` in `format`. Throws `PlotError` for invalid charts (see
    /// `Chart.validate()`) or when Cairo fails.
    public static func render(_ chart: Chart, as format: ImageFormat, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
        try rendered(chart, as: format, options: options).bytes
    }

    /// The file bytes of `chart` in `format`, and the layout's notices (texts shortened,
    /// marker labels left out), for the caller to report.
    public static func rendered(
        _ chart: Chart, as format: ImageFormat, options: RenderOptions = RenderOptions()
    ) throws -> RenderedChart {
        if format == .html {
            return try HTMLChartRenderer.rendered(chart, hover: HoverTable(pointsOf: chart))
        }
        let faces = CairoFontFaces()
        if format == .svg && options.svgText == .text {
            try chart.validate()
            let layout = ChartLayout.make(chart, measurer: CairoTextMeasurer(faces: faces), deviceScale: 1)
            return RenderedChart(bytes: Array(svgDocument(chart, layout: layout).utf8), notices: layout.notices)
        }
        var notices: [LayoutNotice] = []
        let bytes = try render(chart, as: format, faces: faces, notices: &notices)
        return RenderedChart(bytes: bytes, notices: notices)
    }

    /// An SVG document of `layout` with `<text>` elements (see ``SVGCanvas``).
    static func svgDocument(_ chart: Chart, layout: ChartLayout, idPrefix: String = "lrplot", attributes: String = "") -> String {
        var canvas = SVGCanvas(idPrefix: idPrefix)
        ChartPainter(theme: chart.theme, deviceScale: 1, background: !chart.transparentBackground)
            .paint(layout, on: &canvas)
        return SVGCanvas.document(body: canvas.body, width: layout.width, height: layout.height, attributes: attributes)
    }

    /// `render(_:as:)` with the given fonts (tests compare the two ways of finding them).
    static func render(_ chart: Chart, as format: ImageFormat, faces: CairoFontFaces) throws -> [UInt8] {
        var notices: [LayoutNotice] = []
        return try render(chart, as: format, faces: faces, notices: &notices)
    }

    static func render(
        _ chart: Chart, as format: ImageFormat, faces: CairoFontFaces, notices: inout [LayoutNotice]
    ) throws -> [UInt8] {
        try render(chart, as: format, faces: faces, notices: &notices) { surface in try PNGEncoder.encode(surface) }
    }

    /// The chart's pixels, as the PNG would hold them: straight RGBA8, row-major (for
    /// terminal graphics, which take pixels rather than files).
    static func pixels(_ chart: Chart) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var notices: [LayoutNotice] = []
        var size = (0, 0)
        let rgba = try render(chart, as: .png, faces: CairoFontFaces(), notices: &notices) { surface in
            guard let data = cairo_image_surface_get_data(surface) else { throw PlotError("the image surface has no pixels") }
            let width = Int(cairo_image_surface_get_width(surface))
            let height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            size = (width, height)
            var out = [UInt8](repeating: 0, count: 4 * width * height)
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride)
                for x in 0..<width {
                    let pixel = row.load(fromByteOffset: 4 * x, as: UInt32.self)
                    let a = pixel >> 24
                    func channel(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                    let o = 4 * (y * width + x)
                    out[o] = channel((pixel >> 16) & 0xFF)
                    out[o + 1] = channel((pixel >> 8) & 0xFF)
                    out[o + 2] = channel(pixel & 0xFF)
                    out[o + 3] = UInt8(a)
                }
            }
            return out
        }
        return (size.0, size.1, rgba)
    }

    /// Renders `chart`; a PNG's image surface is handed to `image` (encode it, or read it).
    private static func render(
        _ chart: Chart, as format: ImageFormat, faces: CairoFontFaces, notices: inout [LayoutNotice],
        image: (OpaquePointer) throws -> [UInt8]
    ) throws -> [UInt8] {
        try chart.validate()
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let w = chart.width
        let h = chart.height
        let surface: OpaquePointer?
        var deviceScale = 1.0
        var userScale = 1.0
        switch format {
        case .png:
            deviceScale = chart.scale
            userScale = chart.scale
            surface = cairo_image_surface_create(
                CAIRO_FORMAT_ARGB32, Int32((w * chart.scale).rounded()), Int32((h * chart.scale).rounded()))
        case .svg:
            surface = cairo_svg_surface_create_for_stream(ByteSink.write, closure, w, h)
            if let surface { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX) }
        case .pdf:
            userScale = 0.75
            surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, w * 0.75, h * 0.75)
        case .html:
            throw PlotError("HTML is not drawn through Cairo; use HTMLChartRenderer")
        }
        guard let surface else { throw PlotError("Cairo could not create a \(format.rawValue) surface") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "creating the \(format.rawValue) surface")
        guard let cr = cairo_create(surface) else { throw PlotError("Cairo could not create a context") }
        CairoFont.configure(cr)
        cairo_scale(cr, userScale, userScale)

        let measurer = CairoTextMeasurer(faces: faces)
        let layout = ChartLayout.make(chart, measurer: measurer, deviceScale: deviceScale)
        notices = layout.notices
        var canvas = CairoCanvas(cr: cr, faces: faces)
        ChartPainter(theme: chart.theme, deviceScale: deviceScale, background: !chart.transparentBackground)
            .paint(layout, on: &canvas)
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        try check(drawStatus, "drawing")

        switch format {
        case .png:
            cairo_surface_flush(surface)
            return try image(surface)
        case .svg, .pdf, .html:
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "finishing the \(format.rawValue)")
        }
        return withExtendedLifetime(sink) { sink.bytes }
    }

    /// The layout `render` would draw (text measured through Cairo), for inspection and tests.
    public static func layout(_ chart: Chart, format: ImageFormat = .png) throws -> ChartLayout {
        try chart.validate()
        return ChartLayout.make(
            chart, measurer: CairoTextMeasurer(faces: CairoFontFaces()), deviceScale: format == .png ? chart.scale : 1)
    }

    private static func check(_ status: cairo_status_t, _ what: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "error \(status)"
            throw PlotError("Cairo failed \(what): \(message)")
        }
    }
}
