import Foundation
import Testing
import TestSupport
import RunCheck
@testable import LRPlotKit

/// Specs with logged series: a plateau schedule fed the validation losses a run logged, checked
/// against the rates that run logged.
@Suite struct CheckJobTests {
    @Test func plateauFedLoggedValidationLoss() throws {
        let run = RunFixtures.path("real-runs/tb-3/TFT-Prediction/lightning_logs/optuna/version_2")
        let text = """
            {"steps": 1500, "steps_per_epoch": 30, "schedules": [
              {"type": "torch.ReduceLROnPlateau", "label": "plateau", "lr": 0.0026688119396567345, "factor": 0.5,
               "patience": 4, "cooldown": 4, "min_lr": 1e-5, "interval": "epoch",
               "metrics": {"file": "\(run)", "key": "val_loss"}},
              {"type": "log", "file": "\(run)", "key": "lr-Ranger"}
            ]}
            """
        let spec = try SpecDecoder().decode(text, file: "spec.json")
        #expect(spec.logs.count == 1 && spec.logs[0].label == "plateau (logged)")
        // 50 per-epoch losses, each held for the 30 steps of its epoch.
        #expect(spec.schedules[0].schedule.metrics?.count == 50 * 30)
        let results = try CheckJob.run(spec)
        #expect(results.count == 1)
        #expect(results[0].report.matches, "\(results[0].report)")
        #expect(results[0].report.pointsCompared == 50)
        // The chart draws the log next to its plan.
        let built = try RenderJob.chart(for: spec)
        #expect(built.chart.panels[0].series.map(\.label) == ["plateau", "plateau (logged)"])
    }

    @Test func loggedMetricsErrorsNameTheKey() throws {
        let run = RunFixtures.path("real-runs/tb-3/TFT-Prediction/lightning_logs/optuna/version_2")
        let text = """
            {"steps": 10, "schedules": [{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "metrics": {"file": "\(run)", "key": "val_los"}}]}
            """
        #expect {
            try SpecDecoder().decode(text, file: "spec.json")
        } throws: { error in
            guard let e = error as? LRPlotError else { return false }
            return e.location.path == "schedules[0].metrics.file" && e.message.contains("did you mean \"val_loss\"?")
        }
    }
}

/// The chart of a check (`lrplot check --chart`): plan, logged points, the residual panel and
/// the first difference marked.
@Suite struct CheckChartTests {
    static let resumedSpec = PackagePaths.root().appendingPathComponent("examples/check-resumed.json").path

