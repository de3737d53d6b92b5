/// A complete chart: title, shared x axis, vertically stacked panels, the output size and the
/// sizes of its text and lines.
///
/// Sizes are CSS pixels (96 per inch). PNG output is `round(width × scale)` by
/// `round(height × scale)` device pixels; SVG is `width` by `height` px; PDF is `0.75 × width`
/// by `0.75 × height` pt (the same physical size). ``FigureSize`` sets all three from inches or
/// centimetres and a dpi.
///
/// Text sizes follow ``fontSize`` and stroke widths ``lineWidth``, with every gap, tick and
/// legend dimension scaled along (see ``LayoutMetrics``); the defaults, 9 pt and 1.5 pt
/// (12 px text, 2 px lines), are what lrplot draws for screens. For print, matplotlib's
/// defaults are 10 pt text and 1.5 pt lines on a 6.4 × 4.8 in figure; a paper column is
/// usually 3.5 in wide with 8 pt text and 1 pt lines (``paperColumn(panels:)``).
public struct Chart: Sendable {
    /// Title drawn centred above the plot area; `nil` or empty for none. Wrapped onto up to
    /// three lines, and shrunk, when it does not fit the width.
    public var title: String?
    /// Width in CSS pixels.
    public var width: Double
    /// Height in CSS pixels.
    public var height: Double
    /// PNG pixel density: 1 for normal screens, 2 for HiDPI, `dpi / 96` for print. Vector
    /// formats ignore it.
    public var scale: Double
    /// Base font size in pt (tick labels and legend entries; 1 pt = 4/3 px). The title is
    /// 4/3 of it, axis labels 13/12, marker labels 7/8.
    public var fontSize: Double
    /// Series line width in pt (1 pt = 4/3 px); the frame, grid, ticks and marker rules are
    /// half as wide. A series' own ``Series/lineWidth`` overrides it.
    public var lineWidth: Double
    /// Colours of background, text, grid and the default series palette.
    public var theme: Theme
    /// Leaves the background unpainted (transparent in PNG and SVG).
    public var transparentBackground: Bool
    /// The x axis, shared by every panel; tick labels are drawn below the bottom panel only.
    public var xAxis: Axis
    /// A second x scale drawn above the top panel (epochs over steps), or `nil`.
    public var secondaryXAxis: SecondaryAxis?
    /// Panels from top to bottom.
    public var panels: [Panel]
    /// Where each panel's legend goes.
    public var legend: LegendPlacement

    /// The default base font size, 9 pt (12 px).
    public static let defaultFontSize = 9.0
    /// The default series line width, 1.5 pt (2 px), matplotlib's `lines.linewidth`.
    public static let defaultLineWidth = 1.5

    /// Creates a chart; see the properties for the meaning of each argument.
    public init(
        title: String? = nil, width: Double = 960, height: Double = 540, scale: Double = 1,
        fontSize: Double = Chart.defaultFontSize, lineWidth: Double = Chart.defaultLineWidth,
        theme: Theme = .light, transparentBackground: Bool = false, xAxis: Axis = Axis(),
        secondaryXAxis: SecondaryAxis? = nil, panels: [Panel], legend: LegendPlacement = .auto
    ) {
        self.title = title
        self.width = width
        self.height = height
        self.scale = scale
        self.fontSize = fontSize
        self.lineWidth = lineWidth
        self.theme = theme
        self.transparentBackground = transparentBackground
        self.xAxis = xAxis
        self.secondaryXAxis = secondaryXAxis
        self.panels = panels
        self.legend = legend
    }

    /// Creates a chart sized in whole CSS pixels (the sizes of a spec's `"width"` and
    /// `"height"`).
    public init(
        title: String? = nil, width: Int, height: Int, scale: Double = 1,
        theme: Theme = .light, transparentBackground: Bool = false, xAxis: Axis = Axis(),
        panels: [Panel], legend: LegendPlacement = .auto
    ) {
        self.init(
            title: title, width: Double(width), height: Double(height), scale: scale, theme: theme,
            transparentBackground: transparentBackground, xAxis: xAxis, panels: panels, legend: legend)
    }

    /// Creates a chart of a physical size: width and height from `size`, scale `dpi / 96`.
    public init(
        title: String? = nil, size: FigureSize, fontSize: Double = Chart.defaultFontSize,
        lineWidth: Double = Chart.defaultLineWidth, theme: Theme = .light, xAxis: Axis = Axis(),
        panels: [Panel], legend: LegendPlacement = .auto
    ) {
        self.init(
            title: title, fontSize: fontSize, lineWidth: lineWidth, theme: theme, xAxis: xAxis, panels: panels,
            legend: legend)
        setSize(size)
    }

