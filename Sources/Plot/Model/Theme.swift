/// Colours of a chart's background, text, axes, grid, legend and default series palette.
public struct Theme: Sendable, Equatable {
    /// Chart background.
    public var background: RGBColor
    /// Title and axis labels.
    public var text: RGBColor
    /// Tick labels.
    public var tickText: RGBColor
    /// Plot frame and tick marks.
    public var frame: RGBColor
    /// Major grid lines.
    public var grid: RGBColor
    /// Marker rules and their labels.
    public var marker: RGBColor
    /// Legend box fill (drawn at 92% opacity).
    public var legendBackground: RGBColor
    /// Legend box border.
    public var legendBorder: RGBColor
    /// Series colours, cycled.
    public var palette: [RGBColor]

    /// Creates a theme.
    public init(
        background: RGBColor, text: RGBColor, tickText: RGBColor, frame: RGBColor, grid: RGBColor,
        marker: RGBColor, legendBackground: RGBColor, legendBorder: RGBColor, palette: [RGBColor]
    ) {
        self.background = background
        self.text = text
        self.tickText = tickText
        self.frame = frame
        self.grid = grid
        self.marker = marker
        self.legendBackground = legendBackground
        self.legendBorder = legendBorder
        self.palette = palette
    }

    private static func c(_ hex: UInt32) -> RGBColor {
        RGBColor(
            r: Double((hex >> 16) & 0xFF) / 255, g: Double((hex >> 8) & 0xFF) / 255,
            b: Double(hex & 0xFF) / 255)
    }

    /// Okabe–Ito colours (colour-blind safe), yellow last: blue, vermillion, bluish green,
    /// orange, reddish purple, sky blue, yellow.
    public static let okabeIto: [RGBColor] = [
        c(0x0072B2), c(0xD55E00), c(0x009E73), c(0xE69F00), c(0xCC79A7), c(0x56B4E9), c(0xF0E442),
    ]

    /// Okabe–Ito reordered for dark backgrounds (the dark blue moves late): sky blue, orange,
    /// bluish green, vermillion, reddish purple, blue, yellow.
    public static let okabeItoDark: [RGBColor] = [
        c(0x56B4E9), c(0xE69F00), c(0x009E73), c(0xD55E00), c(0xCC79A7), c(0x0072B2), c(0xF0E442),
    ]

    /// Black text on white, light grey grid.
    public static let light = Theme(
        background: c(0xFFFFFF), text: c(0x1A1A1A), tickText: c(0x333333), frame: c(0x404040),
        grid: c(0xE8E8E8), marker: c(0x8C8C8C), legendBackground: c(0xFFFFFF),
        legendBorder: c(0xCCCCCC), palette: okabeIto)

    /// Light text on near-black, dim grid.
    public static let dark = Theme(
        background: c(0x16181D), text: c(0xE8E8E8), tickText: c(0xC8C8C8), frame: c(0x9A9A9A),
        grid: c(0x2C3038), marker: c(0x80858F), legendBackground: c(0x1E2128),
        legendBorder: c(0x3E434D), palette: okabeItoDark)

    /// The default colour of the series at `index` in its panel.
    func seriesColor(_ index: Int) -> RGBColor {
        palette.isEmpty ? text : palette[index % palette.count]
    }

    /// The default dash of the series at `index`: solid, dashed, dotted, dash-dot, cycled.
    static func seriesDash(_ index: Int) -> DashStyle {
        let cycle: [DashStyle] = [.solid, .dashed, .dotted, .dashDot]
        return cycle[index % cycle.count]
    }
}
