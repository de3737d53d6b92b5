import Foundation

/// A file's device and inode: the same numbers mean the same file, however it is named
/// (`spec.json`, `./spec.json`, a symbolic or hard link).
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity `stat` reported.
    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The identity of the file at `path` (following symbolic links), or `nil` when there
    /// is none.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(info)
    }
}

/// The system's words for an `errno` value ("No space left on device").
enum SystemError {
    static func text(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
