import Testing
@testable import LRPlotKit

/// The block-parallel CSV writer gives the bytes of the row-by-row text writer.
@Suite struct CSVPipelineTests {
    func bytes(_ spec: Spec) throws -> (String, [LRPlotWarning]) {
        var out: [UInt8] = []
        let warnings = try ValuesWriter(spec: spec, format: .csv).writeBytes { out += $0 }
        return (String(decoding: out, as: UTF8.self), warnings)
    }

    func text(_ spec: Spec) throws -> (String, [LRPlotWarning]) {
        var out = ""
        let warnings = try ReferenceValuesWriter(spec: spec, format: .csv).write { out += $0 }
        return (out, warnings)
    }

    @Test func manyBlocksWithStopsAndMomentaMatchTheTextWriter() throws {
        // 2.5 blocks; one schedule stops inside the second block, one sets momentum, one
        // repeats values (the field cache) and one restarts.
        let steps = CSVPipeline.maximumBlockRows * 5 / 2 + 17
        let json = """
        {"steps": \(steps), "schedules": [
          {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 377},
          {"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": \(CSVPipeline.maximumBlockRows + 1000), "label": "stops, early"},
          {"type": "step", "lr": 0.1, "step_size": 3000, "gamma": 0.5},
          {"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 5000},
          {"type": "constant", "lr": 0},
          {"type": "hf.cosine", "lr": 1, "num_warmup_steps": 100, "num_training_steps": 20000},
          {"type": "sequence", "boundaries": [2000], "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 100000}, {"type": "cosine", "lr": 0.1, "total_steps": 5000}]},
          {"type": "sequence", "boundaries": [1], "schedules": [{"type": "cosine", "lr": 0.1, "total_steps": 5000}, {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 50}], "label": "sequence 2"}
        ]}
        """
        let spec = try SpecDecoder().decode(json, file: "s.json")
        let (viaBytes, w1) = try bytes(spec)
        let (viaText, w2) = try text(spec)
        #expect(viaBytes == viaText)
        #expect(w1 == w2 && w1.count == 1)
        #expect(viaBytes.split(separator: "\n").count == steps + 1)
    }

    @Test func shortRunsMatchTheTextWriter() throws {
        for steps in [1, 2, 7, CSVPipeline.maximumChunkRows, CSVPipeline.maximumChunkRows + 1, CSVPipeline.maximumBlockRows] {
            let spec = try SpecDecoder().decode("""
                {"steps": \(steps), "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 100000},
                                                 {"type": "exponential", "lr": 1, "gamma": 0.99}]}
                """, file: "s.json")
            #expect(try bytes(spec).0 == text(spec).0, "steps \(steps)")
        }
    }

    /// Many schedules: blocks of few rows (memory follows the output), the same bytes, and a
    /// non-finite value in a later block still ends the output before its row.
    @Test func manySchedulesMakeShortBlocksWithTheSameBytes() throws {
        for (count, steps) in [(3_000, 3), (300, 2_000)] {
            let schedules = (0..<count).map { i in
                i % 3 == 0 ? #"{"type": "torch.CyclicLR", "label": "s\#(i)", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": \#(1 + i % 50)}"#
                    : i % 3 == 1 ? #"{"type": "step", "label": "s\#(i)", "lr": 0.1, "step_size": \#(1 + i % 7)}"#
                    : #"{"type": "torch.LambdaLR", "label": "s\#(i)", "lr": 0.1, "lr_lambda": "1 if epoch < \#(steps - 1 - i % 2) else inf"}"#
            }
            let spec = try SpecDecoder().decode(#"{"steps": \#(steps), "schedules": [\#(schedules.joined(separator: ","))]}"#, file: "s.json")
            let pipeline = CSVPipeline(cursors: [], momentumColumns: Array(repeating: true, count: count), steps: steps)
            #expect(pipeline.blockRows == min(steps, CSVPipeline.valuesPerBlock / (2 * count)))
            #expect(pipeline.chunkRows == max(1, min(pipeline.blockRows, CSVPipeline.valuesPerChunk / (2 * count))))
            var out: [UInt8] = []
            var reference = ""
            let a = Result { try ValuesWriter(spec: spec, format: .csv).writeBytes { out += $0 } }
            let b = Result { try ReferenceValuesWriter(spec: spec, format: .csv).write { reference += $0 } }
            #expect(String(decoding: out, as: UTF8.self) == reference, "\(count) × \(steps)")
            #expect((try? a.get()) == nil && (try? b.get()) == nil, "a LambdaLR is infinite before the last step")
        }
    }

    @Test func aNonFiniteValueEndsTheOutputBeforeItsRow() throws {
        // Two schedules go non-finite in the second block; the earlier step wins.
        let bad = CSVPipeline.maximumBlockRows + 123
        let spec = try SpecDecoder().decode("""
            {"steps": \(bad + 50_000), "schedules": [
              {"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "1 if epoch < \(bad + 5) else inf - inf"},
              {"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "1 if epoch < \(bad) else inf", "label": "second"}
            ]}
            """, file: "s.json")
        var out: [UInt8] = []
        #expect {
            _ = try ValuesWriter(spec: spec, format: .csv).writeBytes { out += $0 }
        } throws: { error in
            (error as? LRPlotError)?.pathAndMessage == "schedules[1]: second produced infinity at step \(bad); check its parameters"
        }
        var reference = ""
        #expect(throws: LRPlotError.self) { try ReferenceValuesWriter(spec: spec, format: .csv).write { reference += $0 } }
        #expect(String(decoding: out, as: UTF8.self) == reference)
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == bad + 2)   // header, steps 0 ..< bad, and the empty text after the last newline
        #expect(lines[bad] == "\(bad - 1),0.1,0.1")
    }
}
