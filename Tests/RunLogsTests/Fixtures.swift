import Foundation
import TestSupport

/// The logs under Tests/RunFixtures: written by tools/runlogs/make_fixtures.py with the real
/// tools, or copied from shared/real-runs (see the README files there).
enum Fixtures {
    static let root = PackagePaths.root().appendingPathComponent("Tests/RunFixtures")

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// A scratch copy of a fixture file, for tests that damage it.
    static func scratchCopy(_ relative: String, name: String? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runlogs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent(name ?? (relative as NSString).lastPathComponent)
        try FileManager.default.copyItem(atPath: path(relative), toPath: target.path)
        return target.path
    }
}
