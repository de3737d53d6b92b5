/// Reduces a polyline to at most four points per device pixel column: the first, lowest,
/// highest and last point of each run of consecutive points in the same column (M4, Jugel et
/// al., VLDB 2014), kept in their original order.
///
/// Drawing the reduced polyline lights exactly the pixels the full one would at that column
/// width: within a column every segment lies between the column's min and max, and the links
/// between columns (last → next first) are unchanged. A vertical drop inside one column stays
/// vertical. Output size is proportional to the number of columns, not of points.
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
            }
            if point.y > high.y {
                high = point
                highIndex = index
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
        var kept: [(Int, Point)] = [(0, first)]
        for (i, p) in [(lowIndex, low), (highIndex, high)].sorted(by: { $0.0 < $1.0 })
        where i != 0 && i != lastIndex && kept.last?.0 != i {
            kept.append((i, p))
        }
        if lastIndex != 0 { kept.append((lastIndex, last)) }
        current.append(contentsOf: kept.map(\.1))
        index = 0
    }
}
