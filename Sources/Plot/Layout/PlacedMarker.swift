/// A marker rule resolved for drawing: where, how, and its label if it found room.
public struct PlacedMarker: Sendable, Equatable {
    /// Horizontal position of the rule (px).
    public var x: Double
    /// Phase marker or annotation (an annotation wins when both fall on one pixel).
    public var kind: Marker.Kind
    /// The colour of the rule and its label.
    public var color: RGBColor
    /// The label, placed beside the rule's top (in a lower row when the top is taken), or
    /// `nil`.
    public var label: PlacedText?
}
