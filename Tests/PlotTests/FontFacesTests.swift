import PlotTestSupport
import Testing
@testable import Plot

/// DejaVu Sans loaded from its files (skipping fontconfig's start-up) draws exactly what
/// Cairo's toy API, through fontconfig, draws.
@Suite struct FontFacesTests {
    @Test func theFontFilesAreFoundHere() {
        // .ci/run installs fonts-dejavu-core, which puts them in the first directory.
        #expect(CairoFontFaces().loadedFromFiles)
        #expect(!CairoFontFaces(directories: ["/nonexistent"]).loadedFromFiles)
    }

    @Test(arguments: SampleCharts.all.map(\.0))
    func filesAndFontconfigGiveTheSamePixelsAndLayout(_ name: String) throws {
        let chart = try #require(SampleCharts.all.first { $0.0 == name }).1
        let viaFiles = try RasterImage.decodePNG(ChartRenderer.render(chart, as: .png, faces: CairoFontFaces()))
        let viaFontconfig = try RasterImage.decodePNG(
            ChartRenderer.render(chart, as: .png, faces: CairoFontFaces(directories: [])))
        #expect(viaFiles.width == viaFontconfig.width && viaFiles.height == viaFontconfig.height)
        let differing = zip(viaFiles.pixels, viaFontconfig.pixels).filter { $0 != $1 }.count
        #expect(differing == 0, "\(name): \(differing) channel values differ, by up to \(RasterImage.maxChannelDifference(viaFiles, viaFontconfig) ?? -1)")
        let svgFiles = try ChartRenderer.render(chart, as: .svg, faces: CairoFontFaces())
        let svgFontconfig = try ChartRenderer.render(chart, as: .svg, faces: CairoFontFaces(directories: []))
        // Cairo numbers its surfaces process-wide (tests render concurrently): compare the
        // documents with the ids normalised.
        #expect(RenderTests.normalisedSVG(svgFiles) == RenderTests.normalisedSVG(svgFontconfig))
    }
}
