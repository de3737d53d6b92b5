import CLRPlotCairo

/// Encodes a Cairo ARGB32 image surface as PNG, decoding to exactly the pixels Cairo's own
/// `cairo_surface_write_to_png_stream` gives, several times faster.
///
/// Like Cairo, an image whose every pixel is opaque is written as 8-bit RGB, otherwise as
/// 8-bit RGBA un-premultiplied with Cairo's rounding: `c' = (c·255 + a/2) / a` (integer
/// division), and `0, 0, 0, 0` where `a = 0`. Unlike Cairo (libpng's adaptive per-row
/// filters, the slow part), every row uses filter type 0 (None) and the whole image is one
/// zlib stream at level 3, fed row by row (memory: the surface and the compressed file): for charts (large flat areas) files about as small as Cairo's
/// (65 KB for the 960×540 seeds chart against Cairo's 67 KB) in a fifth of the time. One
/// IHDR, one IDAT, one IEND; no ancillary chunks (Cairo writes none that change pixels).
public enum PNGEncoder {
    /// The PNG bytes of `surface` (an ARGB32 image surface, already flushed).
    public static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else {
            throw PlotError("the PNG encoder needs an ARGB32 image surface")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width > 0, height > 0 else { throw PlotError("cannot encode an empty image") }
        let raw = UnsafeRawPointer(data)
        var opaque = true
        scan: for y in 0..<height {
            let row = raw + y * stride
            for x in 0..<width where row.load(fromByteOffset: 4 * x, as: UInt32.self) >> 24 != 0xFF {
                opaque = false
                break scan
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + channels * width
        // Rows are filtered one at a time into `row` and streamed through deflate, so memory
        // is the surface plus the compressed file (not another copy of the image).
        var row = [UInt8](repeating: 0, count: rowBytes)
        var stream = z_stream()
        guard deflateInit_(&stream, 3, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PlotError("zlib could not start compressing the PNG data")
        }
        defer { deflateEnd(&stream) }
        var compressed: [UInt8] = []
        compressed.reserveCapacity(min(rowBytes * height / 8 + 1024, 1 << 26))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        /// Feeds `input` (nil at the end) to deflate and appends what it writes.
        func deflateRow(_ input: UnsafeMutableBufferPointer<UInt8>?, finish: Bool) throws {
            stream.next_in = input?.baseAddress
            stream.avail_in = uInt(input?.count ?? 0)
            repeat {
                let produced: Int = try chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw PlotError("zlib could not compress the PNG data (status \(status))")
                    }
                    return out.count - Int(stream.avail_out)
                }
                compressed.append(contentsOf: chunk[0..<produced])
                if finish ? stream.avail_out != 0 : stream.avail_in == 0 && stream.avail_out != 0 { break }
            } while true
        }
        for y in 0..<height {
            let source = raw + y * stride
            try row.withUnsafeMutableBufferPointer { out in
                var o = 1   // filter byte 0 (None) stays
                for x in 0..<width {
                    let pixel = source.load(fromByteOffset: 4 * x, as: UInt32.self)
                    let r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
                    if opaque {
                        out[o] = UInt8(r); out[o + 1] = UInt8(g); out[o + 2] = UInt8(b)
                        o += 3
                    } else {
                        let a = pixel >> 24
                        if a == 0 {
                            out[o] = 0; out[o + 1] = 0; out[o + 2] = 0; out[o + 3] = 0
                        } else {
                            out[o] = UInt8((r * 255 + a / 2) / a)
                            out[o + 1] = UInt8((g * 255 + a / 2) / a)
                            out[o + 2] = UInt8((b * 255 + a / 2) / a)
                            out[o + 3] = UInt8(a)
                        }
                        o += 4
                    }
                }
                try deflateRow(out, finish: false)
            }
        }
        try deflateRow(nil, finish: true)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(compressed.count + 64)
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, opaque ? 2 : 6, 0, 0, 0]   // depth 8, RGB / RGBA, deflate, adaptive, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    static func appendBigEndian(_ v: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// Length, type, data and the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let typeBytes = Array(type.utf8)
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += typeBytes
        png += data
        appendBigEndian(UInt32(truncatingIfNeeded: crc), to: &png)
    }
}
