/// Reduces a polyline to at most six points per device pixel column: the first, lowest,
/// highest and last point of each run of consecutive points in the same column (M4, Jugel et
/// al., VLDB 2014), plus the point just before the lowest and before the highest, kept in
/// their original order.
///
/// Drawing the reduced polyline lights the same pixels the full one would at that column
/// width: within a column every segment lies between the column's min and max, and the links
/// between columns (last → next first) are unchanged. Keeping the predecessors of the extremes
/// makes a vertical drop inside a column (a stair step) exactly vertical rather than a
/// sub-pixel diagonal. Output size is proportional to the number of columns, not of points.
public struct M4Decimator: Sendable {
    /// Finished polylines (a break in the data starts a new one).
    public private(set) var runs: [[Point]] = []
    private var current: [Point] = []
    private var column = Int.min
    private var first = Point(x: 0, y: 0)
    private var low = Point(x: 0, y: 0)
    private var high = Point(x: 0, y: 0)
    private var last = Point(x: 0, y: 0)
    private var lowIndex = 0
    private var highIndex = 0
    private var beforeLow = Point(x: 0, y: 0)
    private var beforeHigh = Point(x: 0, y: 0)
    private var index = 0

    /// Creates an empty decimator.
    public init() {}

    /// Appends a point lying in device pixel column `column`.
    public mutating func add(_ point: Point, column: Int) {
        if column != self.column || index == 0 {
            flushColumn()
            self.column = column
            first = point
            low = point
            high = point
            lowIndex = 0
            highIndex = 0
            index = 0
        } else {
            if point.y < low.y {
                low = point
                lowIndex = index
                beforeLow = last
            }
            if point.y > high.y {
                high = point
                highIndex = index
                beforeHigh = last
            }
        }
        last = point
        index += 1
    }

    /// Ends the current polyline (a gap in the data).
    public mutating func breakLine() {
        flushColumn()
        if !current.isEmpty { runs.append(current) }
        current = []
    }

    /// Ends the data and returns every polyline.
    public mutating func finish() -> [[Point]] {
        breakLine()
        return runs
    }

    private mutating func flushColumn() {
        guard index > 0 else { return }
        let lastIndex = index - 1
        var candidates: [(Int, Point)] = [(0, first), (lastIndex, last)]
        if lowIndex > 0 { candidates += [(lowIndex - 1, beforeLow), (lowIndex, low)] }
        if highIndex > 0 { candidates += [(highIndex - 1, beforeHigh), (highIndex, high)] }
        candidates.sort { $0.0 < $1.0 }
        var previous = -1
        for (i, p) in candidates where i != previous {
            current.append(p)
            previous = i
        }
        index = 0
    }
}
