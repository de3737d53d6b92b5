import Foundation
import LRPlotKit
import ScheduleCore
import Testing
import TestSupport

/// The README is the spec reference: it must list every schedule type and show every example.
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOf: PackagePaths.root().appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    @Test func listsEveryScheduleType() {
        #expect(!Self.readme.isEmpty)
        for type in ScheduleCatalog.standard.types {
            #expect(Self.readme.contains("| `\(type.name)` |"), "README lacks \(type.name): run scripts/update-readme.sh")
        }
    }

    @Test func generatedTablesAreCurrent() {
        #expect(Self.readme.contains(CatalogText.markdown().trimmingCharacters(in: .newlines)), "README's type tables are stale: run scripts/update-readme.sh")
    }

    @Test func showsEveryExample() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.root().appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".json") }
        for name in examples {
            let base = (name as NSString).deletingPathExtension
            #expect(Self.readme.contains("(examples/\(name))") && Self.readme.contains("(output/\(base).png)"), "README does not show examples/\(name)")
        }
    }

    @Test func documentsEveryTopLevelKey() {
        for key in SpecDecoder.topLevelKeys {
            #expect(Self.readme.contains("| `\(key)` |") || Self.readme.contains("`\(key)`,") || Self.readme.contains("`\(key)` |"), "README does not document \"\(key)\"")
        }
    }
}
