import ScheduleCore

/// The last value written in a CSV column and where its text is in the buffer, reused when
/// the next value is the same `Double` (same bits, so the sign of zero is compared too).
///
/// The text is copied from where it was written (words from memory written long before,
/// rather than bytes just stored), so a miss costs nothing but the formatting.
struct FieldCache {
    private var bits = Double.nan.bitPattern
    /// The offset of the last text in the buffer, and its length (0 until a value is cached).
    private var offset = 0
    private var length = 0

    /// The room ``write(_:to:)`` needs after the buffer's end: it may write (then
    /// overwrite) up to this many bytes.
    static let maximumLength = ShortestDecimal.maximumLength

    /// Appends the text of `v` (its `description`; `JSONWriter.format` for NaN and
    /// infinities) to `out`, which must have room for ``maximumLength`` bytes and must be the
    /// buffer of every earlier call.
    @inline(__always)
    mutating func write(_ v: Double, to out: inout TextBuffer) {
        if length > 0, v.bitPattern == bits {
            // Load all 32 bytes before storing: the source may overlap the target.
            let source = UnsafeRawPointer(out.base + offset)
            let words = (source.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                         source.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                         source.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                         source.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            let target = UnsafeMutableRawPointer(out.end)
            target.storeBytes(of: words.0, toByteOffset: 0, as: UInt64.self)
            target.storeBytes(of: words.1, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: words.2, toByteOffset: 16, as: UInt64.self)
            target.storeBytes(of: words.3, toByteOffset: 24, as: UInt64.self)
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
        bits = v.bitPattern
        offset = out.count
        length = n
        out.advance(n)
    }
}
