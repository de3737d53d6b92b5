/// Thins the marks of a points series to what can be seen: per device pixel column, one mark
/// per vertical run of overlapping points.
///
/// Points are binned by device pixel column (`⌊x·deviceScale⌋`) and, inside a column, by rows
/// `cellHeight` device pixels high (`⌊y·deviceScale / cellHeight⌋`). When a column ends, its
/// occupied rows are grouped into runs of consecutive rows, and each run becomes one
/// ``PointMark``:
/// - a run holding a single point is that point, exactly (sparse data is drawn unchanged);
/// - otherwise a capsule from the run's smallest to its largest y (both exact, as M4 keeps a
///   column's lowest and highest point), at the middle of the run's x range.
///
/// With `cellHeight` at most half the mark's radius (``SeriesLayout`` uses
/// `max(1, radius·deviceScale / 2)`), the capsule is the union of the run's circles to within
/// half a device pixel sideways and `0.14·radius` at its narrowest waist: consecutive y values
/// of a run are at most `2·cellHeight ≤ radius` apart, so the circles overlap along the whole
/// capsule. The picture keeps its extent and gaps; its cost is bounded by the plot's pixels,
/// and a densely sampled curve (10⁶ logged steps) gives one to a few marks per column, like
/// the M4 reduction of lines (``M4Decimator``).
///
/// Points must arrive in ascending column order; a column met again later is thinned on its
/// own (still correct, only less thin).
public struct PointDecimator: Sendable {
    /// Device pixels per CSS px.
    public let deviceScale: Double
    /// Height of a row in device pixels (at least one).
    public let cellHeight: Double
    /// The marks of the columns finished so far.
    public private(set) var marks: [PointMark] = []

    /// The points of one row of the current column.
    private struct Cell {
        var count: Int
        var first: Point
        var minX: Double
        var maxX: Double
        var top: Double
        var bottom: Double

        init(_ p: Point) {
            count = 1
            first = p
            minX = p.x
            maxX = p.x
            top = p.y
            bottom = p.y
        }

        mutating func add(_ p: Point) {
            count += 1
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            top = min(top, p.y)
            bottom = max(bottom, p.y)
        }

        mutating func merge(_ other: Cell) {
            count += other.count
            minX = min(minX, other.minX)
            maxX = max(maxX, other.maxX)
            top = min(top, other.top)
            bottom = max(bottom, other.bottom)
        }
    }

    private var column = Int.min
    /// Finished rows of the current column.
    private var rows: [Int: Cell] = [:]
    /// The row being filled (consecutive points of a smooth series mostly share it).
    private var currentRow = Int.min
    private var current: Cell?

    /// Creates an empty decimator; `cellHeight` is raised to one device pixel if smaller.
    public init(deviceScale: Double, cellHeight: Double) {
        self.deviceScale = deviceScale
        self.cellHeight = max(1, cellHeight)
    }

    /// Adds a point (finite, in CSS px).
    public mutating func add(_ p: Point) {
        let col = Int((p.x * deviceScale).rounded(.down))
        let row = Int((p.y * deviceScale / cellHeight).rounded(.down))
        if col != column {
            flushColumn()
            column = col
        }
        if row == currentRow, current != nil {
            current?.add(p)
            return
        }
        storeCurrent()
        currentRow = row
        current = Cell(p)
    }

    /// Ends the data and returns every mark, column by column (top to bottom in each).
    public mutating func finish() -> [PointMark] {
        flushColumn()
        return marks
    }

    private mutating func storeCurrent() {
        guard let cell = current else { return }
        if rows[currentRow] != nil {
            rows[currentRow]?.merge(cell)
        } else {
            rows[currentRow] = cell
        }
        current = nil
    }

    private mutating func flushColumn() {
        defer { currentRow = Int.min }
        // The usual column of a smooth series: one row, no sorting.
        if rows.isEmpty {
            if let cell = current { emit(cell) }
            current = nil
            return
        }
        storeCurrent()
        var run: Cell?
        var previousRow = Int.min
        for row in rows.keys.sorted() {
            guard let cell = rows[row] else { continue }
            if var r = run, row == previousRow + 1 {
                r.merge(cell)
                run = r
            } else {
                if let r = run { emit(r) }
                run = cell
            }
            previousRow = row
        }
        if let r = run { emit(r) }
        rows.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ cell: Cell) {
        if cell.count == 1 {
            marks.append(PointMark(cell.first))
        } else {
            marks.append(PointMark(x: (cell.minX + cell.maxX) / 2, top: cell.top, bottom: cell.bottom))
        }
    }
}
