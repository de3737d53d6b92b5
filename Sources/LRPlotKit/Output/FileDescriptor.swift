import Foundation

/// Writing to a file descriptor with `write(2)`: the one loop behind ``PendingFile``,
/// ``StandardOutput`` and the executable's standard error.
public enum FileDescriptor {
    /// Writes all of `bytes` to `fd` with `write(2)`, retrying partial writes and
    /// interruptions; returns `nil`, or the `errno` of the write that failed (`EIO` for a
    /// write that wrote nothing).
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return n < 0 ? errno : EIO
            }
        }
        return nil
    }
}
