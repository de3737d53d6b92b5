/// A growable byte buffer that `Double.write(to:)` formats into without creating a `String`.
///
/// `Double`'s `TextOutputStreamable` conformance hands its ASCII digits (exactly the text of
/// `description`: the shortest that reads back as the same `Double`) to `_writeASCII`.
public struct ByteStream: TextOutputStream {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    public init() {}

    /// Appends the UTF-8 of `string`.
    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends ASCII text (the standard library's fast path for numbers).
    public mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends the decimal digits of `n` (as `String(n)`).
    public mutating func appendDecimal(_ n: Int) {
        if n < 0 {
            write(String(n))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: raw[(20 - count)...])
        }
    }
}
