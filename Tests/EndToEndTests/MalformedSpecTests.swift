import Foundation
import Testing
import TestSupport

/// A corpus of malformed specs, one file per case: `lrplot values Malformed/NAME.json` must
/// fail with exit status 2 and exactly the line in `Malformed/NAME.txt` on stderr, writing
/// nothing to stdout.
///
/// To add a case, write the spec and the message a user should read; the message names the
/// file, the JSON path (or line and column) and what to fix.
@Suite struct MalformedSpecTests {
    static let directory = PackagePaths.root().appendingPathComponent("Tests/EndToEndTests/Malformed")

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
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        let r = try ProcessResult.run(exe, ["values", "--format", "json", "\(name).json"], in: Self.directory)
        #expect(r.status == 2)
        #expect(r.stderr.trimmingCharacters(in: .newlines) == expected)
        #expect(r.stdout.isEmpty)
    }
}
