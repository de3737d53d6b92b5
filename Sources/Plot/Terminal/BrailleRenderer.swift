/// Draws a chart as text: each character cell of a plot holds a Unicode braille pattern of
/// 2 × 4 dots, so an 80-column terminal plots about 150 × 80 points.
///
/// Layout, top to bottom: the title (wrapped onto up to two lines); for each panel a header
/// with its y title and `×10ⁿ` multiplier, then its rows, with y tick labels at the left and
/// `┤` at each tick; under the bottom panel the x axis (`└──┬──`), its tick labels and its
/// title; then the legend, each entry a sample of the series' colour and dash (`────`,
/// `─ ─ `, `····`, `─·─·`), or its point mark (` ●  `, ` ○  `), and its label. Lines keep the
/// chart's dash patterns in dots, so series stay apart without colour; points are single
/// dots. Marker rules are dotted columns. Scales, ticks and tick labels are the chart's
/// (``LinearScale``, ``LogScale``), lines and points are clipped and decimated per dot column
/// as in the images. Where two series share a cell, the one with
/// more dots there gives it its colour.
enum BrailleRenderer {
    /// The bit of the braille dot at column `x` (0–1), row `y` (0–3) of a cell.
    static let dotBits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// A panel's resolved text layout.
    struct PanelText {
        var header: String?
        var rows: Int
        var scale: any PlotScale
        var ticks: [(row: Int, label: String)]
    }

