import ScheduleCore

/// The last value written in a CSV column and its text, reused when the next value is the
/// same `Double` (same bits up to the sign of zero, which is compared too).
struct FieldCache {
    private var value = Double.nan
    /// Up to 32 bytes of text (the longest `Double` text is 24 bytes).
    private var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var length = 0

    /// Appends the text of `v` (its `description`; `JSONWriter.format` for NaN and
    /// infinities) to `out`.
    @inline(__always)
    mutating func write(_ v: Double, to out: inout ByteStream) {
        if v == value, v.sign == value.sign {
            let n = length
            withUnsafeBytes(of: &text) { out.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            return
        }
        let start = out.bytes.count
        if v.isFinite { v.write(to: &out) } else { out.write(JSONWriter.format(v)) }
        let n = out.bytes.count - start
        guard n <= 32 else {
            value = .nan
            return
        }
        value = v
        length = n
        out.bytes.withUnsafeBufferPointer { source in
            withUnsafeMutableBytes(of: &text) { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: source[start..<(start + n)])))
            }
        }
    }
}
