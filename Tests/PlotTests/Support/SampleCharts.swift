import Foundation
import Plot

/// Charts resembling the project's use: learning-rate schedules.
enum SampleCharts {
    static func steps(_ n: Int) -> [Double] { (0...n).map(Double.init) }

    /// Four schedules over 100 epochs: step decay, exponential, cosine, triangular cyclic.
    static var fourSchedules: Chart {
        let xs = steps(100)
        let step = xs.map { 0.1 * pow(0.1, floor($0 / 30)) }
        let expo = xs.map { 0.1 * pow(0.95, $0) }
        let cosine = xs.map { 0.0005 + 0.5 * (0.1 - 0.0005) * (1 + cos(Double.pi * $0 / 100)) }
        let tri = xs.map { x -> Double in
            let cycle = x.truncatingRemainder(dividingBy: 20) / 10
            return 0.001 + (0.06 - 0.001) * (cycle < 1 ? cycle : 2 - cycle)
        }
        return Chart(
            title: "Learning-rate schedules", xAxis: Axis(label: "epoch", integerTicks: true),
            panels: [
                Panel(
                    yAxis: Axis(label: "learning rate"),
                    series: [
                        Series(label: "StepLR(step_size=30, gamma=0.1)", xs: xs, ys: step, drawStyle: .stepsPost),
                        Series(label: "ExponentialLR(gamma=0.95)", xs: xs, ys: expo),
                        Series(label: "CosineAnnealingLR(T_max=100)", xs: xs, ys: cosine),
                        Series(label: "CyclicLR(triangular)", xs: xs, ys: tri),
                    ], markers: [Marker(x: 30, label: "milestone"), Marker(x: 60, label: "milestone")])
            ])
    }

    /// Log y from 1e-5 to 1e-1 with a linear warmup from 0 (zero is a gap on a log axis).
    static var logWarmup: Chart {
        let xs = steps(10_000)
        let ys = xs.map { x -> Double in
            x < 1000 ? 0.1 * x / 1000 : 1e-5 + (0.1 - 1e-5) * 0.5 * (1 + cos(Double.pi * (x - 1000) / 9000))
        }
        return Chart(
            title: "Warmup + cosine (log scale)", xAxis: Axis(label: "step", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "learning rate", scale: .log), series: [Series(label: "warmup_cosine", xs: xs, ys: ys)])])
    }

    /// 10^6 steps of a fast triangular cycle: a filled band after decimation.
    static var millionSteps: Chart {
        let n = 1_000_000
        let xs = (0..<n).map(Double.init)
        let ys = xs.map { x -> Double in
            let t = x.truncatingRemainder(dividingBy: 2000) / 1000
            let envelope = 3e-4 * (1 - x / Double(n)) + 1e-5
            return envelope * (t < 1 ? t : 2 - t) + 1e-5
        }
        return Chart(
            title: "Cyclic LR, 10⁶ steps", xAxis: Axis(label: "step", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "learning rate"), series: [Series(label: "triangular2", xs: xs, ys: ys)])])
    }

    /// Two panels sharing x: learning rate over momentum.
    static var twoPanels: Chart {
        let xs = steps(5000)
        let lr = xs.map { x -> Double in
            let p = x / 5000
            return p < 0.3 ? 4e-5 + (1e-3 - 4e-5) * 0.5 * (1 - cos(Double.pi * p / 0.3))
                : 4e-9 + (1e-3 - 4e-9) * 0.5 * (1 + cos(Double.pi * (p - 0.3) / 0.7))
        }
        let mom = xs.map { x -> Double in
            let p = x / 5000
            return p < 0.3 ? 0.95 - 0.1 * 0.5 * (1 - cos(Double.pi * p / 0.3))
                : 0.85 + 0.1 * 0.5 * (1 - cos(Double.pi * (p - 0.3) / 0.7))
        }
        return Chart(
            title: "OneCycleLR", xAxis: Axis(label: "step", integerTicks: true),
            panels: [
                Panel(yAxis: Axis(label: "learning rate"), series: [Series(label: "lr", xs: xs, ys: lr)],
                      markers: [Marker(x: 1500, label: "peak")], weight: 2),
                Panel(yAxis: Axis(label: "momentum"), series: [Series(label: "momentum", xs: xs, ys: mom)], weight: 1),
            ])
    }

    /// The four schedules on the dark theme.
    static var dark: Chart {
        var chart = fourSchedules
        chart.theme = .dark
        chart.title = "Learning-rate schedules (dark)"
        return chart
    }

    static var all: [(String, Chart)] {
        [("four", fourSchedules), ("logwarmup", logWarmup), ("million", millionSteps),
         ("twopanel", twoPanels), ("dark", dark)]
    }
}

