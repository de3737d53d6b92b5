import Foundation

/// The bytes of a spec and the names they go by: read from a file, from standard input
/// (`-`), or from a pipe, FIFO or process substitution (`<(…)`), before any decoding.
///
/// Reading is kept apart from decoding so that every reader of specs (JSON today; YAML or a
/// training config tomorrow) gets the same honest errors: a missing file, a directory, a
/// permission problem named by the system, an empty input. Files are read with `open` and
/// `read` until the end, so anything that can be read once — `/dev/stdin`, `/dev/fd/63`, a
/// named pipe — works like a regular file.
public struct SpecSource: Sendable {
    /// What messages call the input: the path as given, or `<stdin>`.
    public var name: String
    /// The name default outputs take (`output/<stem>.png`): the file name without its
    /// extension, or `stdin`.
    public var stem: String
    /// The file read, when it is one on disk (not standard input or a pipe): outputs that
    /// would overwrite it are refused.
    public var file: InputFile?
    /// The bytes read, a leading UTF-8 byte-order mark removed.
    public var bytes: [UInt8]

    /// The argument that names standard input.
    public static let standardInputArgument = "-"
    /// What messages call standard input.
    public static let standardInputName = "<stdin>"
    /// The largest input read: past it the input is refused rather than held in memory
    /// (`lrplot /dev/zero` must not run the machine out of memory).
    public static let maximumBytes = 1 << 30

    public init(name: String, stem: String, file: InputFile?, bytes: [UInt8]) {
        self.name = name
        self.stem = stem
        self.file = file
        self.bytes = bytes
        if self.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self.bytes.removeFirst(3) }
    }

    /// Reads `argument`: a path, or `-` for standard input.
    ///
    /// - Throws: ``LRPlotError`` of kind `.input`: no such file, a directory, not readable
    ///   (with the system's reason), too large, or empty.
    public static func read(_ argument: String) throws(LRPlotError) -> SpecSource {
        if argument == standardInputArgument {
            let bytes = try readAll(descriptor: STDIN_FILENO, name: standardInputName)
            return try nonEmpty(SpecSource(name: standardInputName, stem: "stdin", file: nil, bytes: bytes))
        }
        let fd = open(argument, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw LRPlotError(.input, file: argument, code == ENOENT ? "no such file" : "cannot read: \(SystemError.text(code))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LRPlotError(.input, file: argument, "cannot read: \(SystemError.text(errno))")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw LRPlotError(.input, file: argument, "is a directory; expected a JSON spec file")
        }
        let regular = info.st_mode & S_IFMT == S_IFREG
        let bytes = try readAll(descriptor: fd, name: argument)
        let file = regular ? InputFile(path: argument, identity: FileIdentity(info)) : nil
        return try nonEmpty(SpecSource(name: argument, stem: SpecFile.stem(of: argument), file: file, bytes: bytes))
    }

    /// The bytes as text.
    ///
    /// - Throws: ``LRPlotError`` of kind `.input` when they are not UTF-8.
    public func text() throws(LRPlotError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LRPlotError(.input, file: name, "is not UTF-8 text; expected a JSON spec")
        }
        return text
    }

    /// Refuses an input with nothing but white space in it.
    static func nonEmpty(_ source: SpecSource) throws(LRPlotError) -> SpecSource {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard source.bytes.contains(where: { !blank.contains($0) }) else {
            throw LRPlotError(.input, file: source.name, "is empty; expected a JSON spec like {\"steps\": 100, \"schedules\": [{\"type\": \"cosine\", \"lr\": 0.1, \"total_steps\": 100}]}")
        }
        return source
    }

    /// Every byte `fd` gives until its end (or ``maximumBytes``), retrying interruptions.
    static func readAll(descriptor fd: Int32, name: String) throws(LRPlotError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR { throw LRPlotError(.input, file: name, "is a directory; expected a JSON spec file") }
                throw LRPlotError(.input, file: name, "cannot read: \(SystemError.text(code))")
            }
            bytes += chunk[..<n]
            if bytes.count > maximumBytes {
                throw LRPlotError(.input, file: name, "is larger than \(maximumBytes >> 20) MiB; a spec is a small JSON file")
            }
        }
    }
}

/// A file a spec was read from (the spec itself, or a file it names): watched by
/// `--watch`, and never overwritten by an output.
public struct InputFile: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// The file's device and inode when it was read.
    public var identity: FileIdentity

    public init(path: String, identity: FileIdentity) {
        self.path = path
        self.identity = identity
    }
}
