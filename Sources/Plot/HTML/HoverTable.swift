/// The exact values an interactive chart shows on hover, supplied by the caller: a list of
/// x positions and, for some of the chart's series, the text of their value at each.
///
/// The drawing stays the chart's (decimated to a few points per pixel column); this table
/// is what the reader is told. Give every step for short runs; for long ones a sample (say
/// a few thousand steps) — the hover then snaps to the nearest step that has values, and
/// shows that step. Values are texts so that they read exactly as the caller prints them
/// elsewhere (lrplot passes what `lrplot values` prints); `nil` means no value there (a
/// schedule that stopped).
public struct HoverTable: Sendable, Equatable {
    /// One series' values.
    public struct Column: Sendable, Equatable {
        /// The panel of the series (0 = top).
        public var panel: Int
        /// The series' index in its panel (its colour, and the legend entry that hides it).
        public var series: Int
        /// Label shown beside the value; `nil` takes the series' label.
        public var label: String?
        /// The value at each of the table's x positions, as text.
        public var values: [String?]

        /// Creates a column.
        public init(panel: Int, series: Int, label: String? = nil, values: [String?]) {
            self.panel = panel
            self.series = series
            self.label = label
            self.values = values
        }
    }

    /// The x positions with values, ascending, in the chart's x units.
    public var xs: [Double]
    /// The columns, in the order the hover lists them.
    public var columns: [Column]

    /// Creates a table.
    public init(xs: [Double], columns: [Column]) {
        self.xs = xs
        self.columns = columns
    }

    /// The chart's own points as a table: the x values of every series, and each series'
    /// y there as Swift prints it (its shortest round-trip text), `nil` where a series has
    /// no point. Exact for charts drawn from every step; a caller with the values behind a
    /// decimated chart should give its own table.
    public init(pointsOf chart: Chart) {
        var xs = Set<Double>()
        for panel in chart.panels {
            for s in panel.series { xs.formUnion(s.xs.filter(\.isFinite)) }
        }
        let sorted = xs.sorted()
        var columns: [Column] = []
        for (p, panel) in chart.panels.enumerated() {
            for (i, s) in panel.series.enumerated() {
                var at: [Double: String] = [:]
                for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite { at[x] = String(y) }
                columns.append(Column(panel: p, series: i, values: sorted.map { at[$0] }))
            }
        }
        self.init(xs: sorted, columns: columns)
    }

    /// Checks the table against `chart`: finite ascending x values, one value per x in every
    /// column, values without commas, and columns naming series that exist.
    public func validate(for chart: Chart) throws(PlotError) {
        guard xs.allSatisfy(\.isFinite), zip(xs, xs.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw PlotError("hover x values must be finite and strictly ascending")
        }
        for (i, column) in columns.enumerated() {
            guard column.panel >= 0, column.panel < chart.panels.count,
                  column.series >= 0, column.series < chart.panels[column.panel].series.count
            else {
                throw PlotError("hover column \(i + 1) names panel \(column.panel + 1), series \(column.series + 1), which the chart does not have")
            }
            guard column.values.count == xs.count else {
                throw PlotError("hover column \(i + 1) has \(column.values.count) values for \(xs.count) x values")
            }
            if let bad = column.values.first(where: { $0?.contains(",") == true }) {
                throw PlotError("hover column \(i + 1) has a value with a comma: \(bad ?? "")")
            }
        }
    }
}
