/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord framing uses it, with
/// TensorFlow's masking.
///
/// Mirrors `tensorflow/tsl/lib/hash/crc32c.h`: `Mask(crc) = ((crc >> 15) | (crc << 17)) +
/// 0xa282ead8`. Computed slicing-by-8 (eight 256-entry tables, 8 bytes a round), about a byte
/// a cycle, so checking every record of a 10⁶-point file costs a few tens of milliseconds.
struct CRC32C: Sendable {
    /// `tables[k][b]`: the CRC of byte `b` followed by `k` zero bytes.
    private let tables: [[UInt32]]

    /// The one set of tables (a constant, built on first use).
    static let shared = CRC32C()

    private init() {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for b in 0..<256 {
            var crc = UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[0][b] = crc
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = tables[k - 1][b]
                tables[k][b] = (previous >> 8) ^ tables[0][Int(previous & 0xFF)]
            }
        }
        self.tables = tables
    }

    /// The CRC-32C of `bytes`.
    func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        var i = 0
        let n = bytes.count
        tables.withUnsafeBufferPointer { t in
            let t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7]
            t0.withUnsafeBufferPointer { t0 in
            t1.withUnsafeBufferPointer { t1 in
            t2.withUnsafeBufferPointer { t2 in
            t3.withUnsafeBufferPointer { t3 in
            t4.withUnsafeBufferPointer { t4 in
            t5.withUnsafeBufferPointer { t5 in
            t6.withUnsafeBufferPointer { t6 in
            t7.withUnsafeBufferPointer { t7 in
                while n - i >= 8 {
                    let lo = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
                    let x = crc ^ lo
                    crc = t7[Int(x & 0xFF)] ^ t6[Int((x >> 8) & 0xFF)] ^ t5[Int((x >> 16) & 0xFF)] ^ t4[Int(x >> 24)]
                        ^ t3[Int(bytes[i + 4])] ^ t2[Int(bytes[i + 5])] ^ t1[Int(bytes[i + 6])] ^ t0[Int(bytes[i + 7])]
                    i += 8
                }
                while i < n {
                    crc = (crc >> 8) ^ t0[Int((crc ^ UInt32(bytes[i])) & 0xFF)]
                    i += 1
                }
            }}}}}}}}
        }
        return ~crc
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
