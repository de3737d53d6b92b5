/// Font size and weight of a piece of chart text; the family is always DejaVu Sans.
public struct TextStyle: Sendable, Hashable {
    /// Font size in CSS px.
    public var size: Double
    /// Bold weight.
    public var bold: Bool

    /// Creates a style.
    public init(size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }

    /// Chart title: 16 px regular.
    public static let title = TextStyle(size: 16)
    /// Axis labels: 13 px.
    public static let axisLabel = TextStyle(size: 13)
    /// Tick labels: 12 px.
    public static let tickLabel = TextStyle(size: 12)
    /// Legend entries: 12 px.
    public static let legend = TextStyle(size: 12)
    /// Marker labels: 10.5 px.
    public static let marker = TextStyle(size: 10.5)
}
