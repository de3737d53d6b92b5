/// Places a panel's marker rules and their labels.
///
/// Rules closer than one device pixel are merged into one (an annotation wins over phase
/// markers; labels are joined, "a, b" or "a, b +3"), so 10⁶ markers cost one rule per
/// pixel column. Labels go beside the top of their rule, right or left, in one of up to eight
/// rows (60 % of the panel at most), inside the plot and clear of the legend and of
/// every label placed before, preferring places where they cross no other rule; of those,
/// where they hide the least of the lines (a row lower costs as much as two row heights of
/// line). Annotations are placed before phase labels, each group from left to right. A
/// label with no room anywhere is left out (its rule stays) and reported.
enum MarkerLayout {
    /// The placed markers of one panel, and the labels left out.
    static func make(
        _ markers: [Marker], plot rect: Rect, xPosition: (Double) -> Double?, series: [SeriesLayout],
        obstacles: [Rect] = [], theme: Theme, metrics: LayoutMetrics, deviceScale: Double, measurer: any TextMeasurer,
        fitting: inout TextFitting
    ) -> (markers: [PlacedMarker], omitted: [String], shortened: [(full: String, shown: String)]) {
        // Rules inside the plot, left to right.
        var positioned: [(x: Double, marker: Int)] = []
        positioned.reserveCapacity(markers.count)
        for (i, marker) in markers.enumerated() {
            guard let x = xPosition(marker.x), x >= rect.minX - 0.01, x <= rect.maxX + 0.01 else { continue }
            positioned.append((x, i))
        }
        // Usually given in order already: then no sort.
        if !zip(positioned, positioned.dropFirst()).allSatisfy({ $0.x <= $1.x }) {
            positioned.sort { $0.x < $1.x || ($0.x == $1.x && $0.marker < $1.marker) }
        }

        // Merge rules that share a device pixel column.
        struct Group {
            var x: Double
            var kind: Marker.Kind
            var color: RGBColor?
            var labels: [String] = []
            var moreLabels = 0
        }
        var groups: [Group] = []
        var lastColumn = Int.min
        for (x, index) in positioned {
            let marker = markers[index]
            let column = Int((x * deviceScale).rounded(.down))
            if column != lastColumn || groups.isEmpty {
                groups.append(Group(x: x, kind: marker.kind, color: marker.color))
                lastColumn = column
            } else if marker.kind == .annotation && groups[groups.count - 1].kind == .phase {
                groups[groups.count - 1].kind = .annotation
                groups[groups.count - 1].color = marker.color
                groups[groups.count - 1].x = x
            }
            if let label = marker.label, !label.isEmpty {
                var g = groups[groups.count - 1]
                if g.labels.contains(label) {
                } else if g.labels.count < 2 {
                    if marker.kind == .annotation { g.labels.insert(label, at: 0) } else { g.labels.append(label) }
                } else {
                    g.moreLabels += 1
                }
                groups[groups.count - 1] = g
            }
        }

        var placed: [PlacedMarker] = groups.map { g in
            let color = g.color ?? (g.kind == .annotation ? theme.text : theme.marker)
            return PlacedMarker(x: g.x, kind: g.kind, color: color, label: nil)
        }

        let ruleXs = groups.map(\.x)
        // Labels: annotations first, then phases; each from left to right.
        let style = metrics.marker
        // Rows far enough apart that haloed labels in neighbouring rows do not touch.
        let rowHeight = measurer.measure("Ag", style: style).height + 2 * metrics.markerHalo + metrics.lineGap
        let rows = max(1, min(8, Int(max(0, (rect.height * 0.6 / rowHeight).rounded(.down)))))
        let order = groups.indices.filter { groups[$0].kind == .annotation } + groups.indices.filter { groups[$0].kind == .phase }
        var boxes: [Rect] = obstacles
        var omitted: [String] = []
        var shortened: [(full: String, shown: String)] = []
        let maxLabelWidth = max(0, rect.width - metrics.markerLabelGap - 2 * metrics.markerHalo)
        for g in order where !groups[g].labels.isEmpty {
            let group = groups[g]
            var text = group.labels.joined(separator: ", ")
            if group.moreLabels > 0 { text += " +\(group.moreLabels)" }
            let full = text
            text = fitting.ellipsized(text, style: style, maxWidth: maxLabelWidth)
            if text != full { shortened.append((full, text)) }
            var label = PlacedText(text, style: style, role: .marker, measurer: measurer)
            label.color = placed[g].color
            let m = label.metrics
            var chosen: PlacedText?
            // First where the label crosses no other rule (it would read as that rule's),
            // then anywhere free; of those, the place that hides the least of the lines, a
            // row lower counting as two row heights of line.
            passLoop: for crossingAllowed in [false, true] {
                var best: (cost: Double, text: PlacedText)?
                for row in 0..<rows {
                    let baseline = rect.minY + metrics.markerLabelTop + m.capHeight + Double(row) * rowHeight
                    let rowCost = 2 * rowHeight * Double(row)
                    if let b = best, b.cost <= rowCost { break }
                    for tx in [group.x + metrics.markerLabelGap, group.x - metrics.markerLabelGap - m.width] {
                        label.origin = Point(x: tx, y: baseline)
                        label.alignment = tx < group.x ? .end : .start
                        let box = label.bounds.expanded(by: metrics.markerHalo)
                        guard box.minX >= rect.minX, box.maxX <= rect.maxX, box.maxY <= rect.maxY,
                              !boxes.contains(where: { $0.expanded(by: 0.5).intersects(box) }),
                              crossingAllowed || !Self.crossesRule(box, rules: ruleXs, own: group.x)
                        else { continue }
                        let cost = rowCost + series.reduce(0) { $0 + $1.coveredLength(in: box) }
                        if best == nil || cost < (best?.cost ?? 0) { best = (cost, label) }
                    }
                }
                if let best {
                    chosen = best.text
                    break passLoop
                }
            }
            if let chosen {
                placed[g].label = chosen
                boxes.append(chosen.bounds.expanded(by: metrics.markerHalo))
            } else {
                omitted.append(text)
            }
        }
        return (placed, omitted, shortened)
    }

    /// Whether `box` spans a rule other than the one at `own` (`rules` ascending).
    static func crossesRule(_ box: Rect, rules: [Double], own: Double) -> Bool {
        var lo = 0
        var hi = rules.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rules[mid] < box.minX { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < rules.count, rules[i] <= box.maxX {
            if rules[i] != own { return true }
            i += 1
        }
        return false
    }
}
