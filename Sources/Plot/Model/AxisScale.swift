/// The transform of an axis.
public enum AxisScale: String, Sendable, CaseIterable {
    /// Values map linearly to positions.
    case linear
    /// log10 of values maps linearly to positions; values ≤ 0 are not drawn.
    case log
}
