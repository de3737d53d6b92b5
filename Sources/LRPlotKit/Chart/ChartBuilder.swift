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

        /// The bytes of the chart in `format`.
        public func render(_ format: ImageFormat) throws -> [UInt8] {
            try ChartRenderer.render(chart, as: format)
        }
    }

    /// The series of each panel kind, and the rules across every panel.
    private struct Content {
        var series: [PanelKind: [Series]] = [:]
        var markers: [Marker] = []

        mutating func add(_ s: Series, to kind: PanelKind) { series[kind, default: []].append(s) }
    }

    /// x values per step: 1 for a step axis, `steps_per_epoch` for an epoch axis.
    private var divisor: Double {
        spec.x.unit == .epoch ? Double(spec.stepsPerEpoch ?? 1) : 1
    }

    private var style: SeriesStyle { SeriesStyle(theme: spec.theme) }

    /// Evaluates the schedules and builds their chart.
    ///
    /// - Throws: ``LRPlotError`` when a schedule lacks metrics or yields NaN or infinity.
    public func build() throws(LRPlotError) -> Built {
        let (values, warnings) = try Evaluation.forChart(
            spec, columns: Self.columns(width: spec.width, scale: spec.scale), decimationFactor: Self.decimationFactor)
        var content = Content()
        let divisor = self.divisor
        for (index, entry) in spec.schedules.enumerated() {
            switch values[index] {
            case let .steps(rates, momenta):
                let stairs = SeriesStyle.stairs(rates, draw: entry.draw)
                content.add(style.series(rates, of: entry, at: index, stairs: stairs, divisor: divisor), to: .lr)
                if let momenta {
                    content.add(style.series(momenta, of: entry, at: index, stairs: stairs, divisor: divisor), to: .momentum)
                }
            case let .columns(rates, momenta):
                content.add(columnSeries(rates, of: entry, at: index), to: .lr)
                if let momenta { content.add(columnSeries(momenta, of: entry, at: index), to: .momentum) }
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
        for log in spec.logs {
            content.add(try logSeries(log), to: .lr)
        }
        content.markers = breakpointMarkers()
        let (chart, left) = chart(content, defaultHeight: SpecDecoder.defaultHeight)
        return Built(chart: chart, warnings: warnings + left)
    }

    /// A logged series (``LogEntry``) at its logged steps within `0 … steps`, in the colour of
    /// the schedule it is compared with, dotted through its points.
    private func logSeries(_ log: LogEntry) throws(LRPlotError) -> Series {
        let series: LoggedSeries
        do {
            series = try LogReader.read(log.file, key: log.key)
        } catch {
            throw CheckJob.error(.log(error), log: log, spec: spec)
        }
        let shown = series.points.filter { $0.step >= 0 && $0.step <= spec.steps }
        let plan = spec.schedules[log.planIndex]
        return Series(label: log.label, xs: shown.map { Double($0.step) / divisor }, ys: shown.map(\.value),
                      color: log.color ?? style.color(of: plan, at: log.planIndex), dash: .dotted, lineWidth: 1.5,
                      drawStyle: .linear)
    }

    /// Builds the chart of a simulation from its runs (``SimulationJob/run(_:progress:)``):
    /// the learning rate each run used, its training loss (a trailing mean on digits, whose
    /// mini-batch losses are noisy), validation accuracy, effective step size, and momentum
    /// when a schedule cycles it.
    public func build(simulation: SimulationJob.Outcome) -> Built {
        var content = Content()
        let divisor = self.divisor
        let window = lossWindow
        for r in simulation.results {
            let entry = spec.schedules[r.index]
            let run = r.run
            let rates = Array(run.learningRates.prefix(run.losses.count))
            let stairs = SeriesStyle.stairs(rates, draw: entry.draw)
            content.add(style.series(rates, of: entry, at: r.index, stairs: stairs, divisor: divisor), to: .lr)
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
                                         band: Band(lower: e.p10, upper: e.p90)), to: .effectiveStep)
            }
            if let step = run.divergedAt {
                content.markers.append(Marker(x: Double(step) / divisor, label: "\(entry.label) diverged"))
            }
        }
        content.markers += breakpointMarkers()
        let (chart, left) = chart(content, defaultHeight: max(SpecDecoder.defaultHeight, 260 * spec.panels.count))
        return Built(chart: chart, warnings: simulation.warnings + left)
    }

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

    /// With `"markers": true`, a rule at every step where a schedule changes phase.
    private func breakpointMarkers() -> [Marker] {
        guard spec.markers else { return [] }
        var steps = Set<Int>()
        for entry in spec.schedules { steps.formUnion(entry.schedule.breakpoints(below: spec.steps).filter { $0 > 0 }) }
        return steps.sorted().map { Marker(x: Double($0) / divisor, label: nil) }
    }

    /// The chart: the spec's panels filled with `content`, and a warning for each panel left
    /// out because nothing in it can be drawn (a momentum panel whose schedules set momentum
    /// only part of the time).
    ///
    /// A panel draws no legend when its lines are exactly those of a legend above (momentum
    /// or loss under the learning rate), or when it is one metric line fed to several
    /// schedules.
    private func chart(_ content: Content, defaultHeight: Int) -> (Chart, [LRPlotWarning]) {
        var legends: [Set<String>] = []
        var panels: [Panel] = []
        var warnings: [LRPlotWarning] = []
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
            let showsLegend = !legends.contains(labels) && !sharedMetric
            if showsLegend { legends.append(labels) }
            panels.append(Panel(yAxis: Axis(label: panel.label ?? defaultLabel(panel.kind), scale: panel.scale),
                                series: series, markers: content.markers, weight: panel.weight, showsLegend: showsLegend))
        }
        let inEpochs = spec.x.unit == .epoch
        let chart = Chart(
            title: spec.title, width: spec.width, height: spec.height ?? defaultHeight, scale: spec.scale,
            theme: spec.theme, transparentBackground: spec.background == .transparent,
            xAxis: Axis(label: spec.x.label ?? (inEpochs ? "epoch" : "step"), integerTicks: !inEpochs),
            panels: panels, legend: spec.legend)
        return (chart, warnings)
    }

    private func defaultLabel(_ kind: PanelKind) -> String {
        switch kind {
        case .lr: return "learning rate"
        case .momentum: return "momentum"
        case .metric: return "metric"
        case .loss: return lossWindow > 1 ? "training loss (mean of \(lossWindow) steps)" : "training loss"
        case .accuracy: return "validation accuracy"
        case .effectiveStep: return "effective step (median, 10–90 %)"
        }
    }

    /// Columns of steps a long series is reduced to: four per device pixel of the chart's
    /// width (`width × scale`), so the renderer's own per-pixel M4 pass sees every column's
    /// first, lowest, highest and last value wherever the plot area's pixels fall.
    static func columns(width: Int, scale: Double) -> Int {
        max(Int((Double(width) * scale).rounded(.up)) * 4, 64)
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
