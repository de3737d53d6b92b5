import Foundation

/// Reads the records of a TFRecord file one at a time, checking both CRCs of each, with
/// memory bounded by the largest record (not by the file).
///
/// A record is `uint64 length`, `uint32 masked_crc32c(length)`, `length` bytes of data,
/// `uint32 masked_crc32c(data)`, all little-endian (TensorFlow's
/// `tensorflow/tsl/lib/io/record_reader.cc`). The file is read in 1 MiB chunks; a record
/// longer than a chunk grows the buffer to hold it.
struct TFRecordReader {
    let path: String
    private let handle: FileHandle
    /// Unread bytes start at `start`; `buffer[start..<end]` holds them.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// The file offset of `buffer[start]`.
    private(set) var offset = 0
    private var atEOF = false
    private let crc = CRC32C.shared

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

    /// Makes at least `count` bytes available from `start`, reading more of the file; returns
    /// how many are available (fewer than `count` only at the end of the file).
    private mutating func fill(_ count: Int) throws(LogError) -> Int {
        while end - start < count && !atEOF {
            if start > 0 {
                // Move the unread tail to the front.
                let n = end - start
                if n > 0 { buffer.withUnsafeMutableBufferPointer { b in
                    b.baseAddress!.update(from: b.baseAddress! + start, count: n)
                } }
                start = 0
                end = n
            }
            if buffer.count < count { buffer.append(contentsOf: repeatElement(0, count: count - buffer.count)) }
            let want = max(buffer.count - end, 0)
            let data: Data?
            do { data = try handle.read(upToCount: want) } catch {
                throw .cannotRead(file: path, reason: "\(error.localizedDescription)")
            }
            guard let data, !data.isEmpty else { atEOF = true; break }
            data.withUnsafeBytes { raw in
                buffer.withUnsafeMutableBytes { b in
                    (b.baseAddress! + end).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
                }
            }
            end += data.count
        }
        return end - start
    }

    /// Calls `body` with the data of the next record and its file offset, or returns `false`
    /// at the end of the file. The bytes are valid only inside `body`.
    ///
    /// - Throws: ``LogError/truncatedRecord(file:offset:part:needed:available:)`` when the file
    ///   ends inside a record, ``LogError/crcMismatch(file:offset:part:stored:computed:)`` when a
    ///   CRC does not match, and whatever `body` throws.
    mutating func next(_ body: (_ offset: Int, _ data: UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        let recordOffset = offset
        let headerAvailable = try fill(12)
        if headerAvailable == 0 { return false }
        if headerAvailable < 8 {
            throw LogError.truncatedRecord(file: path, offset: recordOffset, part: .length, needed: 8, available: headerAvailable)
        }
        if headerAvailable < 12 {
            throw LogError.truncatedRecord(file: path, offset: recordOffset, part: .lengthCRC, needed: 4, available: headerAvailable - 8)
        }
        let (length, storedLengthCRC, computedLengthCRC) = buffer.withUnsafeBytes { b -> (UInt64, UInt32, UInt32) in
            let header = UnsafeRawBufferPointer(rebasing: b[start..<(start + 12)])
            let length = header.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian
            let stored = header.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
            return (length, stored, crc.masked(UnsafeRawBufferPointer(rebasing: header[0..<8])))
        }
        guard storedLengthCRC == computedLengthCRC else {
            throw LogError.crcMismatch(file: path, offset: recordOffset, part: .lengthCRC, stored: storedLengthCRC, computed: computedLengthCRC)
        }
        guard length <= UInt64(Self.maxRecordLength) else {
            throw LogError.malformedRecord(file: path, offset: recordOffset, reason: "a record length of \(length) bytes")
        }
        let n = Int(length)
        let available = try fill(12 + n + 4)
        if available < 12 + n {
            throw LogError.truncatedRecord(file: path, offset: recordOffset, part: .data, needed: n, available: available - 12)
        }
        if available < 12 + n + 4 {
            throw LogError.truncatedRecord(file: path, offset: recordOffset, part: .dataCRC, needed: 4, available: available - 12 - n)
        }
        let dataStart = start + 12
        try buffer.withUnsafeBytes { b throws in
            let data = UnsafeRawBufferPointer(rebasing: b[dataStart..<(dataStart + n)])
            let stored = b.loadUnaligned(fromByteOffset: dataStart + n, as: UInt32.self).littleEndian
            let computed = crc.masked(data)
            guard stored == computed else {
                throw LogError.crcMismatch(file: path, offset: recordOffset, part: .dataCRC, stored: stored, computed: computed)
            }
            try body(recordOffset, data)
        }
        start += 12 + n + 4
        offset += 12 + n + 4
        return true
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
