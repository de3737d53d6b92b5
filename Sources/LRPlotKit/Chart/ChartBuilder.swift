import Plot
import RunLogs
import ScheduleCore
import Simulation

/// Turns a decoded ``Spec`` into a ``Plot/Chart``: one builder for schedule charts and
/// simulation charts, so every presentation key means the same in both.
///
/// Each of the spec's panels (``PanelSpec``) is filled with one series per schedule that has
/// something to show there, styled by ``SeriesStyle``; the x axis counts steps or epochs
/// (`"x": {"unit": …}`); `"markers"` draws rules at the schedules' breakpoints, and a
/// simulation also marks the step where a run diverged.
///
/// Schedule charts take their values from the evaluation stage (``Evaluation/forChart(_:columns:decimationFactor:)``):
/// a series of more than ``decimationFactor`` × ``columns(width:scale:)`` steps arrives as
/// per-column first/min/max/last summaries and is drawn as lines through those points (memory
/// grows with the chart's width); shorter series are drawn from every step, as stairs when
/// ``SeriesStyle/stairs(_:draw:)`` says so. Simulation charts take the runs' own series.
public struct ChartBuilder {
    public var spec: Spec

    public init(spec: Spec) {
        self.spec = spec
    }

    /// A chart ready to render, with the warnings of the work that made it.
    public struct Built: Sendable {
        public var chart: Chart
        public var warnings: [LRPlotWarning]
        /// The exact values the interactive HTML shows on hover (the texts `lrplot values`
        /// prints), at every step, or for long runs at each column's first and last step.
        public var hover: HoverTable
        /// How SVG output sets its text (`"svg_text"`).
        public var options: RenderOptions

        /// The bytes of the chart in `format`.
        public func render(_ format: ImageFormat) throws -> [UInt8] {
            try rendered(format).bytes
        }

        /// The bytes of the chart in `format`, and what its layout had to shorten or leave out.
        public func rendered(_ format: ImageFormat) throws -> RenderedChart {
            format == .html
                ? try HTMLChartRenderer.rendered(chart, hover: hover)
                : try ChartRenderer.rendered(chart, as: format, options: options)
        }
    }

    /// The series of each panel kind, the rules across every panel, and the hover values.
    private struct Content {
        var series: [PanelKind: [Series]] = [:]
        var markers: [Marker] = []
        /// Hover rows: x positions and, per panel kind, a column per series (in series order).
        var hoverXs: [Double] = []
        var hoverColumns: [PanelKind: [[String?]]] = [:]

        mutating func add(_ s: Series, to kind: PanelKind) { series[kind, default: []].append(s) }
    }

    /// x values per step: 1 for a step axis, `steps_per_epoch` for an epoch axis.
    private var divisor: Double {
        spec.x.unit == .epoch ? Double(spec.stepsPerEpoch ?? 1) : 1
    }

    private var style: SeriesStyle { SeriesStyle(theme: spec.theme) }

