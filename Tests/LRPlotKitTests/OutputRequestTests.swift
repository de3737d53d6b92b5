import Foundation
import Plot
import Testing
@testable import LRPlotKit

/// What `-o` and `--format` ask for, for specs with and without outputs of their own.
@Suite struct OutputRequestTests {
    func spec(outputs: [String] = []) throws -> Spec {
        let output = outputs.isEmpty ? "" : ", \"output\": [" + outputs.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        return try SpecDecoder().decode(#"{"steps": 5, "schedules": [{"type": "constant", "lr": 1}]"# + output + "}", file: "dir/run.json")
    }

    func targets(_ paths: [String], format: ImageFormat? = nil, outputs: [String] = []) throws -> [OutputTarget] {
        try OutputRequest(paths: paths, format: format).targets(for: spec(outputs: outputs))
    }

    @Test func withoutOutputsTheDefaultTakesTheFormat() throws {
        #expect(try targets([]) == [OutputTarget(path: "output/run.png", format: .png)])
        #expect(try targets([], format: .svg) == [OutputTarget(path: "output/run.svg", format: .svg)])
        #expect(try targets([], outputs: ["a.pdf"]) == [OutputTarget(path: "a.pdf", format: .pdf)])
        #expect(try targets([], format: .pdf, outputs: ["a.pdf"]) == [OutputTarget(path: "a.pdf", format: .pdf)])
        #expect(throws: LRPlotError.self) { try targets([], format: .svg, outputs: ["a.pdf"]) }
    }

    @Test func standardOutputTakesOneFormat() throws {
        #expect(try targets(["-"]) == [.standardOutput(.png)])
        #expect(try targets(["-"], format: .svg) == [.standardOutput(.svg)])
        #expect(try targets(["-"], outputs: ["a.pdf"]) == [.standardOutput(.pdf)])
        #expect(try targets(["-"], outputs: ["a.pdf", "b.pdf"]) == [.standardOutput(.pdf)])
        #expect(throws: LRPlotError(.arguments, "-o - writes one image, and the spec's outputs have several formats; choose one with --format png|svg|pdf|html")) {
            try targets(["-"], outputs: ["a.png", "a.svg"])
        }
        #expect(throws: LRPlotError(.arguments, "-o - is given twice; standard output takes one image")) { try targets(["-", "-"]) }
    }

    @Test func aDirectoryGetsTheSpecsName() throws {
        #expect(try targets(["charts/"]) == [OutputTarget(path: "charts/run.png", format: .png)])
        #expect(try targets(["charts/"], format: .svg) == [OutputTarget(path: "charts/run.svg", format: .svg)])
        #expect(try targets(["charts/"], outputs: ["x.png", "y.svg"])
                == [OutputTarget(path: "charts/run.png", format: .png), OutputTarget(path: "charts/run.svg", format: .svg)])
        // An existing directory needs no slash.
        let dir = FileManager.default.temporaryDirectory.path
        #expect(try targets([dir]) == [OutputTarget(path: dir + "/run.png", format: .png)])
    }

    @Test func aFileNamesItsFormat() throws {
        #expect(try targets(["a.SVG"]) == [OutputTarget(path: "a.SVG", format: .svg)])
        #expect(try targets(["chart"], format: .pdf) == [OutputTarget(path: "chart", format: .pdf)])
        #expect(throws: LRPlotError(.arguments, file: "a.png", "the extension says png, but --format says svg")) {
            try targets(["a.png"], format: .svg)
        }
        #expect(throws: LRPlotError(.arguments, file: "chart.gif", "unknown output format; use a .png, .svg, .pdf or .html file name (or --format)")) {
            try targets(["chart.gif"])
        }
    }
}
