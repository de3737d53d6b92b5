import Foundation

/// A placed legend: its box and one entry per series.
public struct LegendLayout: Sendable {
    /// One legend row: a line sample and the series label.
    public struct Entry: Sendable {
        /// Index of the series in its panel.
        public var series: Int
        /// Left end of the sample line.
        public var sampleStart: Point
        /// Right end of the sample line.
        public var sampleEnd: Point
        /// The label.
        public var text: PlacedText
    }

    /// The box (filled and outlined).
    public var box: Rect
    /// Rows from top to bottom.
    public var entries: [Entry]
    /// The placement used (never `.auto`).
    public var placement: LegendPlacement

    /// Padding inside the box.
    static let padding = 8.0
    /// Length of the line samples.
    static let sampleLength = 28.0
    /// Space between sample and text.
    static let sampleGap = 8.0
    /// Extra space between rows.
    static let rowGap = 3.0
    /// Distance between an inside legend and the plot frame.
    static let inset = 8.0
    /// Distance between an outside legend and the plot frame.
    static let outsideGap = 14.0

    /// The labels, each shortened with "…" as needed so that the legend box is at most
    /// `maxWidth` wide.
    static func fitted(labels: [String], maxWidth: Double, measurer: any TextMeasurer) -> [String] {
        let available = maxWidth - (2 * padding + sampleLength + sampleGap)
        return labels.map {
            TextFitting.ellipsized($0, style: .legend, maxWidth: available, measurer: measurer)
        }
    }

    /// How many rows fit in a legend box at most `height` tall (at least 1).
    static func capacity(height: Double, measurer: any TextMeasurer) -> Int {
        let row = measurer.measure("Ag", style: .legend).height
        return max(1, Int(((height - 2 * padding + rowGap) / (row + rowGap)).rounded(.down)))
    }

    /// Size of a legend box for these labels.
    static func size(labels: [String], measurer: any TextMeasurer) -> (width: Double, height: Double) {
        let metrics = labels.map { measurer.measure($0, style: .legend) }
        let textWidth = metrics.map(\.width).max() ?? 0
        let rowHeight = metrics.first?.height ?? TextStyle.legend.size * 1.17
        let n = Double(labels.count)
        return (
            2 * padding + sampleLength + sampleGap + textWidth,
            2 * padding + n * rowHeight + max(0, n - 1) * rowGap
        )
    }

    /// The box for `placement` next to or inside `plot`.
    static func box(
        _ placement: LegendPlacement, size: (width: Double, height: Double), plot: Rect
    ) -> Rect {
        let w = size.width
        let h = size.height
        switch placement {
        case .upperLeft: return Rect(x: plot.minX + inset, y: plot.minY + inset, width: w, height: h)
        case .lowerLeft: return Rect(x: plot.minX + inset, y: plot.maxY - inset - h, width: w, height: h)
        case .lowerRight:
            return Rect(x: plot.maxX - inset - w, y: plot.maxY - inset - h, width: w, height: h)
        case .outsideRight: return Rect(x: plot.maxX + outsideGap, y: plot.minY, width: w, height: h)
        case .upperRight, .auto, .none:
            return Rect(x: plot.maxX - inset - w, y: plot.minY + inset, width: w, height: h)
        }
    }

    /// Lays the entries out in `box`. When there are fewer labels than `seriesCount`, the last
    /// label is a "+N more" row without a line sample (its `series` is `seriesCount`).
    static func make(
        box: Rect, placement: LegendPlacement, labels: [String], seriesCount: Int,
        measurer: any TextMeasurer
    ) -> LegendLayout {
        var entries: [Entry] = []
        var top = box.minY + padding
        for (i, label) in labels.enumerated() {
            var text = PlacedText(label, style: .legend, role: .legend, measurer: measurer)
            let m = text.metrics
            let middle = top + m.height / 2
            let baseline = middle + m.capHeight / 2
            let x0 = box.minX + padding
            entries.append(
                Entry(
                    series: labels.count < seriesCount && i == labels.count - 1 ? seriesCount : i,
                    sampleStart: Point(x: x0, y: middle),
                    sampleEnd: Point(x: x0 + sampleLength, y: middle),
                    text: {
                        text.origin = Point(x: x0 + sampleLength + sampleGap, y: baseline)
                        return text
                    }()))
            top += m.height + rowGap
        }
        return LegendLayout(box: box, entries: entries, placement: placement)
    }
}