    /// Evaluates the schedules and builds their chart.
    ///
    /// - Parameter progress: (schedule index, steps walked) while long runs are walked step
    ///   by step (see ``Evaluation/forChart(_:columns:decimationFactor:progress:)``).
    /// - Throws: ``LRPlotError`` when a schedule lacks metrics or yields NaN or infinity.
    public func build(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(LRPlotError) -> Built {
        try build(checked: spec.panels.contains { $0.kind == .residual } ? try CheckJob.run(spec, keepingLogs: true) : nil,
                  progress: progress)
    }

    /// The chart of `lrplot check --chart`: the spec's chart with each logged series over its
    /// plan, a rule where each log first differs from its plan (labelled with the log and the
    /// step), and a residual panel below (unless the spec's `"panels"` place one).
    ///
    /// - Parameter results: the checks of the spec's logs (``CheckJob/run(_:keepingLogs:)``;
    ///   with `keepingLogs` each log is read once for the check, its points and residuals).
    /// - Throws: ``LRPlotError`` as ``build(progress:)`` does.
    public func build(check results: [CheckJob.Result], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(LRPlotError) -> Built {
        var builder = self
        if !spec.panels.contains(where: { $0.kind == .residual }) {
            builder.spec.panels.append(PanelSpec(kind: .residual))
        }
        return try builder.build(checked: results, markingDifferences: true, progress: progress)
    }

    private func build(checked results: [CheckJob.Result]?, markingDifferences: Bool = false,
                       progress: (@Sendable (Int, Int) -> Void)?) throws(LRPlotError) -> Built {
        var (values, warnings) = try Evaluation.forChart(
            spec, columns: Self.columns(width: spec.width, scale: spec.scale), decimationFactor: Self.decimationFactor,
            progress: progress)
        var content = Content()
        let divisor = self.divisor
        content.hoverXs = hoverSteps(values).map { Double($0) / divisor }
        for (index, entry) in spec.schedules.enumerated() {
            switch values[index] {
            case let .steps(rates, momenta):
                let stairs = SeriesStyle.stairs(rates, draw: entry.draw)
                content.add(style.series(rates, of: entry, at: index, stairs: stairs, divisor: divisor), to: .lr)
                content.hoverColumns[.lr, default: []].append(Self.hoverTexts(rates, rows: content.hoverXs.count))
                if let momenta {
                    content.add(style.series(momenta, of: entry, at: index, stairs: stairs, divisor: divisor), to: .momentum)
                    content.hoverColumns[.momentum, default: []].append(Self.hoverTexts(momenta, rows: content.hoverXs.count))
                }
            case let .columns(rates, momenta):
                content.add(columnSeries(rates, of: entry, at: index), to: .lr)
                content.hoverColumns[.lr, default: []].append(Self.hoverTexts(rates, rows: content.hoverXs.count))
                if let momenta {
                    content.add(columnSeries(momenta, of: entry, at: index), to: .momentum)
                    content.hoverColumns[.momentum, default: []].append(Self.hoverTexts(momenta, rows: content.hoverXs.count))
                }
            }
            if entry.schedule.usesMetrics, let feed = entry.schedule.metricFeed {
                let line = metricSeries(feed, of: entry, at: index)
                // Schedules fed the same metrics share one line.
                if let same = content.series[.metric]?.firstIndex(where: { $0.ys == line.ys }) {
                    content.series[.metric]?[same].label += ", " + entry.label
                } else {
                    content.add(line, to: .metric)
                }
            }
        }
        content.markers = try breakpointMarkers(stepValues: { index in
            if case let .steps(rates, _) = values[index] { return rates }
            return nil
        }) { index, needed throws(LRPlotError) in
            switch values[index] {
            case let .steps(rates, _):
                return Dictionary(uniqueKeysWithValues: needed.filter { $0 >= 0 && $0 < rates.count }.map { ($0, rates[$0]) })
            case .columns:
                return try PhaseMarkers.values(of: spec.schedules[index], at: needed, in: spec)
            }
        }
        for (i, log) in spec.logs.enumerated() {
            let kept = results.flatMap { i < $0.count && $0[i].log.path == log.path ? $0[i].series : nil }
            let (series, notes) = try logSeries(log, kept: kept)
            content.add(series, to: .lr)
            // What the reader noticed and the chart cannot show (many event files read in
            // order is no news).
            for note in notes {
                if case .multipleFiles = note { continue }
                warnings.append(LRPlotWarning(.logNote(file: log.file, note: note), location: SourceLocation(file: spec.file, path: log.path),
                                              label: log.label))
            }
        }
        for result in results ?? [] {
            content.add(try residualSeries(result), to: .residual)
            if markingDifferences, let first = result.report.firstDifference {
                content.markers.append(Marker(x: Double(first.step) / divisor, label: "\(result.log.label): first difference",
                                              kind: .annotation, color: logColor(result.log)))
            }
        }
        return chart(content, defaultHeight: SpecDecoder.defaultHeight, warnings: warnings)
    }

    /// The steps of the hover table: every step of the longest series, or for long runs
    /// the first and last step of each column (the same columns for every schedule).
    private func hoverSteps(_ values: [Evaluation.ChartValues]) -> [Int] {
        var longest: [Int] = []
        for v in values {
            let steps: [Int]
            switch v {
            case let .steps(rates, _): steps = Array(0..<rates.count)
            case let .columns(rates, _):
                steps = rates.flatMap { $0.range.count > 1 ? [$0.range.lowerBound, $0.range.upperBound - 1] : [$0.range.lowerBound] }
            }
            if steps.count > longest.count { longest = steps }
        }
        return longest
    }

    /// Hover texts of a series given at every step (`nil` past its end).
    static func hoverTexts(_ values: [Double], rows: Int) -> [String?] {
        (0..<rows).map { $0 < values.count ? ShortestDecimal.string(values[$0]) : nil }
    }

    /// Hover texts of a long series: each column's first and last value.
    static func hoverTexts(_ summaries: [ColumnSummary], rows: Int) -> [String?] {
        var out: [String?] = []
        out.reserveCapacity(rows)
        for summary in summaries {
            out.append(ShortestDecimal.string(summary.first.value))
            if summary.range.count > 1 { out.append(ShortestDecimal.string(summary.last.value)) }
        }
        return out.count >= rows ? Array(out.prefix(rows)) : out + Array(repeating: nil, count: rows - out.count)
    }

    /// The schedules whose evaluation reports progress to ``build(progress:)``: on a long run,
    /// those walked step by step (closed forms with the fast path take no time worth showing).
    public var walkedSchedules: [Int] {
        guard spec.steps > Self.decimationFactor * Self.columns(width: spec.width, scale: spec.scale) else { return [] }
        return spec.schedules.indices.filter { !ColumnSampler.takesClosedFormPath(spec.schedules[$0].schedule) }
    }

    /// A logged series (``LogEntry``) at its logged steps within `0 … steps`, in the colour of
    /// the schedule it is compared with, as hollow circles (the planned line shows through
    /// where they agree); dense logs are thinned per pixel column by Plot. `kept` is the log
    /// as its check read it, if it kept it; otherwise the log is read here.
    private func logSeries(_ log: LogEntry, kept: LoggedSeries?) throws(LRPlotError) -> (Series, [LogNote]) {
        let series: LoggedSeries
        if let kept {
            series = kept
        } else {
            do {
                series = try LogReader.read(log.file, key: log.key)
            } catch {
                throw CheckJob.error(.log(error), log: log, spec: spec)
            }
        }
        let shown = series.points.filter { $0.step >= 0 && $0.step <= spec.steps }
        let points = Series(label: log.label, xs: shown.map { Double($0.step) / divisor }, ys: shown.map(\.value),
                            color: logColor(log), drawStyle: .points, pointShape: .hollowCircle)
        return (points, series.notes)
    }

    /// A log's colour: its own, else its plan's.
    private func logColor(_ log: LogEntry) -> RGBColor {
        log.color ?? style.color(of: spec.schedules[log.planIndex], at: log.planIndex)
    }

    /// A log's signed relative difference from its plan at each compared point,
    /// (logged − planned) / max(|logged|, |planned|) (0 where both are 0), at the logged step,
    /// as points in the log's colour.
    private func residualSeries(_ result: CheckJob.Result) throws(LRPlotError) -> Series {
        var xs: [Double] = []
        var ys: [Double] = []
        let divisor = self.divisor
        try CheckJob.forEachComparedPoint(of: result, in: spec) { point in
            guard point.step >= 0 && point.step <= spec.steps else { return }
            let scale = max(abs(point.logged), abs(point.planned))
            xs.append(Double(point.step) / divisor)
            ys.append(scale == 0 ? 0 : (point.logged - point.planned) / scale)
        }
        return Series(label: result.log.label, xs: xs, ys: ys, color: logColor(result.log), drawStyle: .points)
    }

    /// Builds the chart of a simulation from its runs (``SimulationJob/run(_:progress:)``):
    /// the learning rate each run used, its training loss (a trailing mean on digits, whose
    /// mini-batch losses are noisy), validation accuracy, effective step size, and momentum
    /// when a schedule cycles it.
    public func build(simulation: SimulationJob.Outcome) -> Built {
        var content = Content()
        let divisor = self.divisor
        let window = lossWindow
        // Hover: every step of the longest run, or about 20,000 evenly spaced ones.
        let longest = simulation.results.map { min($0.run.learningRates.count, $0.run.losses.count) }.max() ?? 0
        let every = max(1, (longest + 19_999) / 20_000)
        let hoverSteps = Array(stride(from: 0, to: longest, by: every))
        content.hoverXs = hoverSteps.map { Double($0) / divisor }
        for r in simulation.results {
            let entry = spec.schedules[r.index]
            let run = r.run
            let rates = Array(run.learningRates.prefix(run.losses.count))
            let stairs = SeriesStyle.stairs(rates, draw: entry.draw)
            content.add(style.series(rates, of: entry, at: r.index, stairs: stairs, divisor: divisor), to: .lr)
            content.hoverColumns[.lr, default: []].append(hoverSteps.map { $0 < rates.count ? ShortestDecimal.string(rates[$0]) : nil })
            if let momenta = run.momenta {
                content.add(style.series(Array(momenta.prefix(run.losses.count)), of: entry, at: r.index,
                                         stairs: stairs, divisor: divisor), to: .momentum)
            }
            content.add(style.series(Self.trailingMean(run.losses, window: window), of: entry, at: r.index,
                                     stairs: false, divisor: divisor), to: .loss)
            let measured = run.validationAccuracy.enumerated().compactMap { t, a in a.map { (Double(t) / divisor, $0) } }
            if !measured.isEmpty {
                content.add(style.series(xs: measured.map(\.0), ys: measured.map(\.1), of: entry, at: r.index), to: .accuracy)
            }
            if let e = run.effectiveStep, !e.median.isEmpty {
                content.add(style.series(e.median, of: entry, at: r.index, stairs: false, divisor: divisor,
                                         band: Band(lower: e.p10, upper: e.p90, label: Self.effectiveBandLabel)), to: .effectiveStep)
            }
            if let step = run.divergedAt {
                content.markers.append(Marker(x: Double(step) / divisor, label: "\(entry.label) diverged"))
            }
        }
        let rates = Dictionary(simulation.results.map { ($0.index, $0.run.learningRates) }, uniquingKeysWith: { a, _ in a })
        content.markers += (try? breakpointMarkers(stepValues: { rates[$0] }) { index, needed in
            guard let values = rates[index] else { return [:] }
            return Dictionary(uniqueKeysWithValues: needed.filter { $0 >= 0 && $0 < values.count }.map { ($0, values[$0]) })
        }) ?? []
        return chart(content, defaultHeight: max(SpecDecoder.defaultHeight, 260 * spec.panels.count), warnings: simulation.warnings)
    }

    /// What the effective-step panel's band is, in its legend.
    static let effectiveBandLabel = "10–90 % of parameters (those with a gradient)"

    /// The trailing-mean window of the loss panel: `⌈steps / 200⌉` on digits, 1 otherwise.
    var lossWindow: Int {
        guard case .digits? = spec.simulation?.problem else { return 1 }
        return max(1, (spec.steps + 199) / 200)
    }

    /// A line through the points of per-column summaries.
    private func columnSeries(_ summaries: [ColumnSummary], of entry: ScheduleEntry, at index: Int) -> Series {
        var xs: [Double] = []
        var ys: [Double] = []
        xs.reserveCapacity(summaries.count * 4)
        ys.reserveCapacity(summaries.count * 4)
        for summary in summaries {
            for p in summary.points {
                xs.append(Double(p.step) / divisor)
                ys.append(p.value)
            }
        }
        return style.series(xs: xs, ys: ys, of: entry, at: index)
    }

    /// The metrics a schedule is fed, one point per step as the learning rates are drawn: in
    /// full up to ``decimationFactor`` points a column, else reduced per column (first, lowest,
    /// highest, last) as the schedules are, in memory per column — an epoch-interval
    /// schedule's per-epoch metrics repeat over every step of an epoch, so a few of them can
    /// cover 10⁹ steps.
    private func metricSeries(_ feed: MetricFeed, of entry: ScheduleEntry, at index: Int) -> Series {
        let count = min(feed.count, spec.steps)
        let columns = Self.columns(width: spec.width, scale: spec.scale)
        if count <= Self.decimationFactor * columns {
            return style.series(feed.prefix(count), of: entry, at: index, stairs: false, divisor: divisor)
        }
        let reduced = try? ColumnSampler(steps: count, columns: columns).sample(MetricLine(feed: feed))
        return columnSeries(reduced?.learningRates ?? [], of: entry, at: index)
    }

    /// The metric fed in each round, as a series to reduce per column.
    private struct MetricLine: ClosedFormSchedule {
        var feed: MetricFeed
        func value(at step: Int) -> Double { feed[step] }
    }

    /// With `"markers": true`, a labelled rule at every step where a schedule changes phase
    /// (``PhaseMarkers``), reading each schedule's values through `values(index, steps)`;
    /// then the spec's `"annotations"`.
    ///
    /// Metric-driven schedules that do not list their breakpoints (torch's
    /// `ReduceLROnPlateau`) are marked where their rate changes, when `stepValues` gives
    /// their value at every step.
    private func breakpointMarkers(
        stepValues: ((Int) -> [Double]?)? = nil,
        values: (Int, Set<Int>) throws(LRPlotError) -> [Int: Double]
    ) throws(LRPlotError) -> [Marker] {
        var markers: [Marker] = []
        if spec.markers {
            var schedules: [PhaseMarkers.Values] = []
            for (index, entry) in spec.schedules.enumerated() {
                var points = entry.schedule.breakpoints(below: spec.steps).filter { $0 > 0 }
                if points.isEmpty && entry.schedule.usesMetrics, let rates = stepValues?(index) {
                    // Reduce-on-plateau schedules that do not list their reductions: where the rate moves.
                    points = rates.indices.dropFirst().filter { rates[$0] != rates[$0 - 1] }
                }
                let unit = entry.interval == .epoch ? (spec.stepsPerEpoch ?? 1) : 1
                let known = try values(index, PhaseMarkers.neededSteps(points, unit: unit))
                schedules.append(PhaseMarkers.Values(
                    label: entry.label, unit: unit, usesMetrics: entry.schedule.usesMetrics, breakpoints: points,
                    value: { known[$0] }))
            }
            markers = PhaseMarkers.markers(schedules, divisor: divisor)
        }
        for a in spec.annotations {
            markers.append(Marker(x: a.step / divisor, label: a.label, kind: .annotation, color: a.color))
        }
        return markers
    }

    /// The chart: the spec's panels filled with `content`, and a warning for each panel left
    /// out because nothing in it can be drawn (a momentum panel whose schedules set momentum
    /// only part of the time).
    ///
    /// A panel draws no legend when its lines are exactly those of a legend above (momentum
    /// or loss under the learning rate), when it is one metric line fed to several
    /// schedules, or when it is a residual panel of logs named in a legend above.
    ///
    /// The learning-rate panel switches to a log axis when its series' peaks differ by more
    /// than 30× and the spec did not choose its scale; with `steps_per_epoch` the other unit
    /// is shown on a second axis above (unless `"x": {"secondary": false}`).
    private func chart(_ content: Content, defaultHeight: Int, warnings earlier: [LRPlotWarning]) -> Built {
        var legends: [Set<String>] = []
        var panels: [Panel] = []
        var warnings = earlier
        var hoverColumns: [HoverTable.Column] = []
        for (i, panel) in spec.panels.enumerated() {
            let series = content.series[panel.kind] ?? []
            guard !series.isEmpty else {
                warnings.append(LRPlotWarning(.panelLeftOut(show: panel.kind.rawValue),
                                              location: SourceLocation(file: spec.file, path: "panels[\(i)]")))
                continue
            }
            let labels = Set(series.map(\.label))
            let sharedMetric = panel.kind == .metric && series.count == 1
                && spec.schedules.filter { $0.schedule.usesMetrics }.count > 1
            // The residual panel's points are the logs' of a legend above.
            let residualOfLogsAbove = panel.kind == .residual && legends.contains { labels.isSubset(of: $0) }
            let showsLegend = !legends.contains(labels) && !sharedMetric && !residualOfLogsAbove
            if showsLegend { legends.append(labels) }
            var scale = panel.scale
            if panel.kind == .lr && !panel.scaleChosen {
                scale = AxisScale.automatic(forPeaksOf: series.map(\.ys))
            }
            for (k, values) in (content.hoverColumns[panel.kind] ?? []).enumerated() where k < series.count {
                let label = panel.kind == .lr ? series[k].label : "\(series[k].label) (\(panel.label ?? defaultLabel(panel.kind)))"
                hoverColumns.append(HoverTable.Column(panel: panels.count, series: k, label: label, values: values))
            }
            panels.append(Panel(yAxis: Axis(label: panel.label ?? defaultLabel(panel.kind), scale: scale),
                                series: series, markers: content.markers, weight: panel.weight, showsLegend: showsLegend))
        }
        let inEpochs = spec.x.unit == .epoch
        var secondary: SecondaryAxis?
        if spec.x.secondary, let spe = spec.stepsPerEpoch {
            let epochs = Double(spec.steps) / Double(spe)
            secondary = inEpochs
                ? SecondaryAxis(label: "step", divisor: 1 / Double(spe), integerTicks: true)
                : SecondaryAxis(label: "epoch", divisor: Double(spe), integerTicks: epochs >= 2)
        }
        let chart = Chart(
            title: spec.title, width: spec.width, height: spec.height ?? Double(defaultHeight), scale: spec.scale,
            fontSize: spec.fontSize, lineWidth: spec.lineWidth, theme: spec.theme,
            transparentBackground: spec.background == .transparent,
            xAxis: Axis(label: spec.x.label ?? (inEpochs ? "epoch" : "step"), integerTicks: !inEpochs),
            secondaryXAxis: secondary, panels: panels, legend: spec.legend)
        let hover = HoverTable(xs: content.hoverXs, columns: hoverColumns)
        return Built(chart: chart, warnings: warnings, hover: hover, options: RenderOptions(svgText: spec.svgText))
    }

    private func defaultLabel(_ kind: PanelKind) -> String {
        switch kind {
        case .lr: return "learning rate"
        case .momentum: return "momentum"
        case .metric: return "metric"
        case .loss: return lossWindow > 1 ? "training loss (mean of \(lossWindow) steps)" : "training loss"
        case .accuracy: return "validation accuracy"
        case .effectiveStep: return "effective step (median)"
        case .residual: return "relative difference"
        }
    }

    /// Columns of steps a long series is reduced to: four per device pixel of the chart's
    /// width (`width × scale`), so the renderer's own per-pixel M4 pass sees every column's
    /// first, lowest, highest and last value wherever the plot area's pixels fall.
    static func columns(width: Double, scale: Double) -> Int {
        max(Int((width * scale).rounded(.up)) * 4, 64)
    }

    /// A series is reduced only when it has more than this many steps per column: below it
    /// the full series is no larger than the reduced one, and it is drawn exactly as given.
    static let decimationFactor = 6

    /// `values[t]` replaced by the mean of `values[max(0, t − window + 1) … t]`.
    public static func trailingMean(_ values: [Double], window: Int) -> [Double] {
        guard window > 1 else { return values }
        var out: [Double] = []
        out.reserveCapacity(values.count)
        var sum = 0.0
        for (t, v) in values.enumerated() {
            sum += v
            if t >= window { sum -= values[t - window] }
            out.append(sum / Double(min(t + 1, window)))
        }
        return out
    }
}
