import Foundation

/// Reads the records of a TFRecord file, checking both CRCs of each, with memory bounded by
/// the largest record (not by the file).
///
/// A record is `uint64 length`, `uint32 masked_crc32c(length)`, `length` bytes of data,
/// `uint32 masked_crc32c(data)`, all little-endian (TensorFlow's
/// `tensorflow/tsl/lib/io/record_reader.cc`). The file is read in 1 MiB chunks, and every
/// complete record in a chunk is handed over without copying; a record longer than a chunk
/// grows the buffer to hold it.
struct TFRecordReader {
    let path: String
    private let handle: FileHandle
    /// Unread bytes are `buffer[start..<end]`.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// The file offset of `buffer[start]`.
    private var offset = 0
    private var atEOF = false

    static let chunkSize = 1 << 20
    /// The largest record accepted (TensorBoard's scalar events are tens of bytes; a graph or
    /// an image summary can be megabytes). A larger length means a corrupt file.
    static let maxRecordLength = 1 << 31

    init(path: String) throws(LogError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(file: path, reason: "no such file or not readable")
        }
        self.handle = handle
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// Makes at least `count` unread bytes available, reading more of the file; returns how
    /// many are available (fewer than `count` only at the end of the file).
    private mutating func fill(_ count: Int) throws(LogError) -> Int {
        while end - start < count && !atEOF {
            let unread = end - start
            if start > 0 {
                // Move the unread tail to the front.
                if unread > 0 {
                    buffer.withUnsafeMutableBytes { b in
                        b.baseAddress!.copyMemory(from: b.baseAddress! + start, byteCount: unread)
                    }
                }
                start = 0
                end = unread
            }
            if buffer.count < count { buffer.append(contentsOf: repeatElement(0, count: count - buffer.count)) }
            let data: Data?
            do { data = try handle.read(upToCount: buffer.count - end) } catch {
                throw .cannotRead(file: path, reason: error.localizedDescription)
            }
            guard let data, !data.isEmpty else { atEOF = true; break }
            let at = end
            data.withUnsafeBytes { raw in
                buffer.withUnsafeMutableBytes { b in
                    (b.baseAddress! + at).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
                }
            }
            end += data.count
        }
        return end - start
    }

    /// Calls `body` with every record's file offset and data, in file order. The bytes are
    /// valid only inside `body`.
    ///
    /// - Throws: ``LogError/truncatedRecord(file:offset:part:needed:available:)`` when the file
    ///   ends inside a record, ``LogError/crcMismatch(file:offset:part:stored:computed:)`` when a
    ///   CRC does not match, ``LogError/malformedRecord(file:offset:reason:)`` for an impossible
    ///   length, and whatever `body` throws.
    mutating func forEachRecord(_ body: (_ offset: Int, _ data: UnsafeRawBufferPointer) throws -> Void) throws {
        let crc = CRC32C.shared
        let path = self.path
        while true {
            if try fill(12) == 0 { return }
            // Every complete record now in the buffer, in one pass over it.
            let (first, last, fileOffset) = (start, end, offset)
            var needed = 12
            let consumed: Int = try buffer.withUnsafeBytes { raw in
                var i = first
                while true {
                    let available = last - i
                    guard available >= 12 else { needed = 12; break }
                    let length = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                    let storedLengthCRC = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt32.self).littleEndian
                    let computedLengthCRC = crc.masked(UnsafeRawBufferPointer(rebasing: raw[i..<(i + 8)]))
                    let recordOffset = fileOffset + (i - first)
                    guard storedLengthCRC == computedLengthCRC else {
                        throw LogError.crcMismatch(file: path, offset: recordOffset, part: .lengthCRC,
                                                   stored: storedLengthCRC, computed: computedLengthCRC)
                    }
                    guard length <= UInt64(Self.maxRecordLength) else {
                        throw LogError.malformedRecord(file: path, offset: recordOffset, reason: "a record length of \(length) bytes")
                    }
                    let n = Int(length)
                    guard available >= 12 + n + 4 else { needed = 12 + n + 4; break }
                    let data = UnsafeRawBufferPointer(rebasing: raw[(i + 12)..<(i + 12 + n)])
                    let stored = raw.loadUnaligned(fromByteOffset: i + 12 + n, as: UInt32.self).littleEndian
                    let computed = crc.masked(data)
                    guard stored == computed else {
                        throw LogError.crcMismatch(file: path, offset: recordOffset, part: .dataCRC, stored: stored, computed: computed)
                    }
                    try body(recordOffset, data)
                    i += 12 + n + 4
                }
                return i - first
            }
            start += consumed
            offset += consumed
            let available = try fill(needed)
            if available < needed {
                if available == 0 { return }
                throw truncation(available: available)
            }
        }
    }

    /// The error for a record cut by the end of the file, `available` bytes from its start.
    private func truncation(available: Int) -> LogError {
        if available < 8 {
            return .truncatedRecord(file: path, offset: offset, part: .length, needed: 8, available: available)
        }
        if available < 12 {
            return .truncatedRecord(file: path, offset: offset, part: .lengthCRC, needed: 4, available: available - 8)
        }
        let n = buffer.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian) }
        if available < 12 + n {
            return .truncatedRecord(file: path, offset: offset, part: .data, needed: n, available: available - 12)
        }
        return .truncatedRecord(file: path, offset: offset, part: .dataCRC, needed: 4, available: available - 12 - n)
    }

    /// Whether the file starts like a TFRecord: 12 bytes whose length CRC checks.
    static func looksLikeTFRecord(_ head: [UInt8]) -> Bool {
        guard head.count >= 12 else { return false }
        return head.withUnsafeBytes { b in
            let stored = b.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
            return CRC32C.shared.masked(UnsafeRawBufferPointer(rebasing: b[0..<8])) == stored
        }
    }
}
