import CLRPlotCairo

/// Feeds bytes to a Cairo read callback (PNG decoding); passed to C through `Unmanaged`.
final class ByteSource {
    /// The whole input.
    let bytes: [UInt8]
    /// Read position.
    var offset = 0

    /// Creates a source over `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A C read callback filling `length` bytes from the `ByteSource` passed as closure data.
    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress {
                data.update(from: base + source.offset, count: n)
            }
        }
        source.offset += n
        return CAIRO_STATUS_SUCCESS
    }
}

/// Collects the bytes Cairo's own PNG writer produces (to compare ``Plot/PNGEncoder`` with it).
final class CairoPNGSink {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<CairoPNGSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
