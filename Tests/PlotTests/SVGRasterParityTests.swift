import Foundation
import PlotTestSupport
import Testing
@testable import Plot

/// Rasterises the SVG with librsvg's `rsvg-convert` and compares it with the PNG.
///
/// Requires `rsvg-convert` (Debian package `librsvg2-bin`) on PATH; without it the test FAILS
/// with an explanation instead of skipping, so CI must install it.
@Suite("SVG matches PNG")
struct SVGRasterParityTests {
    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `svg` rasterised by librsvg (`rsvg-convert`), or `nil` (with an issue recorded) when
    /// rsvg-convert is missing or fails.
    static func rasterised(_ svg: [UInt8], name: String) throws -> RasterImage? {
        guard let rsvg = findExecutable("rsvg-convert") else {
            Issue.record("rsvg-convert not found on PATH: install librsvg2-bin (apt-get install librsvg2-bin) to compare SVG output with PNG output")
            return nil
        }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("plot-svg-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svgURL = dir.appendingPathComponent("chart.svg")
        let outURL = dir.appendingPathComponent("chart.png")
        try Data(svg).write(to: svgURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rsvg)
        process.arguments = ["-o", outURL.path, svgURL.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("rsvg-convert failed on \(name) with status \(process.terminationStatus)")
            return nil
        }
        return try RasterImage.decodePNG([UInt8](try Data(contentsOf: outURL)))
    }

    @Test(arguments: ["four", "logwarmup", "twopanel", "dark", "logged", "loggeddense"])
    func svgRasterisesLikeThePNG(sample: String) throws {
        guard let chart = (SampleCharts.all + SampleCharts.extras).first(where: { $0.0 == sample })?.1 else {
            Issue.record("no sample \(sample)")
            return
        }
        guard let fromSVG = try Self.rasterised(try ChartRenderer.render(chart, as: .svg), name: sample) else { return }
        let direct = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
        #expect(fromSVG.width == direct.width && fromSVG.height == direct.height)
        // Antialiasing differs between renderers at edges; the content must match.
        let differing = try #require(RasterImage.differingFraction(fromSVG, direct, tolerance: 48))
        #expect(differing < 0.01, "\(sample): \(differing * 100)% of pixels differ")
    }
}