    static func render(_ chart: Chart, columns: Int, rows: Int, colors: TerminalCapabilities.Colors) throws(PlotError) -> String {
        let minimum = TerminalOptions.minimumSize
        guard columns >= minimum.columns, rows >= minimum.rows else {
            throw PlotError("the terminal is \(columns)×\(rows) cells; a preview needs at least \(minimum.columns)×\(minimum.rows)")
        }
        let columns = min(columns, TerminalOptions.maximumSize.columns)
        let rows = min(rows, TerminalOptions.maximumSize.rows)

        // Title and legend first: they decide how many rows the plots get.
        let title = chart.title.flatMap { $0.isEmpty ? nil : TerminalText.wrapped($0, to: columns, maxLines: 2) } ?? []
        let samples: [DashStyle: String] = [.solid: "────", .dashed: "─ ─ ", .dotted: "····", .dashDot: "─·─·"]
        let pointSamples: [PointShape: String] = [.filledCircle: " ●  ", .hollowCircle: " ○  "]
        var legendSeries: [(label: String, color: RGBColor, sample: String)] = []
        var seen = Set<String>()
        for panel in chart.panels where panel.showsLegend && chart.legend != .none {
            for (i, s) in panel.series.enumerated() where !seen.contains(s.label) {
                seen.insert(s.label)
                let sample = s.drawStyle == .points
                    ? pointSamples[s.pointShape] ?? " ●  " : samples[s.dash ?? Theme.seriesDash(i)] ?? "────"
                legendSeries.append((s.label, s.color ?? chart.theme.seriesColor(i), sample))
            }
        }
        var legendLines: [[(sample: String, label: String, color: RGBColor)]] = []
        var lineWidth = 0
        for entry in legendSeries {
            let label = TerminalText.truncated(entry.label, to: columns - 5)
            let width = 5 + TerminalText.width(label)
            if legendLines.isEmpty || lineWidth + 3 + width > columns {
                legendLines.append([])
                lineWidth = -3
            }
            legendLines[legendLines.count - 1].append((entry.sample, label, entry.color))
            lineWidth += 3 + width
        }
        // At most a third of the rows for the legend; the rest is summarised.
        let legendBudget = max(1, rows / 3)
        var legendMore = 0
        if legendLines.count > legendBudget {
            legendMore = legendLines[(legendBudget - 1)...].reduce(0) { $0 + $1.count }
            legendLines = Array(legendLines.prefix(legendBudget - 1))
        }

        let xDomain = ChartLayout.xDomain(chart)
        let xScale = ChartLayout.scale(for: chart.xAxis, domain: xDomain)
        let xLabel = chart.xAxis.label.flatMap { $0.isEmpty ? nil : $0 }
        let bottomRows = 2 + (xLabel != nil ? 1 : 0)
        let yScales = chart.panels.map { ChartLayout.scale(for: $0.yAxis, domain: ChartLayout.yDomain($0)) }
        let yTicks0 = yScales.map { $0.ticks(target: 3) }
        let headers: [String?] = chart.panels.indices.map { p in
            let label = chart.panels[p].yAxis.label.flatMap { $0.isEmpty ? nil : $0 }
            let multiplier = yTicks0[p].multiplier
            let text = [label, multiplier].compactMap { $0 }.joined(separator: " ")
            return text.isEmpty ? (p == 0 ? nil : "") : text
        }
        let headerRows = headers.compactMap { $0 }.count
        let legendRows = legendLines.count + (legendMore > 0 ? 1 : 0)
        let available = rows - title.count - headerRows - bottomRows - legendRows
        guard available >= 2 * chart.panels.count else {
            throw PlotError("the terminal is \(columns)×\(rows) cells: too few rows for \(chart.panels.count) panel\(chart.panels.count == 1 ? "" : "s"), a title and a legend")
        }
        // Rows per panel by weight, each at least 2.
        let largest = chart.panels.map(\.weight).max() ?? 1
        let weights = chart.panels.map { $0.weight / largest }
        let total = weights.reduce(0, +)
        var panelRows = weights.map { max(2, Int((Double(available) * $0 / total).rounded(.down))) }
        while panelRows.reduce(0, +) > available, let i = panelRows.indices.max(by: { panelRows[$0] < panelRows[$1] }), panelRows[i] > 2 {
            panelRows[i] -= 1
        }
        if let i = panelRows.indices.max(by: { weights[$0] < weights[$1] }) {
            panelRows[i] += max(0, available - panelRows.reduce(0, +))
        }

        // y ticks: the densest set whose labels are at least two rows apart (one on tiny plots).
        var panels: [PanelText] = []
        for (p, scale) in yScales.enumerated() {
            let n = panelRows[p]
            let spacing = n >= 6 ? 2 : 1
            var chosen: [(row: Int, label: String)] = []
            var multiplier: String?
            for target in stride(from: max(2, n / 3), through: 2, by: -1) {
                let set = scale.ticks(target: target)
                let placed: [(row: Int, label: String)] = set.major.compactMap { tick in
                    guard let label = tick.label, let f = scale.fraction(of: tick.value), f >= -1e-9, f <= 1 + 1e-9 else { return nil }
                    return (row(f, rows: n), label)
                }
                chosen = placed
                multiplier = set.multiplier
                let sorted = placed.map(\.row).sorted()
                if zip(sorted, sorted.dropFirst()).allSatisfy({ $1 - $0 >= spacing }) { break }
            }
            var header = headers[p]
            if multiplier != yTicks0[p].multiplier {
                let label = chart.panels[p].yAxis.label.flatMap { $0.isEmpty ? nil : $0 }
                let text = [label, multiplier].compactMap { $0 }.joined(separator: " ")
                header = text.isEmpty ? header : text
            }
            panels.append(PanelText(header: header, rows: n, scale: scale, ticks: chosen))
        }
        let margin = (panels.flatMap { $0.ticks.map { TerminalText.width($0.label) } }.max() ?? 1) + 1
        let plotColumns = columns - margin - 1
        guard plotColumns >= 8 else {
            throw PlotError("the terminal is \(columns) cells wide: too narrow for the y tick labels and a plot")
        }

        // x ticks: the densest set whose labels keep two cells apart and inside the line.
        let dotWidth = plotColumns * 2
        func column(_ f: Double) -> Int { margin + min(plotColumns - 1, max(0, Int((f * Double(dotWidth - 1)).rounded()) / 2)) }
        var xTicks: [(column: Int, label: String)] = []
        var xMultiplier: String?
        for target in stride(from: max(2, min(8, plotColumns / 10)), through: 2, by: -1) {
            let set = xScale.ticks(target: target)
            var placed: [(column: Int, label: String)] = []
            var end = -2
            var fits = true
            for tick in set.major {
                guard let label = tick.label, let f = xScale.fraction(of: tick.value), f >= -1e-9, f <= 1 + 1e-9,
                      TerminalText.width(label) <= columns
                else { continue }
                let c = column(f)
                let w = TerminalText.width(label)
                let start = min(max(0, c - w / 2), columns - w)
                if start < end + 2 { fits = false }
                end = start + w
                placed.append((c, label))
            }
            xTicks = placed
            xMultiplier = set.multiplier
            if fits { break }
        }

        // Plot each panel into dots.
        let themePens = ANSIColor.pens(for: chart.panels.flatMap { p in p.series.enumerated().map { $1.color ?? chart.theme.seriesColor($0) } }, mode: colors)
        var penIndex = 0
        var out: [String] = []
        for line in title {
            let pad = max(0, (columns - TerminalText.width(line)) / 2)
            out.append(String(repeating: " ", count: pad) + line)
        }
        let markerPen: ANSIColor.Pen = colors == .none ? .none : (colors == .ansi16 ? .index16(8) : .rgb(chart.theme.marker))
        for (p, panel) in chart.panels.enumerated() {
            let text = panels[p]
            if let header = text.header { out.append(TerminalText.truncated(header, to: columns)) }
            let n = text.rows
            let w = plotColumns * 2
            let h = n * 4
            var cells = [UInt32](repeating: 0, count: plotColumns * n)
            // Dots per series per cell, for the cell's colour.
            var owner = [Int](repeating: -1, count: plotColumns * n)
            var ownerCount = [Int](repeating: 0, count: plotColumns * n)
            var counts: [Int: Int] = [:]
            let plot = Rect(x: 0, y: 0, width: Double(w - 1), height: Double(h - 1))
            // Markers: every other dot of their column.
            var markerCells = Set<Int>()
            for marker in panel.markers {
                guard let f = xScale.fraction(of: marker.x), f >= 0, f <= 1 else { continue }
                let x = Int((f * Double(w - 1)).rounded())
                for y in stride(from: 0, to: h, by: 2) {
                    let cell = (y / 4) * plotColumns + x / 2
                    cells[cell] |= dotBits[x % 2][y % 4]
                    markerCells.insert(cell)
                }
            }
            var pens: [ANSIColor.Pen] = []
            for (i, series) in panel.series.enumerated() {
                pens.append(themePens[penIndex])
                penIndex += 1
                let layout = SeriesLayout.build(
                    series, color: series.color ?? chart.theme.seriesColor(i), dash: series.dash ?? Theme.seriesDash(i),
                    lineWidth: 0, plot: plot, xScale: xScale, yScale: text.scale, deviceScale: 1)
                let pattern: [Int]
                switch layout.isPoints ? .solid : layout.dash {
                case .solid: pattern = []
                case .dashed: pattern = [4, 2]
                case .dotted: pattern = [1, 1]
                case .dashDot: pattern = [4, 1, 1, 1]
                }
                counts.removeAll(keepingCapacity: true)
                var phase = 0
                func plotDot(_ x: Int, _ y: Int) {
                    defer { phase += 1 }
                    if !pattern.isEmpty {
                        var k = phase % pattern.reduce(0, +)
                        var on = true
                        for length in pattern {
                            if k < length { break }
                            k -= length
                            on.toggle()
                        }
                        if !on { return }
                    }
                    guard x >= 0, x < w, y >= 0, y < h else { return }
                    let cell = (y / 4) * plotColumns + x / 2
                    let bit = dotBits[x % 2][y % 4]
                    cells[cell] |= bit
                    counts[cell, default: 0] += 1
                }
                // Points: a dot each (a capsule of dense points is its column of dots); at
                // 2 × 4 dots a cell, a ring would only blur the neighbours.
                for m in layout.marks {
                    let x = Int(m.x.rounded())
                    for y in Int(m.top.rounded())...Int(m.bottom.rounded()) { plotDot(x, y) }
                }
                for run in layout.runs {
                    var previous: (Int, Int)?
                    for point in run {
                        let x = Int(point.x.rounded())
                        let y = Int(point.y.rounded())
                        if let (px, py) = previous {
                            line(from: (px, py), to: (x, y), skipFirst: true, plot: plotDot)
                        } else {
                            plotDot(x, y)
                        }
                        previous = (x, y)
                    }
                }
                for (cell, count) in counts where count >= ownerCount[cell] {
                    owner[cell] = i
                    ownerCount[cell] = count
                }
            }
            let tickRows = Dictionary(text.ticks.map { ($0.row, $0.label) }, uniquingKeysWith: { a, _ in a })
            for r in 0..<n {
                var line = ""
                if let label = tickRows[r] {
                    line += String(repeating: " ", count: margin - 1 - TerminalText.width(label)) + label + "┤"
                } else {
                    line += String(repeating: " ", count: margin - 1) + "│"
                }
                var currentPen = ANSIColor.Pen.none
                for c in 0..<plotColumns {
                    let cell = r * plotColumns + c
                    let bits = cells[cell]
                    let pen: ANSIColor.Pen = bits == 0 ? .none : (owner[cell] >= 0 ? pens[owner[cell]] : (markerCells.contains(cell) ? markerPen : .none))
                    if pen != currentPen {
                        if currentPen != .none, colors != .none { line += ANSIColor.reset }
                        line += ANSIColor.sequence(pen, colors)
                        currentPen = pen
                    }
                    line += bits == 0 ? " " : String(Character(Unicode.Scalar(0x2800 + bits) ?? " "))
                }
                if currentPen != .none, colors != .none { line += ANSIColor.reset }
                out.append(line)
            }
        }
        // x axis, tick labels, title.
        var axis = Array(repeating: Character("─"), count: plotColumns)
        for tick in xTicks where tick.column - margin >= 0 && tick.column - margin < plotColumns { axis[tick.column - margin] = "┬" }
        out.append(String(repeating: " ", count: margin - 1) + "└" + String(axis))
        var labels = [Character](repeating: " ", count: columns)
        var labelEnd = -2
        for tick in xTicks where TerminalText.width(tick.label) <= columns {
            let w = TerminalText.width(tick.label)
            let start = min(max(0, tick.column - w / 2), columns - w)
            guard start >= labelEnd + 1 else { continue }
            var i = start
            for ch in tick.label where i < columns {
                labels[i] = ch
                i += TerminalText.width(ch)
            }
            labelEnd = start + w
        }
        while labels.last == " " { labels.removeLast() }
        out.append(String(labels))
        if let xLabel {
            let suffix = xMultiplier.map { "  " + $0 } ?? ""
            let text = TerminalText.truncated(xLabel + suffix, to: columns)
            let pad = max(0, margin + (plotColumns - TerminalText.width(text)) / 2)
            out.append(String(repeating: " ", count: min(pad, columns - TerminalText.width(text))) + text)
        }
        // Legend.
        let legendPens = ANSIColor.pens(for: legendSeries.map(\.color), mode: colors)
        var k = 0
        for entries in legendLines {
            var line = ""
            for (j, entry) in entries.enumerated() {
                if j > 0 { line += "   " }
                let seq = ANSIColor.sequence(legendPens[k], colors)
                line += seq + entry.sample + (seq.isEmpty ? "" : ANSIColor.reset) + " " + entry.label
                k += 1
            }
            out.append(line)
        }
        if legendMore > 0 { out.append("+\(legendMore) more") }
        return out.joined(separator: "\n") + "\n"
    }

    /// The row (0 at the top) of the axis fraction `f` in a plot of `rows` rows.
    static func row(_ f: Double, rows: Int) -> Int {
        let y = (1 - f) * Double(rows * 4 - 1)
        return min(rows - 1, max(0, Int(y.rounded()) / 4))
    }

    /// Bresenham's line from `a` to `b`, calling `plot` for each dot (without `a` when
    /// `skipFirst`, so joined segments do not repeat their joints).
    static func line(from a: (Int, Int), to b: (Int, Int), skipFirst: Bool, plot: (Int, Int) -> Void) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0)
        let dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1
        let sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var first = true
        while true {
            if !(first && skipFirst) { plot(x0, y0) }
            first = false
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }
}
