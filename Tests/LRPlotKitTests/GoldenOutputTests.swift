import Foundation
import LRPlotKit
import Plot
import PlotTestSupport
import Testing
import TestSupport

/// output/ holds what each example renders (committed, shown in the README). These tests fail
/// when the examples no longer render to what output/ holds, comparing decoded pixels with a
/// small tolerance rather than bytes.
///
/// On a mismatch the actual image is written beside the reference as `NAME.actual.png`, and a
/// picture of the differing pixels (red) as `NAME.diff.png`.
/// `LRPLOT_RECORD=1 swift test --filter GoldenOutputTests` rewrites the references.
@Suite struct GoldenOutputTests {
    static let root = PackagePaths.root()

    static let examples: [String] = {
        let dir = root.appendingPathComponent("examples").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test func everyExampleHasCommittedOutput() {
        #expect(Self.examples.count >= 3)
        for name in Self.examples {
            let base = (name as NSString).deletingPathExtension
            for ext in ["png", "svg"] {
                #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("output/\(base).\(ext)").path),
                        "output/\(base).\(ext) is missing: run `make examples`")
            }
        }
    }

    @Test(arguments: examples)
    func exampleMatchesCommittedPNG(_ name: String) throws {
        let specPath = Self.root.appendingPathComponent("examples/\(name)").path
        let spec = try SpecFile.load(specPath)
        let base = (name as NSString).deletingPathExtension
        let reference = Self.root.appendingPathComponent("output/\(base).png")
        let built = try RenderJob.chart(for: spec)
        let actualBytes = try built.render(.png)
        if ProcessInfo.processInfo.environment["LRPLOT_RECORD"] == "1" {
            try Data(actualBytes).write(to: reference)
            return
        }
        let expected = try RasterImage.decodePNG(Array(try Data(contentsOf: reference)))
        let actual = try RasterImage.decodePNG(actualBytes)
        let difference = PixelComparison.compare(actual, expected)
        if !difference.matches {
            let stem = reference.deletingPathExtension()
            try? Data(actualBytes).write(to: stem.appendingPathExtension("actual.png"))
            if let diff = RasterImage.difference(actual, expected, tolerance: PixelComparison.channelTolerance),
               let bytes = try? diff.encodePNG() {
                try? Data(bytes).write(to: stem.appendingPathExtension("diff.png"))
            }
        }
        #expect(difference.matches, "output/\(base).png differs from what examples/\(name) renders: \(difference); output/\(base).actual.png and .diff.png written beside it; `make examples` re-renders")
    }
}

extension GoldenOutputTests {
    /// Outputs written without Cairo — interactive HTML, and SVG with `"svg_text": "text"` —
    /// are deterministic text: they must match output/ byte for byte.
    static let textOutputs: [String] = examples.flatMap { name -> [String] in
        guard let spec = try? SpecFile.load(root.appendingPathComponent("examples/\(name)").path) else { return [] }
        return spec.outputs.filter { $0.format == .html || ($0.format == .svg && spec.svgText == .text) }
            .map { "\(name)|\($0.path)" }
    }

    @Test func someExamplesWriteTextOutputs() {
        #expect(Self.textOutputs.contains { $0.hasSuffix(".html") })
        #expect(Self.textOutputs.contains { $0.hasSuffix(".svg") })
    }

    @Test(arguments: textOutputs)
    func exampleMatchesCommittedText(_ pair: String) throws {
        let parts = pair.split(separator: "|").map(String.init)
        let specPath = Self.root.appendingPathComponent("examples/\(parts[0])").path
        let spec = try SpecFile.load(specPath)
        let target = try #require(spec.outputs.first { $0.path == parts[1] })
        let built = try RenderJob.chart(for: spec)
        let actual = try built.render(target.format)
        let reference = Self.root.appendingPathComponent(target.path)
        if ProcessInfo.processInfo.environment["LRPLOT_RECORD"] == "1" {
            try Data(actual).write(to: reference)
            return
        }
        let expected = [UInt8](try Data(contentsOf: reference))
        if actual != expected {
            try? Data(actual).write(to: reference.deletingPathExtension().appendingPathExtension("actual." + reference.pathExtension))
        }
        #expect(actual == expected, "\(target.path) differs from what examples/\(parts[0]) renders; the actual file is written beside it; `make examples` re-renders")
    }
}

/// Pixel-level comparison of two decoded images with a tolerance for anti-aliasing noise.
struct PixelComparison: CustomStringConvertible {
    var sizeMatches: Bool
    /// Pixels whose largest channel difference exceeds `channelTolerance`.
    var differing: Int
    var total: Int

    /// Channel differences up to this are noise.
    static let channelTolerance = 24
    /// The share of pixels allowed beyond the channel tolerance.
    static let allowedShare = 0.002

    var matches: Bool { sizeMatches && Double(differing) <= Self.allowedShare * Double(max(total, 1)) }

    var description: String {
        sizeMatches ? "\(differing) of \(total) pixels differ" : "sizes differ"
    }

    static func compare(_ a: RasterImage, _ b: RasterImage) -> PixelComparison {
        guard a.width == b.width, a.height == b.height else { return PixelComparison(sizeMatches: false, differing: 0, total: 0) }
        var differing = 0
        for y in 0..<a.height {
            for x in 0..<a.width {
                let p = a.pixel(x: x, y: y), q = b.pixel(x: x, y: y)
                let d = max(abs(Int(p.r) - Int(q.r)), abs(Int(p.g) - Int(q.g)), abs(Int(p.b) - Int(q.b)), abs(Int(p.a) - Int(q.a)))
                if d > channelTolerance { differing += 1 }
            }
        }
        return PixelComparison(sizeMatches: true, differing: differing, total: a.width * a.height)
    }
}
