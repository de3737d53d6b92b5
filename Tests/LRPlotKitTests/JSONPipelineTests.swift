import Testing
@testable import LRPlotKit

/// The streaming JSON writer gives the bytes of the writer that holds every value in memory.
@Suite struct JSONPipelineTests {
    func streamed(_ spec: Spec) throws -> (String, [LRPlotWarning]) {
        var out: [UInt8] = []
        let warnings = try ValuesWriter(spec: spec, format: .json).writeBytes { out += $0 }
        return (String(decoding: out, as: UTF8.self), warnings)
    }

    func held(_ spec: Spec) throws -> (String, [LRPlotWarning]) {
        var out = ""
        let warnings = try ReferenceValuesWriter(spec: spec, format: .json).write { out += $0 }
        return (out, warnings)
    }

    @Test(arguments: [1, 2, 5_000, JSONPipeline.blockRows + JSONPipeline.chunkRows + 3])
    func matchesTheInMemoryWriter(_ steps: Int) throws {
        let spec = try SpecDecoder().decode("""
            {"steps": \(steps), "schedules": [
              {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 377, "label": "a \\"quoted\\" label"},
              {"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 3000},
              {"type": "step", "lr": 0.1, "step_size": 300, "gamma": 0.5},
              {"type": "constant", "lr": 0},
              {"type": "hf.cosine", "lr": 1, "num_warmup_steps": 100, "num_training_steps": 20000},
              {"type": "sequence", "boundaries": [2000], "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 100000}, {"type": "cosine", "lr": 0.1, "total_steps": 5000}]},
              {"type": "sequence", "boundaries": [1], "schedules": [{"type": "cosine", "lr": 0.1, "total_steps": 5000}, {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 50}], "label": "sequence 2"}
            ]}
            """, file: "s.json")
        let (a, w1) = try streamed(spec)
        let (b, w2) = try held(spec)
        #expect(a == b)
        #expect(w1 == w2)
        #expect(w1.count == (steps > 3001 ? 1 : 0))
    }

    @Test func aNonFiniteValueIsAnErrorBeforeAnyOutput() throws {
        let spec = try SpecDecoder().decode("""
            {"steps": 40000, "schedules": [
              {"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "1 if epoch < 30000 else inf - inf"},
              {"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "1 if epoch < 20000 else inf", "label": "second"}
            ]}
            """, file: "s.json")
        var out: [UInt8] = []
        #expect {
            _ = try ValuesWriter(spec: spec, format: .json).writeBytes { out += $0 }
        } throws: { error in
            (error as? LRPlotError)?.pathAndMessage == "schedules[1]: second produced infinity at step 20000; check its parameters"
        }
        #expect(out.isEmpty)
        #expect(throws: LRPlotError.self) { try held(spec) }
    }
}