extension SampleCharts {
    /// Extra variants used only for viewing.
    static var extras: [(String, Chart)] {
        var narrow = fourSchedules
        narrow.width = 480
        narrow.height = 320
        var outside = fourSchedules
        outside.legend = .outsideRight
        var clear = twoPanels
        clear.transparentBackground = true
        let xs = (0...300).map(Double.init)
        let big = Chart(
            title: "Negative and large values", xAxis: Axis(label: "x"),
            panels: [Panel(yAxis: Axis(label: "y"), series: [
                Series(label: "sin × 3·10⁶", xs: xs, ys: xs.map { 3e6 * sin($0 / 40) }),
                Series(label: "point", xs: [150], ys: [1e6]),
            ])])
        let fewDecades = Chart(
            title: "Log, two decades", xAxis: Axis(label: "epoch", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "learning rate", scale: .log), series: [
                Series(label: "exp", xs: xs, ys: xs.map { 1e-2 * pow(0.985, $0) }),
            ])])
        return [("narrow", narrow), ("outside", outside), ("clear", clear), ("big", big), ("fewdecades", fewDecades)]
            + figures + [("logged", logged), ("loggeddense", loggedDense)]
    }

    /// A plan and two logged runs drawn as points: one logged every 100 steps that follows
    /// the plan, and one whose scheduler stepped twice per optimizer step (hollow rings).
    static var logged: Chart {
        let plan = warmupCosine(warmup: 1000, peak: 5e-4)
        let every = stride(from: 0, through: 10_000, by: 100).map(Double.init)
        let lr = { (x: Double) in x < 1000 ? 5e-4 * x / 1000 : 5e-4 * 0.5 * (1 + cos(Double.pi * (x - 1000) / 9000)) }
        let twice = stride(from: 0, through: 5_000, by: 50).map(Double.init)
        return Chart(
            title: "Logged learning rates against the plan", xAxis: Axis(label: "optimizer step", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "learning rate"), series: [
                Series(label: "plan", xs: plan.xs, ys: plan.ys, color: RGBColor(hex: "#1f77b4")),
                Series(label: "logged", xs: every, ys: every.map(lr), color: RGBColor(hex: "#ff7f0e"), drawStyle: .points),
                Series(label: "logged (2 processes)", xs: twice, ys: twice.map { lr(2 * $0) },
                       color: RGBColor(hex: "#2ca02c"), drawStyle: .points, pointShape: .hollowCircle),
            ])])
    }

    /// 10⁶ logged steps of a noisy warm-up and cosine: thinned to a few marks per column.
    static var loggedDense: Chart {
        let n = 1_000_000
        var generator = XorShiftGenerator(seed: 1)
        let xs = (0..<n).map(Double.init)
        let ys = xs.map { x -> Double in
            // Noise of ±3 %.
            let noise = 1 + Double.random(in: -0.03..<0.03, using: &generator)
            let base = x < 50_000 ? 1e-3 * x / 50_000 : 1e-3 * 0.5 * (1 + cos(Double.pi * (x - 50_000) / Double(n - 50_000)))
            return base * noise
        }
        return Chart(
            title: "10⁶ logged steps", xAxis: Axis(label: "optimizer step", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "learning rate"), series: [
                Series(label: "logged", xs: xs, ys: ys, drawStyle: .points),
            ])])
    }

    /// Warm-up then cosine decay over 10,000 steps (the transformers example's shapes).
    static func warmupCosine(warmup: Double, peak: Double, steps: Double = 10_000) -> (xs: [Double], ys: [Double]) {
        let xs = (0...Int(steps)).map(Double.init)
        return (xs, xs.map { x in
            x < warmup ? peak * x / warmup : peak * 0.5 * (1 + cos(Double.pi * (x - warmup) / (steps - warmup)))
        })
    }

    /// Two schedules with labelled phase markers and a user annotation.
    static var annotated: Chart {
        let a = warmupCosine(warmup: 1000, peak: 5e-4)
        let b = warmupCosine(warmup: 1000, peak: 3e-4)
        let wsd = a.xs.map { x -> Double in x < 1000 ? 4e-4 * x / 1000 : x < 9000 ? 4e-4 : 4e-4 * (10_000 - x) / 1000 }
        return Chart(
            title: "Phase markers and annotations", xAxis: Axis(label: "optimizer step", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "learning rate"), series: [
                Series(label: "cosine 5e-4", xs: a.xs, ys: a.ys),
                Series(label: "cosine 3e-4", xs: b.xs, ys: b.ys),
                Series(label: "warmup_stable_decay", xs: a.xs, ys: wsd),
            ], markers: [
                Marker(x: 1000, label: "cosine 5e-4, cosine 3e-4, warmup_stable_decay: warm-up end"),
                Marker(x: 9000, label: "warmup_stable_decay: decay start"),
                Marker(x: 10_000, label: "warmup_stable_decay: end"),
                Marker(x: 6000, label: "resumed here", kind: .annotation),
                Marker(x: 6100, label: "lr halved by hand", kind: .annotation),
            ])])
    }

    /// The figure-control samples: a paper column at 300 dpi, an epoch axis above, a 480 px
    /// chart whose title wraps, an effective-step band with its legend row.
    static var figures: [(String, Chart)] {
        var paper = Chart.paperColumn(
            title: "Learning-rate schedules", xAxis: Axis(label: "epoch", integerTicks: true),
            panels: fourSchedules.panels)
        paper.panels[0].markers = [Marker(x: 30, label: "milestone 1"), Marker(x: 60, label: "milestone 2")]
        var epochs = annotated
        epochs.title = "Steps below, epochs above"
        epochs.secondaryXAxis = SecondaryAxis(label: "epoch", divisor: 625, integerTicks: true)
        var narrow = annotated
        narrow.title = "Transformer-style warm-up and decay with 10% warm-up (transformers get_scheduler)"
        narrow.width = 480
        narrow.height = 320
        let xs = (0..<940).map(Double.init)
        func band(_ scale: Double) -> Series {
            let median = xs.map { scale * (1 + cos(Double.pi * $0 / 940)) / 2 + 1e-6 }
            return Series(label: "Adam \(scale)", xs: xs, ys: median, band: Band(
                lower: median.map { $0 * 0.2 }, upper: median.map { $0 * 30 },
                label: "10–90 % of parameters"))
        }
        let bands = Chart(
            title: "Effective step size", xAxis: Axis(label: "step", integerTicks: true),
            panels: [Panel(yAxis: Axis(label: "effective step", scale: .log), series: [band(1e-1), band(3e-3)], showsLegend: true)])
        return [("paper", paper), ("epochs", epochs), ("narrowtitle", narrow), ("bands", bands), ("annotated", annotated)]
    }
}
