import Foundation

/// Writes files atomically: a temporary file in the same directory, then a rename.
///
/// A failure leaves no partial file behind and an existing file untouched.
public enum AtomicFile {
    /// Checks that `path` can be written without writing it: its directory exists and is a
    /// directory, and the path itself is not a directory.
    public static func checkWritable(_ path: String) throws(LRPlotError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LRPlotError(.arguments, file: path, "is a directory; give a file name such as \(path.hasSuffix("/") ? path : path + "/")chart.png")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        guard fm.fileExists(atPath: dir, isDirectory: &isDirectory) else {
            throw LRPlotError(.runtime, file: path, "cannot write: the directory \(dir) does not exist")
        }
        guard isDirectory.boolValue else {
            throw LRPlotError(.runtime, file: path, "cannot write: \(dir) is not a directory")
        }
        guard fm.isWritableFile(atPath: dir) else {
            throw LRPlotError(.runtime, file: path, "cannot write: the directory \(dir) is not writable")
        }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(LRPlotError) {
        try checkWritable(path)
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        let name = (path as NSString).lastPathComponent
        var template = Array("\(dir)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw LRPlotError(.runtime, file: path, "cannot create a temporary file in \(dir): \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        let writeErrno = errno
        // Regular permissions (mkstemp creates 0600), respecting the umask.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        let closed = close(fd) == 0
        guard ok, closed else {
            unlink(temporary)
            throw LRPlotError(.runtime, file: path, "cannot write: \(String(cString: strerror(ok ? errno : writeErrno)))")
        }
        guard rename(temporary, path) == 0 else {
            let e = errno
            unlink(temporary)
            throw LRPlotError(.runtime, file: path, "cannot write: \(String(cString: strerror(e)))")
        }
    }
}
