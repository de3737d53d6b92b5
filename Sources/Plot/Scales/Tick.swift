/// One tick of an axis: a value and its label (`nil` for an unlabelled tick).
public struct Tick: Sendable, Equatable {
    /// Position in data units.
    public var value: Double
    /// Text drawn beside the tick; `nil` when unlabelled.
    public var label: String?

    /// Creates a tick.
    public init(value: Double, label: String?) {
        self.value = value
        self.label = label
    }
}
