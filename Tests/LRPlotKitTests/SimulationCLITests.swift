import LRPlotKit
import Plot
import ScheduleCore
import Testing

@Suite struct SimulationCLITests {
    /// An inline least-squares problem: y = 2x, one weight starting at 0.
    static let inline = #""problem": {"loss": "mse", "features": [[1.0], [2.0], [3.0]], "targets": [2.0, 4.0, 6.0], "initial_weights": [0.0]}"#

    func spec(_ schedules: String, steps: Int = 5, optimizer: String = #"{"type": "torch.SGD", "lr": 0.01}"#) throws -> Spec {
        try SpecDecoder().decode(#"{"steps": \#(steps), "simulate": {"optimizer": \#(optimizer), \#(Self.inline)}, "schedules": [\#(schedules)]}"#, file: "s.json")
    }

    @Test func scheduleWithoutLrTakesTheOptimizers() throws {
        let s = try spec(#"{"type": "torch.StepLR", "step_size": 2}"#)
        let results = try SimulationJob.run(s, file: "s.json")
        #expect(results[0].run.learningRates.prefix(3) == [0.01, 0.01, 0.001])
    }

    @Test func csvHasOneRowPerStepWithExactLosses() throws {
        let s = try spec(#"{"type": "constant", "lr": 0.01, "label": "c"}"#, steps: 3)
        let text = SimulationWriter.write(try SimulationJob.run(s, file: "s.json"), steps: 3, format: .csv)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "step,c")
        // Step 0: w = 0, loss = mean((0 − 2x)²) = (4 + 16 + 36) / 3.
        #expect(lines[1] == "0,\(JSONWriter.format((4.0 + 16 + 36) / 3))")
    }

    @Test func divergenceIsAResultWithItsStep() throws {
        let s = try spec(#"{"type": "constant", "lr": 10, "label": "big"}"#, steps: 400)
        let results = try SimulationJob.run(s, file: "s.json")
        let step = try #require(results[0].run.divergedAt)
        #expect(step > 0 && step < 400)
        let warnings = SimulationJob.warnings(results, file: "s.json")
        #expect(warnings == ["s.json: schedules[0] (big): the loss diverged (NaN or infinity) at step \(step); the run stops there"])
        let csv = SimulationWriter.write(results, steps: 400, format: .csv).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csv[step + 1] == "\(step),")
        let chart = try SimulationChartBuilder(spec: s, file: "s.json", results: results).build().chart
        #expect(chart.panels.first?.markers.map(\.x) == [Double(step)])
    }

    @Test func perScheduleOptimizersAndAdaptivePanels() throws {
        let s = try spec(#"{"type": "constant", "lr": 0.01}, {"type": "constant", "lr": 0.01, "optimizer": {"type": "torch.Adam", "lr": 0.01}}"#, steps: 20)
        #expect(s.schedules[1].simulation?.optimizer.typeName == "torch.Adam")
        let results = try SimulationJob.run(s, file: "s.json")
        let chart = try SimulationChartBuilder(spec: s, file: "s.json", results: results).build().chart
        // learning rate, training loss, effective step (Adam only; inline problems have no validation).
        #expect(chart.panels.count == 3)
        #expect(chart.panels[2].series.count == 1)
        #expect(chart.panels[2].series[0].band != nil)
    }

    @Test(arguments: [
        (#"{"steps": 5, "schedules": [{"type": "constant", "lr": 0.1, "optimizer": {"type": "torch.SGD", "lr": 0.1}}]}"#,
         "s.json: schedules[0].optimizer: an optimizer per schedule only makes sense with a top-level \"simulate\" block"),
        (#"{"steps": 2000000, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": "digits"}, "schedules": [{"type": "constant", "lr": 0.1}]}"#,
         "s.json: steps: must be from 1 to 1,000,000 with \"simulate\" (each step trains the model), found 2,000,000"),
        (#"{"steps": 5, "simulate": {"optimizer": {"type": "torch.Adamm", "lr": 0.1}, "problem": "digits"}, "schedules": [{"type": "constant", "lr": 0.1}]}"#,
         "s.json: simulate.optimizer.type: unknown optimizer type \"torch.Adamm\"; did you mean \"torch.Adam\"?"),
    ])
    func badSimulationSpecs(_ text: String, _ message: String) {
        do {
            _ = try SpecDecoder().decode(text, file: "s.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
            #expect(error.exitCode == 2)
        }
    }

    @Test func trailingMeanAveragesTheWindow() {
        #expect(SimulationChartBuilder.trailingMean([1, 2, 3, 4], window: 2) == [1, 1.5, 2.5, 3.5])
        #expect(SimulationChartBuilder.trailingMean([1, 2], window: 1) == [1, 2])
    }
}
