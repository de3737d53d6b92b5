/// A thin dotted vertical rule across a panel at `x`, with an optional small label at its top.
public struct Marker: Sendable {
    /// Position on the x axis.
    public var x: Double
    /// Short text drawn beside the rule's top; `nil` for none.
    public var label: String?

    /// Creates a marker.
    public init(x: Double, label: String? = nil) {
        self.x = x
        self.label = label
    }
}
