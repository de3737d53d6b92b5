/// A figure's size in physical units and the resolution of its PNG, as for print: a paper
/// column is 3.5 in (8.9 cm) wide, a full page width about 7 in.
///
/// Applied to a chart (``Chart/init(size:fontSize:lineWidth:panels:)`` or
/// ``Chart/setSize(_:)``) it sets the chart's width and height in CSS px (96 per inch) and its
/// PNG scale to `dpi / 96`: 3.5 in × 2.625 in at 300 dpi is a 336 × 252 px chart, drawn as a
/// 1050 × 788 px PNG, a 252 × 189 pt PDF and an SVG of 3.5 in × 2.625 in.
public struct FigureSize: Sendable, Hashable {
    /// Width.
    public var width: Length
    /// Height.
    public var height: Length
    /// PNG pixels per inch.
    public var dpi: Double

    /// The default resolution for physical sizes: 300 dpi, what journals ask of line art
    /// at the least.
    public static let printDPI = 300.0

    /// Creates a size.
    public init(width: Length, height: Length, dpi: Double = FigureSize.printDPI) {
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// One column of a two-column paper: 3.5 in × 2.625 in (matplotlib's 4:3 aspect), 300 dpi.
    public static let paperColumn = FigureSize(width: Length(3.5, .inch), height: Length(2.625, .inch))

    /// The full text width of a paper: 7 in × 3.5 in, 300 dpi.
    public static let paperWidth = FigureSize(width: Length(7, .inch), height: Length(3.5, .inch))
}
