/// A complete chart: title, shared x axis, vertically stacked panels and the output size.
///
/// Sizes are CSS pixels. PNG output is `width × scale` by `height × scale` device pixels; SVG is
/// `width` by `height` px; PDF is `0.75 × width` by `0.75 × height` pt (the same physical size).
public struct Chart: Sendable {
    /// Title drawn centred above the plot area; `nil` or empty for none.
    public var title: String?
    /// Width in CSS pixels.
    public var width: Int
    /// Height in CSS pixels.
    public var height: Int
    /// PNG pixel density: 1 for normal screens, 2 for HiDPI. Vector formats ignore it.
    public var scale: Double
    /// Colours of background, text, grid and the default series palette.
    public var theme: Theme
    /// Leaves the background unpainted (transparent in PNG and SVG).
    public var transparentBackground: Bool
    /// The x axis, shared by every panel; tick labels are drawn below the bottom panel only.
    public var xAxis: Axis
    /// Panels from top to bottom.
    public var panels: [Panel]
    /// Where each panel's legend goes.
    public var legend: LegendPlacement

    /// Creates a chart; see the properties for the meaning of each argument.
    public init(
        title: String? = nil, width: Int = 960, height: Int = 540, scale: Double = 1,
        theme: Theme = .light, transparentBackground: Bool = false, xAxis: Axis = Axis(),
        panels: [Panel], legend: LegendPlacement = .auto
    ) {
        self.title = title
        self.width = width
        self.height = height
        self.scale = scale
        self.theme = theme
        self.transparentBackground = transparentBackground
        self.xAxis = xAxis
        self.panels = panels
        self.legend = legend
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
        ((Double(width) * scale).rounded(), (Double(height) * scale).rounded())
    }

    /// Checks that the chart can be drawn: positive sizes, a PNG of at most
    /// ``maximumDeviceSide`` device pixels a side and ``maximumDevicePixels`` in all, at least
    /// one panel, at least one series per panel, and `xs.count == ys.count`.
    public func validate() throws(PlotError) {
        guard scale.isFinite, scale > 0 else {
            throw PlotError("scale must be a positive number, found \(scale)")
        }
        guard width >= 64, height >= 64 else {
            throw PlotError("chart size must be at least 64×64 px, found \(width)×\(height)")
        }
        let device = deviceSize
        func count(_ v: Double) -> String { v < 1e15 ? String(Int(v)) : String(v) }
        guard device.width <= Double(Self.maximumDeviceSide), device.height <= Double(Self.maximumDeviceSide) else {
            throw PlotError(
                "chart of \(width)×\(height) px at scale \(scale) is \(count(device.width))×\(count(device.height)) device pixels; the limit is \(Self.maximumDeviceSide) per side")
        }
        guard device.width * device.height <= Double(Self.maximumDevicePixels) else {
            throw PlotError(
                "chart of \(width)×\(height) px at scale \(scale) is \(count(device.width))×\(count(device.height)) = \(count(device.width * device.height)) device pixels; the limit is \(Self.maximumDevicePixels) (50 megapixels): lower the size or the scale")
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
