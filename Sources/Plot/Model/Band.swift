/// A shaded range around a series (a 10–90 % spread, say): filled between `lower` and `upper`
/// at the series' x values, in the series colour at low opacity.
public struct Band: Sendable, Equatable {
    /// Lower edge; one value per x of the series.
    public var lower: [Double]
    /// Upper edge; one value per x of the series.
    public var upper: [Double]

    public init(lower: [Double], upper: [Double]) {
        self.lower = lower
        self.upper = upper
    }
}
