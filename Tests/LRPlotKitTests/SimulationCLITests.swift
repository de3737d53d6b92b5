import LRPlotKit
import Plot
import ScheduleCore
import Testing

@Suite struct SimulationCLITests {
    /// An inline least-squares problem: y = 2x, one weight starting at 0.
    static let inline = #""problem": {"loss": "mse", "features": [[1.0], [2.0], [3.0]], "targets": [2.0, 4.0, 6.0], "initial_weights": [0.0]}"#

    func spec(_ schedules: String, steps: Int = 5, optimizer: String = #"{"type": "torch.SGD", "lr": 0.01}"#, extra: String = "") throws -> Spec {
        try SpecDecoder().decode(#"{"steps": \#(steps), "simulate": {"optimizer": \#(optimizer), \#(Self.inline)}, "schedules": [\#(schedules)]\#(extra)}"#, file: "s.json")
    }

    @Test func scheduleWithoutLrTakesTheOptimizers() throws {
        let s = try spec(#"{"type": "torch.StepLR", "step_size": 2}"#)
        let outcome = try SimulationJob.run(s)
        #expect(outcome.results[0].run.learningRates.prefix(3) == [0.01, 0.01, 0.001])
    }

    @Test func csvHasOneRowPerStepWithExactLosses() throws {
        let s = try spec(#"{"type": "constant", "lr": 0.01, "label": "c"}"#, steps: 3)
        let text = SimulationWriter.write(try SimulationJob.run(s).results, of: s, format: .csv)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "step,c")
        // Step 0: w = 0, loss = mean((0 − 2x)²) = (4 + 16 + 36) / 3.
        #expect(lines[1] == "0,\(JSONWriter.format((4.0 + 16 + 36) / 3))")
    }

    /// The budget covers a spec's runs together and is checked before the first starts: four
    /// runs of the default digits model for 10⁶ steps are refused at "simulate" at once, though
    /// each alone fits; three fit.
    @Test func theBudgetCoversEveryRunBeforeTheFirst() throws {
        func digits(_ count: Int) throws -> Spec {
            let schedules = (0..<count).map { #"{"type": "constant", "label": "c\#($0)", "lr": 0.01}"# }.joined(separator: ", ")
            return try SpecDecoder().decode(#"{"steps": 1000000, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": "digits"}, "schedules": [\#(schedules)]}"#, file: "s.json")
        }
        let four = try digits(4)
        nonisolated(unsafe) var stepsDone = 0
        #expect {
            _ = try SimulationJob.run(four, progress: { _, _ in stepsDone += 1 })
        } throws: { error in
            let message = (error as? LRPlotError)?.pathAndMessage ?? ""
            return message.hasPrefix("simulate: these 4 runs would take about 1.") && message.contains("\"allow_long\": true")
        }
        // Refused before training: not one step was taken.
        #expect(stepsDone == 0)
        let work = try #require(four.schedules.first?.simulation).estimatedWork(steps: 1_000_000, metricDriven: false)
        #expect(3 * work <= 1e12 && 4 * work > 1e12)
    }

    @Test func divergenceIsAWarningWithItsStep() throws {
        let s = try spec(#"{"type": "constant", "lr": 10, "label": "big"}"#, steps: 400)
        let outcome = try SimulationJob.run(s)
        let step = try #require(outcome.results[0].run.divergedAt)
        #expect(step > 0 && step < 400)
        #expect(outcome.warnings == [LRPlotWarning(.diverged(step: step), location: SourceLocation(file: "s.json", path: "schedules[0]"), label: "big")])
        let csv = SimulationWriter.write(outcome.results, of: s, format: .csv).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csv[step + 1] == "\(step),")
        let chart = ChartBuilder(spec: s).build(simulation: outcome).chart
        #expect(chart.panels.first?.markers.map(\.x) == [Double(step)])
    }

    @Test func aNonFiniteLearningRateIsTheSameErrorAsInACharts() throws {
        let s = try spec(#"{"type": "torch.LambdaLR", "lr_lambda": "1 if epoch < 3 else inf"}"#, steps: 6)
        #expect {
            _ = try SimulationJob.run(s)
        } throws: { error in
            (error as? LRPlotError)?.message == "torch.LambdaLR produced infinity at step 3; check its parameters"
        }
    }

    @Test func perScheduleOptimizersAndAdaptivePanels() throws {
        let s = try spec(#"{"type": "constant", "lr": 0.01, "label": "sgd"}, {"type": "constant", "lr": 0.01, "label": "adam", "optimizer": {"type": "torch.Adam", "lr": 0.01}}"#, steps: 20)
        #expect(s.schedules[1].simulation?.optimizer.typeName == "torch.Adam")
        // learning rate, training loss, effective step (Adam only; inline problems have no validation).
        #expect(s.panels.map(\.kind) == [.lr, .loss, .effectiveStep])
        let chart = ChartBuilder(spec: s).build(simulation: try SimulationJob.run(s)).chart
        #expect(chart.panels.count == 3)
        #expect(chart.panels[2].series.count == 1)
        #expect(chart.panels[2].series[0].band != nil)
        #expect(chart.panels[2].showsLegend)   // one of two schedules: its legend says which
        #expect(!chart.panels[1].showsLegend)  // the loss panel repeats the learning rate's legend
    }

    /// `x.unit`, `panels` and `markers` mean the same with `"simulate"` as without.
    @Test func simulationChartsReadTheSamePresentationKeys() throws {
        let s = try spec(##"{"type": "torch.StepLR", "lr": 0.01, "step_size": 2, "interval": "epoch", "draw": "lines", "dash": "dotted", "color": "#112233"}, {"type": "constant", "lr": 0.001, "optimizer": {"type": "torch.Adam", "lr": 0.01}}"##,
                         steps: 20, extra: #", "steps_per_epoch": 5, "x": {"unit": "epoch"}, "markers": true, "legend": "lower left", "height": 300, "panels": [{"show": "loss", "scale": "linear"}, {"show": "lr", "label": "rate"}, {"show": "effective_step"}]"#)
        let chart = ChartBuilder(spec: s).build(simulation: try SimulationJob.run(s)).chart
        #expect(chart.xAxis.label == "epoch" && !chart.xAxis.integerTicks)
        #expect(chart.height == 300 && chart.legend == .lowerLeft)
        #expect(chart.panels.map(\.yAxis.label) == ["training loss", "rate", "effective step (median)"])
        #expect(chart.panels[2].series.allSatisfy { $0.band?.label == "10–90 % of parameters (those with a gradient)" })
        #expect(chart.panels[0].yAxis.scale == .linear)
        let lr = chart.panels[1].series[0]
        #expect(lr.xs.last == 19.0 / 5 && lr.drawStyle == .linear && lr.dash == .dotted && lr.color == RGBColor(hex: "#112233"))
        // The per-epoch StepLR changes phase at epochs 2 and 4 (steps 10 and 20 → 10 only below 20).
        #expect(chart.panels[0].markers.map(\.x) == [2])
    }

    @Test(arguments: [
        (#"{"steps": 5, "schedules": [{"type": "constant", "lr": 0.1, "optimizer": {"type": "torch.SGD", "lr": 0.1}}]}"#,
         "schedules[0].optimizer: an optimizer per schedule only makes sense with a top-level \"simulate\" block"),
        (#"{"steps": 2000000, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": "digits"}, "schedules": [{"type": "constant", "lr": 0.1}]}"#,
         "steps: must be from 1 to 1,000,000 with \"simulate\" (each step trains the model), found 2,000,000"),
        (#"{"steps": 5, "simulate": {"optimizer": {"type": "torch.Adamm", "lr": 0.1}, "problem": "digits"}, "schedules": [{"type": "constant", "lr": 0.1}]}"#,
         "simulate.optimizer.type: unknown optimizer type \"torch.Adamm\"; did you mean \"torch.Adam\"?"),
    ])
    func badSimulationSpecs(_ text: String, _ message: String) {
        do {
            _ = try SpecDecoder().decode(text, file: "s.json")
            Issue.record("accepted")
        } catch {
            #expect(error.pathAndMessage.hasPrefix(message), "\(error)")
            #expect(error.exitStatus == .badInput)
        }
    }

    @Test func trailingMeanAveragesTheWindow() {
        #expect(ChartBuilder.trailingMean([1, 2, 3, 4], window: 2) == [1, 1.5, 2.5, 3.5])
        #expect(ChartBuilder.trailingMean([1, 2], window: 1) == [1, 2])
    }
}