    @Test func checkChartHasResidualPanelAndMarksFirstDifference() throws {
        let spec = try SpecFile.load(Self.resumedSpec)
        let results = try CheckJob.run(spec)
        let first = try #require(results.first?.report.firstDifference)
        let built = try ChartBuilder(spec: spec).build(check: results)
        let panels = built.chart.panels
        #expect(panels.count == 2)
        // The logged rates are points over the planned line.
        #expect(panels[0].series.map(\.drawStyle) == [.linear, .points])
        // The residual panel: one point per compared step, zero up to the first difference,
        // not zero from there (the resumed run restarted its cosine), no legend of its own.
        let residual = try #require(panels.last?.series.first)
        #expect(panels[1].yAxis.label == "relative difference")
        #expect(!panels[1].showsLegend)
        #expect(residual.drawStyle == .points)
        #expect(residual.xs.count == results[0].report.pointsCompared)
        for (x, y) in zip(residual.xs, residual.ys) {
            if x < Double(first.step) { #expect(abs(y) < 1e-6, "step \(x): \(y)") }
        }
        let at = try #require(residual.xs.firstIndex(of: Double(first.step)))
        #expect(abs(residual.ys[at]) > 0.01)
        #expect(residual.ys.allSatisfy { $0 >= -2 && $0 <= 2 })
        // One labelled rule at the first difference, in the log's colour.
        let marker = try #require(panels[0].markers.first { $0.label?.contains("first difference") == true })
        #expect(marker.x == Double(first.step))
        #expect(marker.label == "logged (TensorBoard): first difference")
        #expect(marker.color == panels[0].series[1].color)
        // And it renders.
        #expect(try built.render(.png).count > 1000)
    }

    @Test func residualPanelCanBeAskedForInASpec() throws {
        // The example places the residual panel itself (a fifth of the chart, under the rates).
        let spec = try SpecFile.load(Self.resumedSpec)
        #expect(spec.panels.map(\.kind) == [.lr, .residual])
        let built = try ChartBuilder(spec: spec).build()
        #expect(built.chart.panels.count == 2)
        #expect(built.chart.panels[1].weight == 0.4)
        #expect(built.chart.panels[1].series.count == 1)
        // A plain render marks nothing the spec did not ask for; the check chart keeps the
        // spec's panel rather than adding a second.
        #expect(built.chart.panels[0].markers.isEmpty)
        let checked = try ChartBuilder(spec: spec).build(check: try CheckJob.run(spec))
        #expect(checked.chart.panels.count == 2)
    }

    /// A check that keeps each log in memory (a chart's: one read for the check, the points and
    /// the residuals) reports what the streamed check reports, point for point, on logs of
    /// every kind of run: resumed, fp16-skipped, per epoch, and each log format.
    @Test func keepingTheLogsChecksAsStreaming() throws {
        let cases: [(log: String, key: String?, plan: String, stepsPerEpoch: Int?)] = [
            ("torch-resumed-restarted", nil, #"{"type": "torch.CosineAnnealingLR", "lr": 0.05, "T_max": 60}"#, nil),
            ("torch-fp16-skipped-steps", nil, #"{"type": "hf.linear", "lr": 0.001, "num_warmup_steps": 5, "num_training_steps": 50}"#, nil),
            ("mlflow-steplr/run", nil, #"{"type": "torch.StepLR", "lr": 0.1, "step_size": 10, "gamma": 0.5}"#, nil),
            ("timm-cosine/summary.csv", nil, #"{"type": "timm.CosineLRScheduler", "lr": 0.05, "t_initial": 12, "lr_min": 0.0001, "warmup_t": 3, "warmup_lr_init": 0.001}"#, 5),
            ("hf-trainer-cosine/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 0.001, "num_warmup_steps": 5, "num_training_steps": 40}"#, nil),
            ("real-runs/hf-8/trainer_log.jsonl", "learning_rate", #"{"type": "hf.cosine", "lr": 5e-5, "num_warmup_steps": 866, "num_training_steps": 8660}"#, nil),
            ("real-runs/hf-1/trainer_state.json", nil, #"{"type": "hf.linear", "lr": 1e-5, "num_warmup_steps": 500, "num_training_steps": 5000}"#, nil),
        ]
        var differing = 0
        for c in cases {
            let key = c.key.map { #", "key": "\#($0)""# } ?? ""
            let spe = c.stepsPerEpoch.map { #""steps_per_epoch": \#($0), "# } ?? ""
            let text = #"{"steps": 10000, \#(spe)"schedules": [\#(c.plan), {"type": "log", "file": "\#(RunFixtures.path(c.log))"\#(key)}]}"#
            let spec = try SpecDecoder().decode(text, file: "spec.json")
            let streamed = try CheckJob.run(spec)
            let kept = try CheckJob.run(spec, keepingLogs: true)
            #expect(streamed.count == 1 && kept.count == 1)
            #expect(streamed[0].series == nil && kept[0].series != nil)
            #expect(streamed[0].report == kept[0].report, "\(c.log)")
            #expect(streamed[0].report.pointsCompared > 3, "\(c.log)")
            if !kept[0].report.matches { differing += 1 }
            var a: [ComparedPoint] = [], b: [ComparedPoint] = []
            try CheckJob.forEachComparedPoint(of: streamed[0], in: spec) { a.append($0) }
            try CheckJob.forEachComparedPoint(of: kept[0], in: spec) { b.append($0) }
            #expect(a == b && a.count == kept[0].report.pointsCompared, "\(c.log)")
        }
        // Some of these runs depart from their plans (the comparison is not only of matches).
        #expect(differing >= 2)
    }

    @Test func residualPanelNeedsALog() throws {
        let text = #"{"steps": 10, "panels": [{"show": "lr"}, {"show": "residual"}], "schedules": [{"type": "constant", "lr": 0.1}]}"#
        #expect {
            try SpecDecoder().decode(text, file: "s.json")
        } throws: { error in
            guard let e = error as? LRPlotError else { return false }
            return e.location.path == "panels[1].show" && e.message.contains("add a logged series")
        }
    }
}
