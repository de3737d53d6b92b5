import Foundation
import Testing
@testable import lrplot

/// The progress bar stays on one line narrower than the terminal (a wrapped line cannot be
/// erased by `\r` and `ESC [K`) and is erased when the work ends.
@Suite struct ProgressBarTests {
    final class Screen: @unchecked Sendable {
        var writes: [String] = []
    }

    @Test(arguments: [20, 40, 80, 200])
    func framesFitTheTerminalAndTheLastIsErased(_ columns: Int) {
        let screen = Screen()
        let label = String(repeating: "a very long schedule label ", count: 8)
        let bar = ProgressBar(labels: [label, "second"], steps: 1_000_000, verb: "evaluating", enabled: true,
                              delay: 0, columns: { columns }, write: { screen.writes.append($0) })
        bar.update(index: 0, done: 400_000)
        bar.update(index: 1, done: 100_000)   // within 0.1 s of the first: not drawn
        #expect(screen.writes.count == 1)
        let frame = screen.writes[0]
        #expect(frame.hasPrefix("\r[") && frame.hasSuffix("\u{1B}[K"))
        let visible = frame.dropFirst().dropLast(3)
        #expect(visible.count <= columns - 1, "\(visible.count) columns: \(visible)")
        #expect(visible.contains("20%"))
        bar.finish()
        #expect(screen.writes.last == "\r\u{1B}[K")
        bar.finish()
        #expect(screen.writes.count == 2, "erased once")
    }

    @Test func nothingIsDrawnOffATerminalOrBeforeTheDelay() {
        let screen = Screen()
        let off = ProgressBar(labels: ["a"], steps: 10, verb: "x", enabled: false, delay: 0, write: { screen.writes.append($0) })
        off.update(index: 0, done: 5)
        off.finish()
        let early = ProgressBar(labels: ["a"], steps: 10, verb: "x", enabled: true, delay: 60, write: { screen.writes.append($0) })
        early.update(index: 0, done: 5)
        early.finish()
        #expect(screen.writes.isEmpty)
    }

    @Test func onlyReportingUnitsCount() {
        // A chart of a closed form (no progress to report) and a walked schedule: the bar
        // follows the walked one alone.
        let screen = Screen()
        let bar = ProgressBar(labels: ["closed form", "walked"], steps: 1_000, verb: "evaluating", reporting: [1],
                              enabled: true, delay: 0, columns: { 80 }, write: { screen.writes.append($0) })
        bar.update(index: 0, done: 1_000)
        #expect(screen.writes.isEmpty)
        bar.update(index: 1, done: 500)
        #expect(screen.writes.last?.contains("50%  ") == true, "\(screen.writes)")
        #expect(screen.writes.last?.contains("evaluating walked") == true)
    }
}
