import Plot
import ScheduleCore

/// Turns a decoded ``Spec`` into a ``Plot/Chart``: evaluates every schedule over the spec's
/// steps and maps the spec's presentation keys onto the chart model.
public struct ChartBuilder {
    public var spec: Spec
    /// The spec's file name, for messages.
    public var file: String

    public init(spec: Spec, file: String) {
        self.spec = spec
        self.file = file
    }

    /// A chart ready to render, with warnings for schedules that stopped early.
    public struct Built: Sendable {
        public var chart: Chart
        public var warnings: [String]

        /// The bytes of the chart in `format`.
        public func render(_ format: OutputFormat) throws -> [UInt8] {
            let imageFormat: ImageFormat
            switch format {
            case .png: imageFormat = .png
            case .svg: imageFormat = .svg
            case .pdf: imageFormat = .pdf
            }
            return try ChartRenderer.render(chart, as: imageFormat)
        }
    }

    /// Evaluates the schedules and builds the chart.
    ///
    /// A series of more than ``decimationFactor`` × ``columns(width:scale:)`` steps is first
    /// reduced by ``ColumnSampler`` to each column's first, lowest, highest and last value (and
    /// the values before the extremes) and drawn as lines through those points; memory then
    /// grows with the chart's width, and closed-form schedules (``RangeExtrema``) cost what
    /// the width costs. Shorter series are drawn from every step:
    /// each series is drawn as stairs (each value held through its step, up to step N) when it
    /// is piecewise constant — at least half of its consecutive values are equal — or when its
    /// `"draw"` is `"steps"`; otherwise as lines through the values at whole steps.
    ///
    /// - Throws: ``LRPlotError`` when a schedule lacks metrics or yields NaN or infinity.
    public func build() throws(LRPlotError) -> Built {
        let inEpochs = spec.x.unit == "epoch"
        let divisor = Double(inEpochs ? (spec.stepsPerEpoch ?? 1) : 1)
        let theme: Theme = spec.theme == "dark" ? .dark : .light
        let wantsMomentum = spec.panels.contains { $0.content == .momentum }
        var lrSeries: [Series] = []
        var momentumSeries: [Series] = []
        var metricSeries: [Series] = []
        var warnings: [String] = []
        var markerSteps = Set<Int>()
        let columns = Self.columns(width: spec.width, scale: spec.scale)
        let decimates = spec.steps > Self.decimationFactor * columns
        let sampler = ColumnSampler(steps: spec.steps, columns: columns)
        let reductions = decimates ? sampler.sampleAll(spec.schedules.map(\.schedule)) : []
        for (index, entry) in spec.schedules.enumerated() {
            let color = entry.color.flatMap(RGBColor.init(hex:)) ?? theme.palette[index % max(theme.palette.count, 1)]
            let dash = entry.dash.flatMap(DashStyle.init(name:)) ?? Self.dashCycle[index % Self.dashCycle.count]
            func series(_ values: [Double], stairs: Bool) -> Series {
                var xs = (0..<values.count).map { Double($0) / divisor }
                var values = values
                if stairs, let last = values.last {
                    // The last value holds through its step: draw it up to step N.
                    xs.append(Double(values.count) / divisor)
                    values.append(last)
                }
                return Series(label: entry.label, xs: xs, ys: values, color: color, dash: dash,
                              drawStyle: stairs ? .stepsPost : .linear)
            }
            func series(_ summaries: [ColumnSummary]) -> Series {
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
                return Series(label: entry.label, xs: xs, ys: ys, color: color, dash: dash, drawStyle: .linear)
            }
            if decimates {
                let reduced: ColumnSampler.Result
                do {
                    reduced = try reductions[index].get()
                } catch {
                    throw LRPlotError(.badInput, file: file, path: entry.path, "\(error)")
                }
                if let bad = reduced.nonFinite {
                    throw LRPlotError(.badInput, file: file, path: entry.path,
                                      "\(entry.label) produced \(bad.value.isNaN ? "NaN" : "infinity") at step \(bad.step); check its parameters")
                }
                if let stop = reduced.stop {
                    warnings.append(ValuesWriter.stopWarning(entry: entry, stop: stop, file: file))
                }
                lrSeries.append(series(reduced.learningRates))
                if wantsMomentum, let momenta = reduced.momenta, !momenta.isEmpty {
                    momentumSeries.append(series(momenta))
                }
            } else {
                var cursor: ScheduleCursor
                do {
                    cursor = try ScheduleCursor(entry.schedule, steps: spec.steps)
                } catch {
                    throw LRPlotError(.badInput, file: file, path: entry.path, "\(error)")
                }
                var ys: [Double] = []
                var momenta: [Double] = []
                ys.reserveCapacity(spec.steps)
                var equalPairs = 0
                while let (step, lr, momentum) = cursor.next() {
                    guard lr.isFinite else {
                        throw LRPlotError(.badInput, file: file, path: entry.path,
                                          "\(entry.label) produced \(lr.isNaN ? "NaN" : "infinity") at step \(step); check its parameters")
                    }
                    if let last = ys.last, last == lr { equalPairs += 1 }
                    ys.append(lr)
                    if wantsMomentum, let momentum { momenta.append(momentum) }
                }
                if let stop = cursor.stop {
                    warnings.append(ValuesWriter.stopWarning(entry: entry, stop: stop, file: file))
                }
                let stairs = entry.draw == "steps" || (entry.draw == "auto" && ys.count > 1 && 2 * equalPairs >= ys.count - 1)
                lrSeries.append(series(ys, stairs: stairs))
                if momenta.count == ys.count, !momenta.isEmpty {
                    momentumSeries.append(series(momenta, stairs: stairs))
                }
            }
            if entry.schedule.usesMetrics, let metrics = entry.schedule.metrics {
                let shown = Array(metrics.prefix(spec.steps))
                // Schedules fed the same metrics share one line.
                if let same = metricSeries.firstIndex(where: { $0.ys == shown }) {
                    metricSeries[same].label += ", " + entry.label
                } else {
                    metricSeries.append(series(shown, stairs: false))
                }
            }
            if spec.markers {
                markerSteps.formUnion(entry.schedule.breakpoints(below: spec.steps).filter { $0 > 0 })
            }
        }
        let markers = markerSteps.sorted().map { Marker(x: Double($0) / divisor, label: nil) }
        var labelsInLegends = Set<String>()
        let panels = spec.panels.map { panel -> Panel in
            let series: [Series]
            let defaultLabel: String
            switch panel.content {
            case .lr: series = lrSeries; defaultLabel = "learning rate"
            case .momentum: series = momentumSeries; defaultLabel = "momentum"
            case .metric: series = metricSeries; defaultLabel = "metric"
            }
            // A panel repeating series already in a legend above (momentum under the learning
            // rate) draws no legend of its own.
            let labels = Set(series.map(\.label))
            // One metric line fed to every schedule needs no legend either.
            let sharedMetric = panel.content == .metric && series.count == 1
                && spec.schedules.filter { $0.schedule.usesMetrics }.count > 1
            let showsLegend = !labels.isSubset(of: labelsInLegends) && !sharedMetric
            if showsLegend { labelsInLegends.formUnion(labels) }
            return Panel(
                yAxis: Axis(label: panel.label ?? defaultLabel, scale: panel.scale == "log" ? .log : .linear),
                series: series, markers: markers, weight: panel.weight, showsLegend: showsLegend)
        }
        let chart = Chart(
            title: spec.title, width: spec.width, height: spec.height, scale: spec.scale, theme: theme,
            transparentBackground: spec.transparent,
            xAxis: Axis(label: spec.x.label ?? (inEpochs ? "epoch" : "step"), integerTicks: !inEpochs),
            panels: panels, legend: Self.legend(spec.legend))
        return Built(chart: chart, warnings: warnings)
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

    /// Dash patterns cycled with the palette, so series stay apart in greyscale.
    static let dashCycle: [DashStyle] = [.solid, .dashed, .dotted, .dashDot]

    static func legend(_ name: String) -> LegendPlacement {
        switch name {
        case "none": return .none
        case "outside": return .outsideRight
        case "upper right": return .upperRight
        case "upper left": return .upperLeft
        case "lower left": return .lowerLeft
        case "lower right": return .lowerRight
        default: return .auto
        }
    }
}
