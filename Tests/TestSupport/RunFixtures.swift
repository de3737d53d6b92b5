import Foundation

/// The logs under Tests/RunFixtures: written by tools/runlogs/make_fixtures.py with the real
/// tools, or copied from shared/real-runs (see the README files there).
public enum RunFixtures {
    public static let root = PackagePaths.root().appendingPathComponent("Tests/RunFixtures")

    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// A scratch copy of a fixture file, for tests that damage it.
    public static func scratchCopy(_ relative: String, name: String? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runlogs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent(name ?? (relative as NSString).lastPathComponent)
        try FileManager.default.copyItem(atPath: path(relative), toPath: target.path)
        return target.path
    }
}
