import Foundation
import Plot
import ScheduleCore
import Testing
import LRPlotKit

@Suite struct ChartDecimationTests {
    func build(_ json: String) throws -> ChartBuilder.Built {
        try ChartBuilder(spec: try SpecDecoder().decode(json, file: "s.json")).build()
    }

    @Test func billionStepClosedFormChartsHoldAFewPointsPerColumn() throws {
        let built = try build(#"""
        {"steps": 1000000000, "width": 400, "schedules": [
          {"type": "hf.cosine", "lr": 0.001, "num_warmup_steps": 10000000, "num_training_steps": 1000000000},
          {"type": "cyclic", "base_lr": 0.0001, "max_lr": 0.001, "step_size_up": 2000000}]}
        """#)
        let series = try #require(built.chart.panels.first?.series)
        #expect(series.count == 2)
        for s in series {
            // 4 columns per device pixel, at most 6 points each.
            #expect(s.xs.count <= 6 * 4 * 400 && s.xs.count >= 2 * 4 * 400)
            #expect(s.xs == s.xs.sorted())
            #expect(s.drawStyle == .linear)
            #expect(s.xs.first == 0 && s.xs.last == 999_999_999)
        }
        // The cyclic series reaches its exact peak and trough.
        #expect(series[1].ys.max() == 0.001 && series[1].ys.min() == 0.0001)
    }

    @Test func longStatefulSeriesAreReducedExactly() throws {
        let json = #"""
        {"steps": 300000, "width": 200, "schedules": [
          {"type": "torch.StepLR", "lr": 0.1, "step_size": 70000, "gamma": 0.5},
          {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 999}]}
        """#
        let built = try build(json)
        let series = try #require(built.chart.panels.first?.series)
        let spec = try SpecDecoder().decode(json, file: "s.json")
        for (s, entry) in zip(series, spec.schedules) {
            #expect(s.xs.count <= 6 * 4 * 200)
            let full = try entry.schedule.evaluate(steps: 300_000).learningRates
            // Every drawn point is a real value at its step, and the extremes are kept.
            for (x, y) in zip(s.xs, s.ys) { #expect(full[Int(x)] == y) }
            #expect(s.ys.max() == full.max() && s.ys.min() == full.min())
        }
        // A drop of the stair series is drawn vertically: the last old value and the first new one.
        let stairs = series[0]
        let drop = try #require(stairs.xs.firstIndex(of: 70_000))
        #expect(stairs.xs[drop - 1] == 69_999 && stairs.ys[drop - 1] == 0.1 && stairs.ys[drop] == 0.05)
    }

    /// The metric panel of an epoch-interval plateau schedule: its per-epoch metrics repeat
    /// over every step of an epoch (a feed of 3 metrics covers 300,000 steps), and the line
    /// is reduced per column as the learning rates are, exactly; a short feed is drawn whole.
    @Test func metricSeriesAreReducedPerColumnFromTheFeed() throws {
        let built = try build(#"""
        {"steps": 300000, "steps_per_epoch": 100000, "width": 200, "panels": [{"show": "lr"}, {"show": "metric"}],
         "schedules": [{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 0, "interval": "epoch",
                        "metrics": [3, 1, 2]}]}
        """#)
        let metric = try #require(built.chart.panels.last?.series.first)
        #expect(metric.xs.count <= 6 * 4 * 200 && metric.xs.count >= 4 * 200)
        #expect(metric.xs == metric.xs.sorted() && metric.xs.first == 0 && metric.xs.last == 299_999)
        // Round t is fed metric[⌊(t − 1) / 100000⌋] of the repeated feed: every drawn point is the
        // value at its step, and the change at each epoch is kept.
        for (x, y) in zip(metric.xs, metric.ys) {
            #expect(y == [3.0, 1, 2][min(Int(x) / 100_000, 2)], "step \(x)")
        }
        #expect(metric.xs.contains(99_999) && metric.xs.contains(100_000) && metric.xs.contains(200_000))

        let short = try build(#"""
        {"steps": 5, "panels": [{"show": "lr"}, {"show": "metric"}],
         "schedules": [{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "metrics": [4, 3, 2, 1, 0, 9]}]}
        """#)
        let line = try #require(short.chart.panels.last?.series.first)
        #expect(line.ys == [4, 3, 2, 1, 0] && line.xs == [0, 1, 2, 3, 4])
    }

    @Test func shortSeriesAreDrawnFromEveryStep() throws {
        let built = try build(#"{"steps": 500, "schedules": [{"type": "step", "lr": 0.1, "step_size": 100}]}"#)
        let s = try #require(built.chart.panels.first?.series.first)
        // Stairs through every step, held to step N.
        #expect(s.drawStyle == .stepsPost && s.xs.count == 501 && s.xs.last == 500)
    }

    @Test func progressComesFromTheSchedulesWalkedStepByStep() throws {
        let long = try SpecDecoder().decode("""
            {"steps": 10000000, "schedules": [{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 10000000},
              {"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 1000}, {"type": "expr", "expr": "0.1"}]}
            """, file: "s.json")
        #expect(ChartBuilder(spec: long).walkedSchedules == [1, 2])
        #expect(RenderJob.progressUnits(for: long) == [1, 2])
        let short = try SpecDecoder().decode(#"{"steps": 1000, "schedules": [{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 100}]}"#, file: "s.json")
        #expect(ChartBuilder(spec: short).walkedSchedules.isEmpty)
    }

    @Test func aLongWalkReportsItsProgress() throws {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var steps: [Int: Int] = [:]
            func note(_ i: Int, _ done: Int) { lock.lock(); steps[i] = max(steps[i] ?? 0, done); lock.unlock() }
        }
        let seen = Seen()
        let spec = try SpecDecoder().decode("""
            {"steps": 1000000, "schedules": [{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 1000000},
              {"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 1000}]}
            """, file: "s.json")
        _ = try ChartBuilder(spec: spec).build { seen.note($0, $1) }
        #expect(seen.steps[0] == nil)
        #expect((seen.steps[1] ?? 0) > 990_000)
    }
}
