import CLRPlotCairo

/// Collects the bytes a Cairo stream surface writes; passed to C through `Unmanaged`.
final class ByteSink {
    /// Bytes written so far.
    var bytes: [UInt8] = []

    /// A C write callback appending to the `ByteSink` passed as closure data.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
