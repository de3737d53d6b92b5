import Plot
import ScheduleCore
import Simulation

/// The chart of a simulation: panels sharing the step axis — the learning rate, the training
/// loss (log scale), the validation accuracy (digits), and for adaptive optimizers the
/// effective per-parameter step size (median, with the 10–90 % range shaded).
///
/// Mini-batch losses are noisy, so with `"problem": "digits"` the loss panel draws a trailing
/// mean over `window` steps (`⌈steps / 200⌉`, said in the axis title); `lrplot simulate`
/// prints every raw value. A run that diverged is marked with a rule at its last step.
public struct SimulationChartBuilder {
    public var spec: Spec
    public var file: String
    public var results: [SimulationJob.Result]

    public init(spec: Spec, file: String, results: [SimulationJob.Result]) {
        self.spec = spec
        self.file = file
        self.results = results
    }

    /// The trailing-mean window used for mini-batch losses.
    var window: Int {
        guard case .digits? = spec.simulation?.problem else { return 1 }
        return max(1, (spec.steps + 199) / 200)
    }

    public func build() throws(LRPlotError) -> ChartBuilder.Built {
        let theme: Theme = spec.theme == "dark" ? .dark : .light
        var lr: [Series] = [], loss: [Series] = [], accuracy: [Series] = [], effective: [Series] = []
        var markers: [Marker] = []
        for (i, r) in results.enumerated() {
            let entryIndex = spec.schedules.firstIndex { $0.path == r.entry.path } ?? i
            let color = r.entry.color.flatMap(RGBColor.init(hex:)) ?? theme.palette[entryIndex % max(theme.palette.count, 1)]
            let dash = r.entry.dash.flatMap(DashStyle.init(name:)) ?? ChartBuilder.dashCycle[entryIndex % ChartBuilder.dashCycle.count]
            func series(_ xs: [Double], _ ys: [Double], style: DrawStyle = .linear, band: Band? = nil) -> Series {
                Series(label: r.entry.label, xs: xs, ys: ys, color: color, dash: dash, drawStyle: style, band: band)
            }
            let rates = Array(r.run.learningRates.prefix(r.run.losses.count))
            var equal = 0
            for k in rates.indices.dropFirst() where rates[k] == rates[k - 1] { equal += 1 }
            let stairs = r.entry.draw == "steps" || (r.entry.draw == "auto" && rates.count > 1 && 2 * equal >= rates.count - 1)
            var rateXs = rates.indices.map(Double.init)
            var rateYs = rates
            if stairs, let last = rates.last {
                rateXs.append(Double(rates.count))
                rateYs.append(last)
            }
            lr.append(series(rateXs, rateYs, style: stairs ? .stepsPost : .linear))
            loss.append(series(r.run.losses.indices.map(Double.init), Self.trailingMean(r.run.losses, window: window)))
            let measured = r.run.validationAccuracy.enumerated().compactMap { t, a in a.map { (Double(t), $0) } }
            if !measured.isEmpty {
                accuracy.append(series(measured.map(\.0), measured.map(\.1)))
            }
            if let e = r.run.effectiveStep, !e.median.isEmpty {
                effective.append(series(e.median.indices.map(Double.init), e.median, band: Band(lower: e.p10, upper: e.p90)))
            }
            if let step = r.run.divergedAt {
                markers.append(Marker(x: Double(step), label: "\(r.entry.label) diverged"))
            }
        }
        var panels = [
            Panel(yAxis: Axis(label: spec.y.label ?? "learning rate", scale: spec.y.scale == "log" ? .log : .linear),
                  series: lr, markers: markers, weight: 1),
            Panel(yAxis: Axis(label: window > 1 ? "training loss (mean of \(window) steps)" : "training loss", scale: .log),
                  series: loss, markers: markers, weight: 1, showsLegend: false),
        ]
        if !accuracy.isEmpty {
            panels.append(Panel(yAxis: Axis(label: "validation accuracy"), series: accuracy, markers: markers,
                                weight: 0.7, showsLegend: false))
        }
        if !effective.isEmpty {
            panels.append(Panel(yAxis: Axis(label: "effective step (median, 10–90 %)", scale: .log), series: effective,
                                markers: markers, weight: 0.7, showsLegend: lr.count != effective.count))
        }
        let height = max(spec.height, 260 * panels.count)
        let chart = Chart(
            title: spec.title, width: spec.width, height: height, scale: spec.scale, theme: theme,
            transparentBackground: spec.transparent,
            xAxis: Axis(label: spec.x.label ?? "step", integerTicks: true),
            panels: panels, legend: ChartBuilder.legend(spec.legend))
        return ChartBuilder.Built(chart: chart, warnings: SimulationJob.warnings(results, file: file))
    }

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
