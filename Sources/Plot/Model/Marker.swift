/// A thin vertical rule across a panel at `x`, with an optional short label at its top.
///
/// Phase markers (the default kind) are dotted and grey: the boundaries a schedule defines,
/// labelled like "cosine: warm-up end". Annotations are the user's own notes ("resumed
/// here"): a dashed rule in the text colour whose label is placed first and never left out
/// for a phase label.
public struct Marker: Sendable, Equatable {
    /// What a marker stands for.
    public enum Kind: Sendable, Equatable {
        /// A boundary of a schedule's phases.
        case phase
        /// A note written by the user.
        case annotation
    }

    /// Position on the x axis.
    public var x: Double
    /// Short text drawn beside the rule's top; `nil` for none.
    public var label: String?
    /// Phase marker or user annotation.
    public var kind: Kind
    /// The rule's and label's colour; `nil` takes the theme's marker colour (phases) or text
    /// colour (annotations).
    public var color: RGBColor?

    /// Creates a marker.
    public init(x: Double, label: String? = nil, kind: Kind = .phase, color: RGBColor? = nil) {
        self.x = x
        self.label = label
        self.kind = kind
        self.color = color
    }
}
