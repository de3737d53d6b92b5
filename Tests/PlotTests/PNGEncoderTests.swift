import Plot
import PlotTestSupport
import Testing

@Suite struct PNGEncoderTests {
    /// A seeded xorshift generator.
    struct Bits: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    func image(width: Int, height: Int, opaque: Bool, seed: UInt64) -> RasterImage {
        var g = Bits(state: seed)
        var pixels: [UInt8] = []
        for _ in 0..<(width * height) {
            let a: UInt8 = opaque ? 255 : [0, 1, 2, 127, 128, 254, 255, UInt8.random(in: 0...255, using: &g)].randomElement(using: &g) ?? 0
            pixels += [UInt8.random(in: 0...255, using: &g), UInt8.random(in: 0...255, using: &g), UInt8.random(in: 0...255, using: &g), a]
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    @Test("decodes to exactly the pixels of Cairo's PNG writer", arguments: [true, false])
    func samePixelsAsCairo(opaque: Bool) throws {
        for (i, size) in [(1, 1), (3, 7), (64, 33), (301, 17)].enumerated() {
            let source = image(width: size.0, height: size.1, opaque: opaque, seed: UInt64(i + 1) * 7919)
            let ours = try RasterImage.decodePNG(try source.encodePNG())
            let cairo = try RasterImage.decodePNG(try source.encodePNG(cairoWriter: true))
            #expect(ours == cairo)
            #expect(ours.width == size.0 && ours.height == size.1)
        }
    }

    @Test func chartPixelsMatchCairo() throws {
        // A rendered chart, opaque and with a transparent background (RGBA, un-premultiplied).
        for transparent in [false, true] {
            let chart = Chart(
                title: "PNG", width: 240, height: 160, scale: 1.5, theme: .light, transparentBackground: transparent,
                xAxis: Axis(label: "step"),
                panels: [Panel(yAxis: Axis(label: "lr"), series: [
                    Series(label: "a", xs: (0..<50).map(Double.init), ys: (0..<50).map { 1 / Double($0 + 1) },
                           color: RGBColor(r: 0.1, g: 0.4, b: 0.8), dash: .dashed, drawStyle: .linear)])])
            let decoded = try RasterImage.decodePNG(try ChartRenderer.render(chart, as: .png))
            let cairo = try RasterImage.decodePNG(try decoded.encodePNG(cairoWriter: true))
            let ours = try RasterImage.decodePNG(try decoded.encodePNG())
            #expect(ours == cairo)
            #expect(decoded.width == 360)
        }
    }
}
