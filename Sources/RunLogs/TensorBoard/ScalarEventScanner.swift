/// Reads the scalars of one serialized `Event` without building the message: the fast path of
/// ``TensorBoardLog``, with the generated swift-protobuf types as its reference.
///
/// Measured reason (release build, a 10⁶-record file written by TensorBoard's EventFileWriter):
/// decoding every record into `Tensorboard_Event` took 2 µs a record, three quarters of a
/// reading pass, because each record allocates an `Event`, its `Summary`, the `Value` array
/// and the tag string. This scanner walks the protobuf wire format of the few fields a scalar
/// needs (`Event.step` = 2, `Event.summary` = 5, `Summary.value` = 1, `Value.tag` = 1,
/// `Value.simple_value` = 2, `Value.tensor` = 8) and skips every other field by its wire type,
/// so a record costs no allocation. A value whose scalar is a `tensor` (TF2 / Keras) is
/// decoded with swift-protobuf (``TensorBoardScalar``). Proto3 rules are kept: the last
/// occurrence of a singular field wins, and the last member seen of the `value` oneof is the
/// one set. The tests check that both decoders agree on every fixture.
struct ScalarEventScanner {
    /// Why a record's bytes are not a well-formed `Event`.
    struct Malformed: Error { var reason: String }

    /// What the scanner found in one record.
    enum What {
        /// A summary: the step, and each value's tag (bytes in the record) and oneof member.
        case summary(step: Int64)
        /// The first record's `file_version`.
        case fileVersion(String)
        /// Anything else (a graph, a session log).
        case other
    }

    /// The oneof member of a `Summary.Value` that the scanner saw last.
    enum ValueKind {
        case none
        /// `simple_value` (a binary32).
        case simple(Float)
        /// `tensor`: the value's own bytes, for swift-protobuf.
        case tensor
        /// An image, histogram, audio or old-style histogram: not a scalar.
        case other
    }

    /// Scans `event`; calls `value` for each `Summary.Value` with its tag bytes, the kind of
    /// value, and the value's whole bytes (for the tensor fallback).
    static func scan(
        _ event: UnsafeRawBufferPointer,
        value: (_ tag: UnsafeRawBufferPointer, _ kind: ValueKind, _ valueBytes: UnsafeRawBufferPointer, _ step: Int64) throws -> Void
    ) throws -> What {
        var reader = WireReader(event)
        var step: Int64 = 0
        var summaryRange: Range<Int>?
        var fileVersion: String?
        while !reader.atEnd {
            let (field, wire) = try reader.key()
            switch (field, wire) {
            case (2, 0): step = Int64(bitPattern: try reader.varint())
            case (3, 2): fileVersion = String(decoding: try reader.lengthDelimited(), as: UTF8.self)
            case (5, 2):
                // The step may follow the summary in the bytes: scan the summary after the loop
                // (the last one, should a writer repeat the field).
                let bytes = try reader.lengthDelimited()
                let start = reader.position - bytes.count
                summaryRange = start..<reader.position
            default: try reader.skip(wire)
            }
        }
        guard let range = summaryRange else {
            return fileVersion.map { .fileVersion($0) } ?? .other
        }
        var summary = WireReader(UnsafeRawBufferPointer(rebasing: event[range]))
        while !summary.atEnd {
            let (field, wire) = try summary.key()
            guard field == 1, wire == 2 else { try summary.skip(wire); continue }
            let valueBytes = try summary.lengthDelimited()
            var v = WireReader(valueBytes)
            var tag = UnsafeRawBufferPointer(start: nil, count: 0)
            var kind = ValueKind.none
            while !v.atEnd {
                let (f, w) = try v.key()
                switch (f, w) {
                case (1, 2): tag = try v.lengthDelimited()
                case (2, 5): kind = .simple(Float(bitPattern: try v.fixed32()))
                case (8, 2): _ = try v.lengthDelimited(); kind = .tensor
                case (3, 2), (4, 2), (5, 2), (6, 2): _ = try v.lengthDelimited(); kind = .other
                default: try v.skip(w)
                }
            }
            try value(tag, kind, valueBytes, step)
        }
        return .summary(step: step)
    }
}

/// The protobuf wire format over a byte buffer: varints, fixed-width fields, length-delimited
/// fields, and skipping by wire type.
struct WireReader {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    /// The offset of the next byte.
    var position: Int { index }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift >= 64 { throw ScalarEventScanner.Malformed(reason: "a varint longer than 10 bytes") }
        }
        throw ScalarEventScanner.Malformed(reason: "a varint cut at the end of the record")
    }

    mutating func key() throws -> (field: UInt64, wire: UInt64) {
        let k = try varint()
        guard k >> 3 != 0 else { throw ScalarEventScanner.Malformed(reason: "field number 0") }
        return (k >> 3, k & 7)
    }

    mutating func fixed32() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw ScalarEventScanner.Malformed(reason: "a fixed32 cut at the end of the record") }
        defer { index += 4 }
        return bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
    }

    mutating func lengthDelimited() throws -> UnsafeRawBufferPointer {
        let n = try varint()
        guard n <= UInt64(bytes.count - index) else {
            throw ScalarEventScanner.Malformed(reason: "a field of \(n) bytes with \(bytes.count - index) left")
        }
        defer { index += Int(n) }
        return UnsafeRawBufferPointer(rebasing: bytes[index..<(index + Int(n))])
    }

    mutating func skip(_ wire: UInt64) throws {
        switch wire {
        case 0: _ = try varint()
        case 1:
            guard bytes.count - index >= 8 else { throw ScalarEventScanner.Malformed(reason: "a fixed64 cut at the end of the record") }
            index += 8
        case 2: _ = try lengthDelimited()
        case 5: _ = try fixed32()
        default: throw ScalarEventScanner.Malformed(reason: "wire type \(wire)")
        }
    }
}
