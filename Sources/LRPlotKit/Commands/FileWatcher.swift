import Foundation

/// Waits for files to change, for `lrplot --watch`: polls each file's identity, size and
/// modification time, so edits in place, editors that save by renaming a new file over the
/// old one, and files that appear or disappear are all seen.
public struct FileWatcher: Sendable {
    /// What is compared between polls; `nil` for a file that does not exist.
    struct Signature: Equatable {
        var identity: FileIdentity
        var size: Int64
        var modified: timespec
        static func == (a: Signature, b: Signature) -> Bool {
            a.identity == b.identity && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// The files watched.
    public private(set) var paths: [String]
    private var signatures: [Signature?]

    /// Watches `paths` from their state now.
    public init(paths: [String]) {
        self.paths = paths
        self.signatures = paths.map(Self.signature)
    }

    /// Also watches `more` (from their state now), those not watched yet.
    public mutating func watch(_ more: [String]) {
        for path in more where !paths.contains(path) {
            paths.append(path)
            signatures.append(Self.signature(path))
        }
    }

    static func signature(_ path: String) -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Signature(identity: FileIdentity(info), size: Int64(info.st_size), modified: info.st_mtim)
    }

    /// Blocks until a file changes, then until it has stayed the same for one more poll (a
    /// file being written is read once it is complete); returns `false` if `shouldStop`
    /// says so first.
    ///
    /// - Parameter interval: seconds between polls.
    public mutating func waitForChange(interval: Double = 0.2, shouldStop: () -> Bool = { false }) -> Bool {
        while !shouldStop() {
            usleep(useconds_t(interval * 1_000_000))
            var now = paths.map(Self.signature)
            guard now != signatures else { continue }
            while !shouldStop() {
                usleep(useconds_t(interval * 500_000))
                let settled = paths.map(Self.signature)
                if settled == now { break }
                now = settled
            }
            signatures = now
            return !shouldStop()
        }
        return false
    }
}
