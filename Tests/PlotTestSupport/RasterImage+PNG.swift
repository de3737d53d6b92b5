import CLRPlotCairo
import Plot

extension RasterImage {
    /// Encodes the image as PNG through a Cairo ARGB32 surface (premultiplying), written by
    /// ``PNGEncoder`` or, with `cairoWriter`, by Cairo's own PNG writer.
    public func encodePNG(cairoWriter: Bool = false) throws -> [UInt8] {
        guard width > 0, height > 0, pixels.count == 4 * width * height else {
            throw PlotError("cannot encode an empty or inconsistent image")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw PlotError("could not create an image surface")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw PlotError("image surface has no pixel data") }
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                let i = 4 * (y * width + x)
                let a = UInt32(pixels[i + 3])
                func premultiplied(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                let word = (a << 24) | (premultiplied(pixels[i]) << 16) | (premultiplied(pixels[i + 1]) << 8) | premultiplied(pixels[i + 2])
                UnsafeMutableRawPointer(row + 4 * x).storeBytes(of: word, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        if !cairoWriter { return try PNGEncoder.encode(surface) }
        let sink = CairoPNGSink()
        let status = cairo_surface_write_to_png_stream(surface, CairoPNGSink.write, Unmanaged.passUnretained(sink).toOpaque())
        withExtendedLifetime(sink) {}
        guard status == CAIRO_STATUS_SUCCESS else { throw PlotError("could not encode PNG") }
        return sink.bytes
    }

    /// A picture of where `a` and `b` differ: matching pixels as a faint grey copy of `b`,
    /// differing ones (largest channel difference above `tolerance`) in red. `nil` when the
    /// sizes differ.
    public static func difference(_ a: RasterImage, _ b: RasterImage, tolerance: Int = 0) -> RasterImage? {
        guard a.width == b.width, a.height == b.height, a.pixels.count == b.pixels.count else { return nil }
        var out = [UInt8](repeating: 255, count: a.pixels.count)
        for i in stride(from: 0, to: a.pixels.count, by: 4) {
            var d = 0
            for c in 0..<4 { d = max(d, abs(Int(a.pixels[i + c]) - Int(b.pixels[i + c]))) }
            if d > tolerance {
                out[i] = 230; out[i + 1] = 0; out[i + 2] = 0
            } else {
                let sum: Int = Int(b.pixels[i]) + Int(b.pixels[i + 1]) + Int(b.pixels[i + 2])
                let grey = UInt8(215 + sum / 3 * 40 / 255)
                out[i] = grey; out[i + 1] = grey; out[i + 2] = grey
            }
        }
        return RasterImage(width: a.width, height: a.height, pixels: out)
    }
}
