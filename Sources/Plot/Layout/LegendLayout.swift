import Foundation

/// A placed legend: its box and one entry per row.
public struct LegendLayout: Sendable {
    /// What a legend row shows before its text.
    public enum Sample: Sendable, Equatable {
        /// A line in the style of the panel's series at this index (over a shaded swatch when
        /// the series has a band).
        case line(series: Int)
        /// A shaded swatch saying what the bands are (``Band/label``), in the colour of the
        /// series at this index, or in a neutral grey when several series share the label.
        case band(series: Int?)
        /// Nothing: the "+N more" row.
        case none
    }

    /// One legend row: a sample and a label.
    public struct Entry: Sendable {
        /// What the row shows before its text.
        public var sample: Sample
        /// Left end of the sample (its vertical middle).
        public var sampleStart: Point
        /// Right end of the sample.
        public var sampleEnd: Point
        /// Height of a band swatch.
        public var swatchHeight: Double
        /// The label.
        public var text: PlacedText

        /// The series index of a line sample (`nil` for band and "+N more" rows).
        public var series: Int? {
            if case .line(let index) = sample { return index }
            return nil
        }
    }

    /// The box (filled and outlined).
    public var box: Rect
    /// Rows from top to bottom.
    public var entries: [Entry]
    /// The placement used (never `.auto`).
    public var placement: LegendPlacement

    /// A row before placement: its sample and its text.
    struct Row: Equatable {
        var sample: Sample
        var label: String
    }

    /// The rows of a panel's legend: one line row per series (when `showsLines`), then one
    /// band row per distinct band label.
    static func rows(for panel: Panel, showsLines: Bool) -> [Row] {
        var rows: [Row] = showsLines ? panel.series.indices.map { Row(sample: .line(series: $0), label: panel.series[$0].label) } : []
        var bandLabels: [String] = []
        var owners: [String: [Int]] = [:]
        for (i, s) in panel.series.enumerated() {
            guard let label = s.band?.label, !label.isEmpty else { continue }
            if owners[label] == nil { bandLabels.append(label) }
            owners[label, default: []].append(i)
        }
        for label in bandLabels {
            let owner = owners[label] ?? []
            rows.append(Row(sample: .band(series: owner.count == 1 ? owner[0] : nil), label: label))
        }
        return rows
    }

    /// The rows with labels shortened with "…" so that the legend box is at most `maxWidth`
    /// wide; shortened labels are reported in `notices`.
    static func fitted(
        _ rows: [Row], maxWidth: Double, metrics: LayoutMetrics, fitting: inout TextFitting,
        notices: inout [LayoutNotice]
    ) -> [Row] {
        let available = maxWidth - (2 * metrics.legendPadding + metrics.legendSampleLength + metrics.legendSampleGap)
        return rows.map { row in
            var row = row
            let shown = fitting.ellipsized(row.label, style: metrics.legend, maxWidth: available)
            if shown != row.label {
                let notice = LayoutNotice.textShortened(role: .legend, full: row.label, shown: shown)
                if !notices.contains(notice) { notices.append(notice) }
                row.label = shown
            }
            return row
        }
    }

    /// How many rows fit in a legend box at most `height` tall (at least 1).
    static func capacity(height: Double, metrics: LayoutMetrics, measurer: any TextMeasurer) -> Int {
        let row = measurer.measure("Ag", style: metrics.legend).height
        let rows = ((height - 2 * metrics.legendPadding + metrics.legendRowGap) / (row + metrics.legendRowGap)).rounded(.down)
        return rows.isFinite ? max(1, Int(min(rows, 1e6))) : 1
    }

