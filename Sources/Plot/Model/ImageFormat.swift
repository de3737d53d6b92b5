/// An output file format.
public enum ImageFormat: String, Sendable, CaseIterable {
    /// Raster, `width × scale` by `height × scale` pixels.
    case png
    /// Vector, sized in px; text drawn as glyph outlines.
    case svg
    /// Vector, sized in pt (0.75 pt per px).
    case pdf
    /// Interactive HTML: the chart as inline SVG with a hover readout and legend toggles
    /// (``HTMLChartRenderer``).
    case html

    /// The format for a file extension such as `"png"` or `".SVG"`; `nil` if unknown.
    public init?(pathExtension: String) {
        var ext = Substring(pathExtension.lowercased())
        if ext.hasPrefix(".") { ext = ext.dropFirst() }
        self.init(rawValue: String(ext))
    }
}
