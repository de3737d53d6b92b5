import Foundation
import Testing
import TestSupport
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
