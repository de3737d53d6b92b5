import ScheduleCore

/// The last value written in a CSV column and its text, reused when the next value is the
/// same `Double` (same bits, so the sign of zero is compared too).
struct FieldCache {
    private var bits = Double.nan.bitPattern
    /// The text's 32 bytes (the longest `Double` text is 24), copied as four words.
    private var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// 0 until a value is cached.
    private var length = 0

    /// The room ``write(_:to:)`` needs after the buffer's end: it may write (then
    /// overwrite) up to this many bytes.
    static let maximumLength = ShortestDecimal.maximumLength

    /// Appends the text of `v` (its `description`; `JSONWriter.format` for NaN and
    /// infinities) to `out`, which must have room for ``maximumLength`` bytes.
    @inline(__always)
    mutating func write(_ v: Double, to out: inout TextBuffer) {
        let target = UnsafeMutableRawPointer(out.end)
        if length > 0, v.bitPattern == bits {
            target.storeBytes(of: text.0, toByteOffset: 0, as: UInt64.self)
            target.storeBytes(of: text.1, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: text.2, toByteOffset: 16, as: UInt64.self)
            target.storeBytes(of: text.3, toByteOffset: 24, as: UInt64.self)
            out.advance(length)
            return
        }
        var n = ShortestDecimal.write(v, to: out.end)
        if n == 0 {
            // NaN or an infinity (never a learning rate here; a momentum might be).
            let s = JSONWriter.format(v)
            n = s.utf8.count
            for (i, byte) in s.utf8.enumerated() { out.end[i] = byte }
        }
        out.advance(n)
        bits = v.bitPattern
        length = n
        text = (target.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                target.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                target.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                target.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }
}
