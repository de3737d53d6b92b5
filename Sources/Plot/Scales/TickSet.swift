/// The breaks of a scale: major ticks (gridlines, usually labelled), minor ticks (short marks,
/// unlabelled) and an optional multiplier shown once per axis, such as `×10⁻⁵`.
public struct TickSet: Sendable, Equatable {
    /// Major ticks, ascending.
    public var major: [Tick]
    /// Minor tick values, ascending.
    public var minor: [Double]
    /// Factor that the labels must be multiplied by (`"×10⁻⁵"`), or `nil`.
    public var multiplier: String?

    /// Creates a tick set.
    public init(major: [Tick], minor: [Double] = [], multiplier: String? = nil) {
        self.major = major
        self.minor = minor
        self.multiplier = multiplier
    }

    /// The labels of the major ticks, `nil` kept (convenient in tests).
    public var labels: [String?] { major.map(\.label) }
    /// The values of the major ticks.
    public var values: [Double] { major.map(\.value) }
}
