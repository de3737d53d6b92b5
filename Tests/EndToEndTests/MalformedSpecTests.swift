import Foundation
import LRPlotKit
import Testing
import TestSupport

/// A corpus of malformed specs, one file per case: `Malformed/NAME.json` must fail with
/// exactly the message in `Malformed/NAME.txt` (exit status 2), before anything is drawn.
///
/// To add a case, write the spec and the message a user should read; the message names the
/// file, the JSON path (or line and column) and what to fix.
@Suite struct MalformedSpecTests {
    static let directory = PackagePaths.root().appendingPathComponent("Tests/LRPlotKitTests/Malformed")

    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .map { ($0 as NSString).deletingPathExtension }
            .sorted()
    }()

    @Test func corpusIsThere() {
        #expect(Self.cases.count >= 50)
    }

    @Test(arguments: cases)
    func failsWithItsMessage(_ name: String) throws {
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let path = Self.directory.appendingPathComponent("\(name).json").path
        do {
            let spec = try SpecFile.load(path)
            _ = try ChartBuilder(spec: spec, file: path).build()
            Issue.record("\(name).json was accepted")
        } catch {
            let message = error.description.replacingOccurrences(of: Self.directory.path + "/", with: "")
            #expect(message == expected)
            #expect(error.exitCode == 2)
        }
    }
}
