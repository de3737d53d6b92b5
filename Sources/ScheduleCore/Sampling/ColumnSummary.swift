/// The first, lowest, highest and last value of a schedule over one column of steps (an M4
/// reduction), with the values just before the lowest and the highest.
///
/// Drawing ``points`` as a polyline lights the same pixels, at the column's width, as
/// drawing every step: every step's value lies between ``minimum`` and ``maximum``, the
/// line enters at ``first`` and leaves at ``last``. The steps just before the extremes keep
/// a jump inside the column (a stair step) vertical.
public struct ColumnSummary: Sendable, Equatable {
    /// The steps the column covers.
    public var range: Range<Int>
    /// The value at `range.lowerBound`.
    public var first: SamplePoint
    /// The lowest value in the column (its earliest step when tied).
    public var minimum: SamplePoint
    /// The highest value in the column (its earliest step when tied).
    public var maximum: SamplePoint
    /// The value at `range.upperBound − 1`.
    public var last: SamplePoint
    /// The value at `minimum.step − 1`, when that step is in the column.
    public var beforeMinimum: SamplePoint?
    /// The value at `maximum.step − 1`, when that step is in the column.
    public var beforeMaximum: SamplePoint?

    public init(range: Range<Int>, first: SamplePoint, minimum: SamplePoint, maximum: SamplePoint,
                last: SamplePoint, beforeMinimum: SamplePoint? = nil, beforeMaximum: SamplePoint? = nil) {
        self.range = range
        self.first = first
        self.minimum = minimum
        self.maximum = maximum
        self.last = last
        self.beforeMinimum = beforeMinimum
        self.beforeMaximum = beforeMaximum
    }

    /// The up to six points in step order, each step once.
    public var points: [SamplePoint] {
        var all = [first, minimum, maximum, last]
        if let beforeMinimum { all.append(beforeMinimum) }
        if let beforeMaximum { all.append(beforeMaximum) }
        all.sort { $0.step < $1.step }
        var out: [SamplePoint] = []
        out.reserveCapacity(all.count)
        for p in all where out.last?.step != p.step { out.append(p) }
        return out
    }
}
