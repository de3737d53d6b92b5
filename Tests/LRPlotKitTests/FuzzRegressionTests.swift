import Foundation
import LRPlotKit
import Plot
import Testing
import TestSupport

/// Every input the fuzzer (fuzz/run.sh) crashed on, kept: each must now decode to a spec or
/// to a clear error, and a decoded spec must evaluate and lay out its chart — no trap.
@Suite struct FuzzRegressionTests {
    static let directory = PackagePaths.root().appendingPathComponent("Tests/LRPlotKitTests/FuzzRegressions")

    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test(arguments: cases)
    func noLongerCrashes(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        guard let spec = try? SpecFile.load(path) else { return }  // a clear error is fine
        var limited = spec
        limited.steps = min(spec.steps, 2_000)
        limited.markers = true  // exercise breakpoints too
        if let built = try? RenderJob.chart(for: limited) {
            _ = try built.render(.png)
        }
        for entry in limited.schedules { _ = entry.schedule.breakpoints(below: limited.steps) }
    }
}
