import Foundation
import LRPlotKit
import Plot
import Testing

/// `"markers": true` names each phase change from what the schedule's values do there.
@Suite struct PhaseMarkerTests {
    func markers(_ schedules: String, steps: Int, extra: String = "") throws -> [(Double, String)] {
        let spec = try SpecDecoder().decode(#"{"steps": \#(steps), "markers": true, "schedules": [\#(schedules)]\#(extra)}"#, file: "s.json")
        return try ChartBuilder(spec: spec).build().chart.panels[0].markers.map { ($0.x, $0.label ?? "") }
    }

    func expect(_ actual: [(Double, String)], _ expected: [(Double, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(actual.map(\.0) == expected.map(\.0), sourceLocation: sourceLocation)
        #expect(actual.map(\.1) == expected.map(\.1), sourceLocation: sourceLocation)
    }

    @Test func warmupAndDecay() throws {
        expect(try markers(#"{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 100}"#, steps: 150),
               [(10, "warm-up end"), (100, "minimum")])  // transformers' cosine climbs back past the end
        expect(try markers(#"{"type": "hf.linear", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 100}"#, steps: 150),
               [(10, "warm-up end"), (100, "decay end")])
        expect(try markers(#"{"type": "hf.warmup_stable_decay", "lr": 0.1, "num_warmup_steps": 10, "num_decay_steps": 20, "num_training_steps": 100}"#, steps: 120),
               [(10, "warm-up end"), (80, "decay start"), (100, "decay end")])
        expect(try markers(#"{"type": "torch.OneCycleLR", "lr": 0.01, "max_lr": 0.1, "total_steps": 100}"#, steps: 100),
               [(30, "warm-up end")])
    }

    @Test func dropsAndRestarts() throws {
        expect(try markers(#"{"type": "torch.MultiStepLR", "lr": 0.1, "milestones": [30, 60], "gamma": 0.1}"#, steps: 100),
               [(30, "milestone 1"), (60, "milestone 2")])
        expect(try markers(#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 20}"#, steps: 70),
               [(20, "restart"), (40, "restart"), (60, "restart")])
        // Stepped per epoch: the slopes are per epoch, the restart still a jump.
        expect(try markers(#"{"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 5, "T_mult": 2, "interval": "epoch"}"#,
                           steps: 3000, extra: #", "steps_per_epoch": 100"#),
               [(500, "restart"), (1500, "restart")])
        for type in ["torch.ReduceLROnPlateau", "plateau"] {
            expect(try markers(#"{"type": "\#(type)", "lr": 0.1, "patience": 1, "metrics": [1, 1, 1, 1, 1, 1, 1, 1, 1]}"#, steps: 10),
                   [(3, "reduction 1"), (5, "reduction 2"), (7, "reduction 3"), (9, "reduction 4")])
        }
    }

    @Test func labelsNameTheSchedulesUnlessAllChangeAlike() throws {
        let warm = #"{"type": "hf.linear", "label": "linear", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 100}, {"type": "hf.cosine", "label": "cosine", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 100}"#
        expect(try markers(warm, steps: 100), [(10, "warm-up end")])
        let three = warm + #", {"type": "torch.StepLR", "label": "step", "lr": 0.1, "step_size": 10}"#
        expect(try markers(three, steps: 30), [(10, "linear, cosine: warm-up end; step: milestone 1"), (20, "step: milestone 2")])
    }

    /// A long run of a stateful schedule (no closed form): the values around each breakpoint
    /// come from a walk, and the names are the same as for a short run.
    @Test func longDecimatedRuns() throws {
        expect(try markers(#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 3000000}"#, steps: 10_000_000),
               [(3_000_000, "milestone 1"), (6_000_000, "milestone 2"), (9_000_000, "milestone 3")])
        expect(try markers(#"{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 1000000, "num_training_steps": 10000000}"#, steps: 10_000_000),
               [(1_000_000, "warm-up end")])
    }
}