    /// A chart for one column of a two-column paper, as matplotlib users set it up: 3.5 in ×
    /// 2.625 in at 300 dpi, 8 pt text, 1 pt lines.
    public static func paperColumn(title: String? = nil, xAxis: Axis = Axis(), panels: [Panel]) -> Chart {
        Chart(title: title, size: .paperColumn, fontSize: 8, lineWidth: 1, xAxis: xAxis, panels: panels)
    }

    /// Sets the width and height (CSS px) from a physical size, and the PNG scale from its dpi.
    public mutating func setSize(_ size: FigureSize) {
        width = size.width.cssPixels
        height = size.height.cssPixels
        scale = size.dpi / 96
    }

    /// The most device pixels a PNG may have: 50 million (7071 × 7071, or 8K UHD 7680 × 4320
    /// at 1.5 of its area). Rendering needs 4 bytes per device pixel for the image plus the
    /// compressed file, about 250 MB at the limit.
    public static let maximumDevicePixels = 50_000_000
    /// The most device pixels on either side of a PNG (Cairo's image limit).
    public static let maximumDeviceSide = 32767

    /// The PNG's size in device pixels: `round(width × scale)` × `round(height × scale)`
    /// (infinite when the product overflows).
    public var deviceSize: (width: Double, height: Double) {
        ((width * scale).rounded(), (height * scale).rounded())
    }

    /// Checks that the chart can be drawn: positive sizes, a PNG of at most
    /// ``maximumDeviceSide`` device pixels a side and ``maximumDevicePixels`` in all, at least
    /// one panel, at least one series per panel, and `xs.count == ys.count`.
    public func validate() throws(PlotError) {
        guard scale.isFinite, scale > 0 else {
            throw PlotError("scale must be a positive number, found \(scale)")
        }
        func px(_ v: Double) -> String {
            v == v.rounded() && v.magnitude < 1e15 ? String(Int(v)) : String(v)
        }
        guard width.isFinite, height.isFinite, width >= 64, height >= 64 else {
            throw PlotError("chart size must be at least 64×64 px, found \(px(width))×\(px(height))")
        }
        guard fontSize.isFinite, fontSize >= 1, fontSize <= 200 else {
            throw PlotError("font size must be between 1 and 200 pt, found \(fontSize)")
        }
        guard lineWidth.isFinite, lineWidth >= 0.05, lineWidth <= 100 else {
            throw PlotError("line width must be between 0.05 and 100 pt, found \(lineWidth)")
        }
        if let secondary = secondaryXAxis, !(secondary.divisor.isFinite && secondary.divisor > 0) {
            throw PlotError("the secondary x axis divisor must be a positive number, found \(secondary.divisor)")
        }
        let device = deviceSize
        func count(_ v: Double) -> String { v < 1e15 ? String(Int(v)) : String(v) }
        guard device.width <= Double(Self.maximumDeviceSide), device.height <= Double(Self.maximumDeviceSide) else {
            throw PlotError(
                "chart of \(px(width))×\(px(height)) px at scale \(scale) is \(count(device.width))×\(count(device.height)) device pixels; the limit is \(Self.maximumDeviceSide) per side")
        }
        guard device.width * device.height <= Double(Self.maximumDevicePixels) else {
            throw PlotError(
                "chart of \(px(width))×\(px(height)) px at scale \(scale) is \(count(device.width))×\(count(device.height)) = \(count(device.width * device.height)) device pixels; the limit is \(Self.maximumDevicePixels) (50 megapixels): lower the size or the scale")
        }
        guard !panels.isEmpty else { throw PlotError("the chart has no panels") }
        for (p, panel) in panels.enumerated() {
            guard !panel.series.isEmpty else {
                throw PlotError("panel \(p + 1) has no series")
            }
            guard panel.weight.isFinite, panel.weight > 0 else {
                throw PlotError("panel \(p + 1) weight must be a positive number, found \(panel.weight)")
            }
            for series in panel.series {
                guard series.xs.count == series.ys.count else {
                    throw PlotError(
                        "series '\(series.label)' has \(series.xs.count) x values but \(series.ys.count) y values")
                }
                if let band = series.band, band.lower.count != series.xs.count || band.upper.count != series.xs.count {
                    throw PlotError(
                        "series '\(series.label)' band has \(band.lower.count) lower and \(band.upper.count) upper values for \(series.xs.count) x values")
                }
                if let width = series.lineWidth, !(width.isFinite && width > 0) {
                    throw PlotError("series '\(series.label)' line width must be positive, found \(width)")
                }
            }
        }
        for axis in [xAxis] + panels.map(\.yAxis) {
            if let domain = axis.domain {
                guard domain.lowerBound.isFinite, domain.upperBound.isFinite,
                    domain.lowerBound < domain.upperBound
                else {
                    throw PlotError("axis domain must be finite and non-empty, found \(domain)")
                }
                if axis.scale == .log, domain.lowerBound <= 0 {
                    throw PlotError("a log axis domain must be positive, found \(domain)")
                }
            }
        }
    }
}
