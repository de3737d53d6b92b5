import Foundation

/// Writes files atomically: each into a temporary file beside it, renamed into place only
/// once every byte is written, so a failure leaves no partial file and an existing file
/// untouched.
///
/// - **Symbolic links** are followed: the link's target is replaced (in the target's
///   directory, so the rename stays atomic) and the link stays a link, as editors do.
/// - **Mode and owner** of a file being replaced are kept (`chmod 600 chart.png` stays 600);
///   a new file gets `0666` less the umask.
/// - **Long names**: the temporary name fits the directory's `NAME_MAX` (a 255-byte output
///   name works): `.<name>.XXXXXX`, with `<name>` shortened when it has to be.
/// - **Inputs are never outputs**: a path that resolves to a file the spec was read from is
///   refused before anything is written.
/// - **Several outputs** (``writeAll(_:refusing:)``) are all or nothing: every temporary file
///   is written first, and only then are they renamed into place.
public enum AtomicFile {
    /// Checks that `paths` can be written, without writing them: each one's directory
    /// exists, is a directory and can be written to, no path is a directory or one of
    /// `inputs`, and no file is named twice.
    ///
    /// - Throws: ``LRPlotError``: `.arguments` for a directory, an input file or a file
    ///   named twice as an output, `.runtime` for a directory that does not exist or cannot
    ///   be written.
    public static func checkWritable(_ paths: [String], refusing inputs: [InputFile] = []) throws(LRPlotError) {
        _ = try destinations(paths, refusing: inputs)
    }

    /// The destinations of `paths`, refusing directories, inputs and a file named twice.
    static func destinations(_ paths: [String], refusing inputs: [InputFile]) throws(LRPlotError) -> [Destination] {
        var destinations: [Destination] = []
        for path in paths {
            let destination = try Destination(path, refusing: inputs)
            if let same = destinations.first(where: { $0.key == destination.key }) {
                throw LRPlotError(.arguments, file: path, same.path == path
                                  ? "is named twice as an output"
                                  : "is the same file as the output \(same.path)")
            }
            destinations.append(destination)
        }
        return destinations
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String, refusing inputs: [InputFile] = []) throws(LRPlotError) {
        try writeAll([(path, bytes)], refusing: inputs)
    }

    /// Writes every file or none: all temporary files are written and closed first; only
    /// when all of them are complete are they renamed into place, in order.
    ///
    /// - Throws: ``LRPlotError`` naming the file that could not be written (`.runtime`), or
    ///   an output named twice or naming an input (`.arguments`). Files already renamed
    ///   when a rename fails (which the checks before make very unlikely) are named in
    ///   the message.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])], refusing inputs: [InputFile] = []) throws(LRPlotError) {
        let resolved = try destinations(files.map(\.path), refusing: inputs)
        var pending: [PendingFile] = []
        for (destination, file) in zip(resolved, files) {
            let p = try PendingFile(destination)
            pending.append(p)
            try withBytes(of: file.bytes, p.write)
            try p.finishWriting()
        }
        for (k, p) in pending.enumerated() {
            do {
                try p.commit()
            } catch {
                guard k > 0 else { throw error }
                let written = pending[..<k].map(\.path).joined(separator: ", ")
                throw LRPlotError(error.kind, file: p.path, error.message + " (already written: \(written))")
            }
        }
    }

    /// Starts writing `path` atomically, for output streamed in pieces (`lrplot values -o`):
    /// write the bytes to the returned file, then ``PendingFile/commit()``. A pending file
    /// that is not committed removes its temporary file when it goes away.
    public static func begin(_ path: String, refusing inputs: [InputFile] = []) throws(LRPlotError) -> PendingFile {
        try PendingFile(try Destination(path, refusing: inputs))
    }
}

/// Where an output path really goes: the file a chain of symbolic links ends at, its
/// directory, and the mode and owner to keep.
struct Destination {
    /// The path as the user gave it, for messages.
    var path: String
    /// The file to replace: `path` with symbolic links followed.
    var target: String
    /// The target's directory (`.` for a bare name).
    var directory: String
    /// The target's file name.
    var name: String
    /// The mode, owner and group of the file replaced, or `nil` for a new file.
    var existing: (mode: mode_t, owner: uid_t, group: gid_t)?
    /// The directory's identity and the file's name: equal keys are the same file.
    var key: Key

    struct Key: Equatable {
        var directory: FileIdentity
        var name: String
    }

    /// The most symbolic links followed (as the kernel's `MAXSYMLINKS`).
    static let maximumLinks = 40

