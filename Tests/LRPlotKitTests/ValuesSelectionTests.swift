import Foundation
import Testing
@testable import LRPlotKit
import ScheduleCore

/// `values --every`, `--at`, `--per-epoch` and the epoch column: the rows of the full output
/// for the steps selected, the same text, warnings and errors as the step-by-step oracle.
@Suite struct ValuesSelectionTests {
    /// Recursive, closed-form, stopping, momentum, metric-driven and per-epoch schedules.
    static let json = """
        {"steps": 20000, "steps_per_epoch": 750, "schedules": [
          {"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 3000},
          {"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 500, "num_training_steps": 20000},
          {"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.5, "total_steps": 12000, "label": "one cycle, stops"},
          {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 777},
          {"type": "torch.StepLR", "lr": 0.1, "step_size": 7, "interval": "epoch", "label": "per epoch"},
          {"type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 1, "interval": "epoch", "label": "plateau",
           "metrics": [5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]},
          {"type": "expr", "expr": "0.1 / (1 + step // 1000)"}
        ]}
        """

    func spec(_ text: String = json) throws -> Spec { try SpecDecoder().decode(text, file: "s.json") }

    func written(_ spec: Spec, _ format: ValuesFormat, _ rows: RowSelection) throws -> (String, [LRPlotWarning]) {
        var out: [UInt8] = []
        let warnings = try ValuesWriter(spec: spec, format: format, rows: rows).writeBytes { out += $0 }
        return (String(decoding: out, as: UTF8.self), warnings)
    }

    func reference(_ spec: Spec, _ format: ValuesFormat, _ rows: [Int]?) throws -> (String, [LRPlotWarning]) {
        var out = ""
        let warnings = try ReferenceValuesWriter(spec: spec, format: format, rows: rows).write { out += $0 }
        return (out, warnings)
    }

    static let selections: [(RowSelection, [Int])] = [
        (.every(1000), Array(stride(from: 0, to: 20000, by: 1000))),
        (.every(7), Array(stride(from: 0, to: 20000, by: 7))),
        (.at([5000, 0, 100, 5000, 11999, 12000, 12001]), [0, 100, 5000, 11999, 12000, 12001]),
        (.at([19999]), [19999]),
        (.perEpoch, Array(stride(from: 0, to: 20000, by: 750))),
    ]

    @Test(arguments: [ValuesFormat.csv, .json])
    func selectionsMatchTheOracle(_ format: ValuesFormat) throws {
        let spec = try spec()
        for (selection, steps) in Self.selections {
            let (a, w1) = try written(spec, format, selection)
            let (b, w2) = try reference(spec, format, steps)
            #expect(a == b, "\(selection)")
            #expect(w1 == w2, "\(selection)")
        }
    }

    @Test func selectedRowsAreRowsOfTheFullOutput() throws {
        let spec = try spec()
        let (full, _) = try written(spec, .csv, .all)
        let lines = full.split(separator: "\n")
        let (some, _) = try written(spec, .csv, .at([0, 4321, 19999]))
        #expect(some.split(separator: "\n") == [lines[0], lines[1], lines[4322], lines[20000]])
        #expect(lines[0] == "step,epoch,torch.CosineAnnealingLR,hf.cosine,\"one cycle, stops\",\"one cycle, stops:momentum\",torch.CyclicLR,torch.CyclicLR:momentum,per epoch,plateau,expr")
        #expect(lines[4322].hasPrefix("4321,5,"))
    }

    @Test(arguments: [ValuesFormat.csv, .json])
    func theFullOutputHasTheEpochColumn(_ format: ValuesFormat) throws {
        let spec = try spec()
        let (a, _) = try written(spec, format, .all)
        let (b, _) = try reference(spec, format, nil)
        #expect(a == b)
        if format == .json {
            let object = try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any]
            let epochs = try #require(object?["epochs"] as? [Int])
            #expect(epochs.count == 20000 && epochs[749] == 0 && epochs[750] == 1 && epochs[19999] == 26)
        }
    }

    @Test func aSelectionStopsWalkingAtItsLastStep() throws {
        // OneCycleLR raises at step 12001: a selection ending before it warns of nothing.
        let spec = try spec()
        let (_, early) = try written(spec, .csv, .at([0, 11000]))
        #expect(early.isEmpty)
        let (_, late) = try written(spec, .csv, .at([0, 12500]))
        #expect(late.count == 1)
    }

    @Test func nonFiniteValuesEndTheSelection() throws {
        let spec = try spec(#"{"steps": 100, "schedules": [{"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "1 if epoch < 50 else inf"}]}"#)
        var out: [UInt8] = []
        #expect(throws: LRPlotError(.spec, file: "s.json", path: "schedules[0]", "torch.LambdaLR produced infinity at step 50; check its parameters")) {
            _ = try ValuesWriter(spec: spec, format: .csv, rows: .every(20)).writeBytes { out += $0 }
        }
        #expect(String(decoding: out, as: UTF8.self) == "step,torch.LambdaLR\n0,0.1\n20,0.1\n40,0.1\n")
        var json: [UInt8] = []
        #expect(throws: LRPlotError.self) { _ = try ValuesWriter(spec: spec, format: .json, rows: .every(20)).writeBytes { json += $0 } }
        #expect(json.isEmpty)
    }

    @Test(arguments: [
        (RowSelection.every(0), "--every 0: give a whole number of steps ≥ 1"),
        (.at([3, 20000]), "--at 20000: the spec covers steps 0 … 19999 (\"steps\": 20000)"),
        (.at([-1]), "--at -1: the spec covers steps 0 … 19999 (\"steps\": 20000)"),
    ])
    func selectionsOutsideTheSpecAreRefused(_ selection: RowSelection, _ message: String) throws {
        #expect(throws: LRPlotError(.arguments, message)) { _ = try written(try spec(), .csv, selection) }
    }

    @Test func perEpochNeedsStepsPerEpoch() throws {
        let spec = try spec(#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}]}"#)
        #expect(throws: LRPlotError(.arguments, file: "s.json", "--per-epoch needs a top-level \"steps_per_epoch\" in the spec")) {
            _ = try written(spec, .csv, .perEpoch)
        }
    }

    @Test func aFailedWriteStopsTheWork() throws {
        let spec = try spec(#"{"steps": 1000000, "schedules": [{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 3000}]}"#)
        for format in [ValuesFormat.csv, .json] {
            var calls = 0
            #expect(throws: LRPlotError(.runtime, "cannot write to standard output: No space left on device")) {
                _ = try ValuesWriter(spec: spec, format: format).write(emit: { _ throws(LRPlotError) in
                    calls += 1
                    if calls == 3 { throw LRPlotError(.runtime, "cannot write to standard output: No space left on device") }
                })
            }
            #expect(calls == 3, "\(format): no write after the failure")
        }
    }
}