    /// Size of a legend box for these labels.
    static func size(labels: [String], metrics: LayoutMetrics, measurer: any TextMeasurer) -> (width: Double, height: Double) {
        let heights = measurer.measure("Ag", style: metrics.legend).height
        let textWidth = labels.map { measurer.measure($0, style: metrics.legend).width }.max() ?? 0
        let n = Double(labels.count)
        return (
            2 * metrics.legendPadding + metrics.legendSampleLength + metrics.legendSampleGap + textWidth,
            2 * metrics.legendPadding + n * heights + max(0, n - 1) * metrics.legendRowGap
        )
    }

    /// The columns of a legend at most `maxWidth` wide whose entries sit in a grid of equal
    /// columns (as many as fit, at least one), and its size.
    static func grid(labels: [String], maxWidth: Double, metrics: LayoutMetrics, measurer: any TextMeasurer)
        -> (columns: Int, size: (width: Double, height: Double))
    {
        let entry = metrics.legendSampleLength + metrics.legendSampleGap
            + (labels.map { measurer.measure($0, style: metrics.legend).width }.max() ?? 0)
        let gap = metrics.legendSampleLength / 2
        let fit = ((maxWidth - 2 * metrics.legendPadding + gap) / (entry + gap)).rounded(.down)
        let columns = max(1, min(labels.count, fit.isFinite ? Int(min(fit, 1e6)) : 1))
        let rows = (labels.count + columns - 1) / columns
        let rowHeight = measurer.measure("Ag", style: metrics.legend).height
        let n = Double(rows)
        return (columns, (
            2 * metrics.legendPadding + Double(columns) * entry + Double(columns - 1) * gap,
            2 * metrics.legendPadding + n * rowHeight + max(0, n - 1) * metrics.legendRowGap))
    }

    /// The box for `placement` next to or inside `plot`.
    static func box(
        _ placement: LegendPlacement, size: (width: Double, height: Double), plot: Rect, metrics: LayoutMetrics
    ) -> Rect {
        let w = size.width
        let h = size.height
        let inset = metrics.legendInset
        switch placement {
        case .upperLeft: return Rect(x: plot.minX + inset, y: plot.minY + inset, width: w, height: h)
        case .lowerLeft: return Rect(x: plot.minX + inset, y: plot.maxY - inset - h, width: w, height: h)
        case .lowerRight:
            return Rect(x: plot.maxX - inset - w, y: plot.maxY - inset - h, width: w, height: h)
        case .outsideRight: return Rect(x: plot.maxX + metrics.legendOutsideGap, y: plot.minY, width: w, height: h)
        case .upperRight, .auto, .none, .below:
            return Rect(x: plot.maxX - inset - w, y: plot.minY + inset, width: w, height: h)
        }
    }

    /// Lays the rows out in `box`, in `columns` equal columns (row by row).
    static func make(
        box: Rect, placement: LegendPlacement, rows: [Row], columns: Int = 1, metrics: LayoutMetrics,
        measurer: any TextMeasurer
    ) -> LegendLayout {
        var entries: [Entry] = []
        let columns = max(1, columns)
        let gap = metrics.legendSampleLength / 2
        let columnWidth = (box.width - 2 * metrics.legendPadding - Double(columns - 1) * gap) / Double(columns)
        var top = box.minY + metrics.legendPadding
        for (i, row) in rows.enumerated() {
            var text = PlacedText(row.label, style: metrics.legend, role: .legend, measurer: measurer)
            let m = text.metrics
            let middle = top + m.height / 2
            let baseline = middle + m.capHeight / 2
            let x0 = box.minX + metrics.legendPadding + Double(i % columns) * (columnWidth + gap)
            text.origin = Point(x: x0 + metrics.legendSampleLength + metrics.legendSampleGap, y: baseline)
            entries.append(
                Entry(
                    sample: row.sample, sampleStart: Point(x: x0, y: middle),
                    sampleEnd: Point(x: x0 + metrics.legendSampleLength, y: middle),
                    swatchHeight: 0.75 * m.height, text: text))
            if i % columns == columns - 1 { top += m.height + metrics.legendRowGap }
        }
        return LegendLayout(box: box, entries: entries, placement: placement)
    }
}