    init(_ path: String, refusing inputs: [InputFile]) throws(LRPlotError) {
        self.path = path
        var target = path
        var info = stat()
        var hops = 0
        // Follow symbolic links to the file they name (which may not exist yet).
        while lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            hops += 1
            guard hops <= Self.maximumLinks, let link = Self.readLink(target) else {
                throw LRPlotError(.runtime, file: path, "cannot write: too many levels of symbolic links")
            }
            target = link.hasPrefix("/") ? link : Self.directory(of: target) + "/" + link
        }
        let exists = lstat(target, &info) == 0
        if exists && info.st_mode & S_IFMT == S_IFDIR {
            throw LRPlotError(.arguments, file: path, "is a directory; give a file name such as \(path.hasSuffix("/") ? path : path + "/")chart.png")
        }
        if exists, let input = inputs.first(where: { $0.identity == FileIdentity(info) }) {
            throw LRPlotError(.arguments, file: path, input.path == path
                              ? "is the spec file itself; choose another output name"
                              : "is the same file as the input \(input.path); choose another output name")
        }
        self.target = target
        self.directory = Self.directory(of: target)
        self.name = (target as NSString).lastPathComponent
        self.existing = exists ? (info.st_mode & 0o7777, info.st_uid, info.st_gid) : nil
        var directoryInfo = stat()
        guard stat(directory, &directoryInfo) == 0 else {
            let code = errno
            throw LRPlotError(.runtime, file: path, code == ENOENT || code == ENOTDIR
                              ? "cannot write: the directory \(directory) does not exist"
                              : "cannot write in \(directory): \(SystemError.text(code))")
        }
        guard directoryInfo.st_mode & S_IFMT == S_IFDIR else {
            throw LRPlotError(.runtime, file: path, "cannot write: \(directory) is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw LRPlotError(.runtime, file: path, "cannot write: the directory \(directory) is not writable")
        }
        let nameMax = Self.nameMax(directory)
        guard name.utf8.count <= nameMax else {
            throw LRPlotError(.arguments, file: path, "the file name is \(name.utf8.count) bytes long; the file system takes at most \(nameMax)")
        }
        self.key = Key(directory: FileIdentity(directoryInfo), name: name)
    }

    /// The longest file name `directory`'s file system takes (`NAME_MAX`, usually 255 bytes).
    static func nameMax(_ directory: String) -> Int {
        let limit = pathconf(directory, Int32(_PC_NAME_MAX))
        return limit > 0 ? limit : 255
    }

    /// The directory part of `path`: `.` for a bare name, `/` for a file at the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    /// The text of the symbolic link at `path`.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A `mkstemp` template in the target's directory, `.<name>.XXXXXX`, whose last
    /// component fits the directory's longest file name.
    func temporaryTemplate() -> [CChar] {
        let nameMax = Self.nameMax(directory)
        var nameBytes = Array(name.utf8)
        let room = max(nameMax - ".".utf8.count - ".XXXXXX".utf8.count, 1)
        if nameBytes.count > room {
            nameBytes.removeLast(nameBytes.count - room)
            // Do not end inside a UTF-8 sequence: drop a last character cut short.
            if let lead = nameBytes.lastIndex(where: { $0 & 0xC0 != 0x80 }) {
                let byte = nameBytes[lead]
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if lead + length > nameBytes.count { nameBytes.removeLast(nameBytes.count - lead) }
            }
        }
        let bytes = Array((directory == "/" ? "/" : directory + "/").utf8) + Array(".".utf8) + nameBytes + Array(".XXXXXX".utf8)
        return bytes.map { CChar(bitPattern: $0) } + [0]
    }
}

/// A file being written atomically (see ``AtomicFile``): bytes go to a temporary file that
/// ``commit()`` renames over the target. Until then the target is untouched, and a pending
/// file that goes away uncommitted removes its temporary file.
public final class PendingFile {
    /// The output path as given.
    public let path: String
    private let destination: Destination
    private let temporary: String
    private var fd: Int32
    /// Set once committed or discarded.
    private var done = false

    init(_ destination: Destination) throws(LRPlotError) {
        self.destination = destination
        self.path = destination.path
        var template = destination.temporaryTemplate()
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw LRPlotError(.runtime, file: destination.path, "cannot create a temporary file in \(destination.directory): \(SystemError.text(errno))")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        self.fd = fd
        self.temporary = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { discard() }

    /// Appends `bytes`, retrying partial writes and interruptions.
    ///
    /// - Throws: ``LRPlotError`` (`.runtime`) with the system's reason (a full disk, say).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(LRPlotError) {
        if let code = FileDescriptor.writeAll(fd, bytes) {
            throw LRPlotError(.runtime, file: path, "cannot write: \(SystemError.text(code))")
        }
    }

    /// Gives the temporary file the mode (and, where allowed, the owner) of the file it
    /// replaces, and closes it.
    public func finishWriting() throws(LRPlotError) {
        guard fd >= 0 else { return }
        if let existing = destination.existing {
            _ = fchown(fd, existing.owner, existing.group)
            fchmod(fd, existing.mode)
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        let result = close(fd)
        let code = errno
        fd = -1
        guard result == 0 else { throw LRPlotError(.runtime, file: path, "cannot write: \(SystemError.text(code))") }
    }

    /// Renames the temporary file over the target.
    public func commit() throws(LRPlotError) {
        try finishWriting()
        guard rename(temporary, destination.target) == 0 else {
            throw LRPlotError(.runtime, file: path, "cannot write: \(SystemError.text(errno))")
        }
        done = true
    }

    /// Removes the temporary file (nothing happens once committed).
    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        if !done {
            unlink(temporary)
            done = true
        }
    }
}
