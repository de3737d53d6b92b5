import Plot
import PlotTestSupport
import Testing

@Suite struct RasterImagePNGTests {
    @Test func encodeDecodeRoundTrips() throws {
        var pixels: [UInt8] = []
        for y in 0..<3 { for x in 0..<4 { pixels += [UInt8(60 * x), UInt8(80 * y), 200, 255] } }
        let image = RasterImage(width: 4, height: 3, pixels: pixels)
        let decoded = try RasterImage.decodePNG(try image.encodePNG())
        #expect(decoded == image)
    }

    @Test func differenceMarksChangedPixelsRed() throws {
        let a = RasterImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 10, 10, 10, 255])
        let b = RasterImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 200, 10, 10, 255])
        let d = try #require(RasterImage.difference(a, b, tolerance: 24))
        #expect(d.pixel(x: 1, y: 0) == (230, 0, 0, 255))
        #expect(d.pixel(x: 0, y: 0).r == d.pixel(x: 0, y: 0).g)
        #expect(RasterImage.difference(a, RasterImage(width: 1, height: 1, pixels: [0, 0, 0, 0])) == nil)
    }
}
