import Testing
@testable import LRPlotKit
import ScheduleCore

/// `lrplot list` and `describe`: 80 columns, a framework filter, the evaluation path, and
/// parameters described in words.
@Suite struct CatalogTextTests {
    @Test(arguments: [nil, "torch", "hf", "transformers", "timm", "optax", "keras", "generic", "cosine"])
    func listFitsEightyColumns(_ filter: String?) throws {
        let text = try CatalogText.list(filter: filter)
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }

    @Test func listShowsEveryTypeWithItsPath() throws {
        let text = try CatalogText.list()
        for t in ScheduleCatalog.standard.types {
            let path = try #require(t.evaluationPath)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  \(t.name) ") || $0 == "  \(t.name)" })
            // The code is on the name's line, or (long names) at the start of the next.
            let lines = text.split(separator: "\n")
            let index = try #require(lines.firstIndex(of: line))
            let codeLine = line.trimmingCharacters(in: .whitespaces) == t.name ? lines[index + 1] : line
            #expect(codeLine.contains("  \(path.code)  "), "\(t.name)")
        }
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("F fast path, C closed form, S step by step, N as its parts"))
    }

    @Test func aFrameworkFilterKeepsItsTypes() throws {
        let torch = try CatalogText.list(filter: "torch")
        #expect(torch.contains("torch.OneCycleLR") && !torch.contains("hf.cosine") && !torch.contains("Generic families"))
        #expect(try CatalogText.list(filter: "transformers") == CatalogText.list(filter: "hf"))
        #expect(try CatalogText.list(filter: "PyTorch") == torch)
        let cosine = try CatalogText.list(filter: "cosine")
        #expect(cosine.contains("hf.cosine_with_restarts") && cosine.contains("keras.CosineDecay") && !cosine.contains("torch.StepLR"))
    }

    @Test func anUnknownFilterSaysWhatWorks() {
        #expect(throws: LRPlotError(.arguments, "no schedule type matches \"torhc\"; filter by a framework (generic, torch, hf, timm, optax, keras, deepspeed, mmengine) or a part of a type name; did you mean \"torch\"?")) {
            try CatalogText.list(filter: "torhc")
        }
    }

    @Test func describeSaysKindAndRequiredInWords() throws {
        let text = try CatalogText.describe("torch.OneCycleLR")
        #expect(text.contains("  max_lr: number, or a list (one per group), required\n"))
        #expect(text.contains("  total_steps: whole number, optional (default None)\n"))
        #expect(text.contains("  anneal_strategy: \"cos\" | \"linear\", default \"cos\"\n"))
        #expect(text.contains("  three_phase: true or false, default false\n"))
        #expect(!text.contains("default required"))
        #expect(text.contains("Evaluation: step by step\n"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(try CatalogText.describe("hf.cosine").contains("Evaluation: fast path\n"))
        #expect(try CatalogText.describe("expr").contains("Evaluation: closed form\n"))
        #expect(try CatalogText.describe("warmup").contains("Evaluation: as its parts\n"))
        #expect(try CatalogText.describe("torch.LambdaLR").contains("  lr_lambda: Python expression in epoch, or a list (one per group), required\n"))
    }
}
