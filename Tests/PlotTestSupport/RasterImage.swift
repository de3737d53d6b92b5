import CLRPlotCairo
import Plot

/// A decoded raster image with straight (not premultiplied) RGBA8 pixels, row-major from the
/// top-left: pixel (x, y) starts at byte `4 × (y × width + x)`. For tests and golden
/// comparisons (test support: the library itself never decodes images).
public struct RasterImage: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// RGBA8 bytes, `4 × width × height`.
    public var pixels: [UInt8]

    /// Creates an image from RGBA8 bytes.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes PNG bytes through Cairo (un-premultiplying its ARGB32).
    public static func decodePNG(_ bytes: [UInt8]) throws -> RasterImage {
        let source = ByteSource(bytes)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        guard let surface = cairo_image_surface_create_from_png_stream(ByteSource.read, closure) else {
            throw PlotError("could not decode PNG")
        }
        defer { cairo_surface_destroy(surface) }
        withExtendedLifetime(source) {}
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PlotError("could not decode PNG: \(String(cString: cairo_status_to_string(cairo_surface_status(surface))))")
        }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw PlotError("decoded PNG has no pixel data")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // ARGB32 / RGB24: native-endian 32-bit words 0xAARRGGBB.
                let word = UnsafeRawPointer(row + 4 * x).loadUnaligned(as: UInt32.self)
                let a = format == CAIRO_FORMAT_RGB24 ? 255 : Int((word >> 24) & 0xFF)
                var r = Int((word >> 16) & 0xFF)
                var g = Int((word >> 8) & 0xFF)
                var b = Int(word & 0xFF)
                if a > 0 && a < 255 {
                    r = min(255, (r * 255 + a / 2) / a)
                    g = min(255, (g * 255 + a / 2) / a)
                    b = min(255, (b * 255 + a / 2) / a)
                }
                let i = 4 * (y * width + x)
                pixels[i] = UInt8(r)
                pixels[i + 1] = UInt8(g)
                pixels[i + 2] = UInt8(b)
                pixels[i + 3] = UInt8(a)
            }
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    /// The straight RGBA of pixel (x, y); (0, 0, 0, 0) outside the image.
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        guard x >= 0, y >= 0, x < width, y < height else { return (0, 0, 0, 0) }
        let i = 4 * (y * width + x)
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }

    /// The largest absolute difference of any channel between two images of the same size,
    /// `nil` when the sizes differ.
    public static func maxChannelDifference(_ a: RasterImage, _ b: RasterImage) -> Int? {
        guard a.width == b.width, a.height == b.height else { return nil }
        var worst = 0
        for i in a.pixels.indices {
            worst = max(worst, abs(Int(a.pixels[i]) - Int(b.pixels[i])))
        }
        return worst
    }

    /// The fraction of pixels whose channels differ by more than `tolerance` (0...255), `nil`
    /// when the sizes differ.
    public static func differingFraction(
        _ a: RasterImage, _ b: RasterImage, tolerance: Int = 0
    ) -> Double? {
        guard a.width == b.width, a.height == b.height else { return nil }
        guard a.width * a.height > 0 else { return 0 }
        var count = 0
        for p in 0..<(a.width * a.height) {
            let i = 4 * p
            for c in 0..<4 where abs(Int(a.pixels[i + c]) - Int(b.pixels[i + c])) > tolerance {
                count += 1
                break
            }
        }
        return Double(count) / Double(a.width * a.height)
    }
}
