/// A shaded range around a series (a 10–90 % spread, say): filled between `lower` and `upper`
/// at the series' x values, in the series colour at low opacity.
///
/// With a ``label`` the panel's legend gains a row with a shaded swatch saying what the band
/// is ("10–90 % of parameters"), once for every distinct label, even when the panel draws no
/// legend for its lines.
public struct Band: Sendable, Equatable {
    /// Lower edge; one value per x of the series.
    public var lower: [Double]
    /// Upper edge; one value per x of the series.
    public var upper: [Double]
    /// What the band shows, for the legend; `nil` for no legend row.
    public var label: String?

    public init(lower: [Double], upper: [Double], label: String? = nil) {
        self.lower = lower
        self.upper = upper
        self.label = label
    }
}
