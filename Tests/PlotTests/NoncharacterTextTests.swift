import Foundation
import PlotTestSupport
import Testing
@testable import Plot

/// Text with Unicode noncharacters (valid in JSON and in Swift strings) renders: Cairo refuses
/// a whole string holding one, so a legend label with U+FFFF made every format fail with
/// "input string not valid UTF-8" (found by fuzz-simulate). Each is drawn as U+FFFD.
@Suite struct NoncharacterTextTests {
    /// Built at run time: Swift rejects U+FFFE and U+FFFF in a string literal.
    static func text(_ value: UInt32) -> String { String(Character(Unicode.Scalar(value)!)) }
    static let noncharacters = [0xFFFF, 0xFFFE, 0xFDD0, 0xFDEF, 0x1FFFF, 0x10FFFE].map(text)

    @Test func chartsWithNoncharactersInEveryTextRender() throws {
        for n in Self.noncharacters {
            let chart = Chart(title: "title \(n)", xAxis: Axis(label: "step \(n)"),
                              panels: [Panel(yAxis: Axis(label: "lr \(n)"), series: [
                                  Series(label: "a\(n)b", xs: [0, 1, 2], ys: [0.1, 0.2, 0.15]),
                                  Series(label: String(repeating: "long \(n) label ", count: 40), xs: [0, 1, 2], ys: [0.3, 0.1, 0.2]),
                              ], markers: [Marker(x: 1, label: "phase \(n)")])])
            for format in ImageFormat.allCases {
                #expect(throws: Never.self, "\(format), U+\(String(n.unicodeScalars.first!.value, radix: 16))") {
                    _ = try ChartRenderer.render(chart, as: format)
                }
            }
        }
    }

    /// Cairo takes C strings: U+0000 cut a title short ("before\0after" drawn and measured as
    /// "before", a too-long title after a leading NUL vanished without the "does not fit"
    /// warning; a new user's trial). C0 controls are drawn as U+FFFD, as the SVG writer does.
    @Test func controlCharactersAreDrawnAsReplacementCharacters() {
        #expect(CairoText.drawable("before\u{0}after") == "before\u{FFFD}after")
        #expect(CairoText.drawable("a\u{1}\u{1F}b\tc") == "a\u{FFFD}\u{FFFD}b\tc")
        let measurer = CairoTextMeasurer(faces: CairoFontFaces())
        let style = TextStyle(size: 12)
        #expect(measurer.measure("before\u{0}after", style: style).width > measurer.measure("before", style: style).width + 20)
        #expect(measurer.measure("\u{0}" + String(repeating: "x", count: 100), style: style).width > 300)
    }

    /// Only noncharacters and C0 controls are replaced; a text without one is passed on as it is.
    @Test func onlyNoncharactersAreReplaced() {
        #expect(CairoText.drawable("a" + Self.text(0xFFFF) + "b" + Self.text(0xFDD0) + "c") == "a\u{FFFD}b\u{FFFD}c")
        let ordinary = "lr 😀 \u{FDCF}\u{FDF0}\u{FFFD}\u{7F}"
        #expect(CairoText.drawable(ordinary) == ordinary)
    }
}
