import Foundation

/// Draws a chart in a terminal, as a string to write to it: an image through the kitty
/// graphics protocol or sixel when the terminal shows them, else Unicode braille text with
/// axes, tick labels and a legend (``BrailleRenderer``), in colour when allowed.
///
/// A pure function of the chart and the options; the caller detects the terminal
/// (``TerminalCapabilities/detect(environment:isTerminal:deviceAttributes:)``) and measures
/// it. Images are laid out afresh for the terminal's size (`columns × cell width` by
/// `rows × cell height` px), so text stays readable; kitty is told to fill exactly
/// `columns × rows` cells.
public enum TerminalRenderer {
    /// The text to write for `chart`. Throws ``PlotError`` for an invalid chart or a
    /// terminal smaller than ``TerminalOptions/minimumSize``.
    public static func render(_ chart: Chart, options: TerminalOptions) throws -> String {
        try chart.validate()
        let minimum = TerminalOptions.minimumSize
        guard options.columns >= minimum.columns, options.rows >= minimum.rows else {
            throw PlotError("the terminal is \(options.columns)×\(options.rows) cells; a preview needs at least \(minimum.columns)×\(minimum.rows)")
        }
        switch options.capabilities.graphics {
        case .none:
            return try BrailleRenderer.render(chart, columns: options.columns, rows: options.rows, colors: options.capabilities.colors)
        case .kitty:
            let png = try ChartRenderer.render(sized(chart, options), as: .png)
            return kitty(png: png, columns: options.columns, rows: options.rows)
        case .sixel:
            let sized = sized(chart, options)
            let image = try ChartRenderer.pixels(sized)
            return SixelEncoder.encode(width: image.width, height: image.height, rgba: image.rgba, background: sized.theme.background) + "\n"
        }
    }

    /// `chart` laid out for `columns × rows` cells of the given pixel size (at most the PNG
    /// limit), opaque so that the terminal's background does not show through.
    static func sized(_ chart: Chart, _ options: TerminalOptions) -> Chart {
        var c = chart
        let columns = min(options.columns, TerminalOptions.maximumSize.columns)
        let rows = min(options.rows, TerminalOptions.maximumSize.rows)
        // Cells of 1…100 px (a caller's absurd size must not overflow).
        c.width = max(64, Double(columns * min(100, max(1, options.cellPixels.width))))
        c.height = max(64, Double(rows * min(100, max(1, options.cellPixels.height))))
        c.scale = 1
        let pixels = c.width * c.height
        if pixels > Double(Chart.maximumDevicePixels) {
            c.scale = (Double(Chart.maximumDevicePixels) / pixels).squareRoot() * 0.999
        }
        c.transparentBackground = false
        return c
    }

    /// The kitty graphics protocol sequence showing `png` over `columns × rows` cells: the
    /// base64 data in chunks of 4096 (`m=1` on all but the last), responses suppressed
    /// (`q=2`), then a newline below the image.
    static func kitty(png: [UInt8], columns: Int, rows: Int) -> String {
        let data = Data(png).base64EncodedString()
        var out = ""
        var start = data.startIndex
        var first = true
        while start < data.endIndex {
            let end = data.index(start, offsetBy: 4096, limitedBy: data.endIndex) ?? data.endIndex
            let more = end < data.endIndex ? 1 : 0
            let control = first ? "a=T,f=100,q=2,c=\(columns),r=\(rows),m=\(more)" : "m=\(more)"
            out += "\u{1B}_G\(control);\(data[start..<end])\u{1B}\\"
            first = false
            start = end
        }
        return out + "\n"
    }
}
