/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord framing uses it, with
/// TensorFlow's masking.
///
/// Mirrors `tensorflow/tsl/lib/hash/crc32c.h`: `Mask(crc) = ((crc >> 15) | (crc << 17)) +
/// 0xa282ead8`. Computed slicing-by-8 (eight 256-entry tables in one array, 8 bytes a round),
/// so checking every record of a 10⁶-point file costs a few tens of milliseconds.
struct CRC32C: Sendable {
    /// `table[k * 256 + b]`: the CRC of byte `b` followed by `k` zero bytes.
    private let table: [UInt32]

    /// The one table (a constant, built on first use).
    static let shared = CRC32C()

    private init() {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 {
            var crc = UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            table[b] = crc
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = table[(k - 1) * 256 + b]
                table[k * 256 + b] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        self.table = table
    }

    /// The CRC-32C of `bytes`.
    func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        table.withUnsafeBufferPointer { t in
            var crc: UInt32 = 0xFFFF_FFFF
            var i = 0
            let n = bytes.count
            while n - i >= 8 {
                let lo = bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian ^ crc
                let hi = bytes.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self).littleEndian
                crc = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
                    ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i += 8
            }
            while i < n {
                crc = (crc >> 8) ^ t[Int((crc ^ UInt32(bytes[i])) & 0xFF)]
                i += 1
            }
            return ~crc
        }
    }

    /// TensorFlow's masked CRC of `bytes`, as stored in a TFRecord.
    func masked(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        Self.mask(checksum(bytes))
    }

    /// `((crc >> 15) | (crc << 17)) + 0xa282ead8`, wrapping.
    static func mask(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
