import Foundation

/// A progress bar on stderr for long simulations: shown only when stderr is a terminal and
/// the work has taken more than a second; erased when done.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let labels: [String]
    private let start = Date()
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A bar for `labels.count` runs of `steps` steps each.
    init(labels: [String], steps: Int, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.labels = labels
        self.total = max(1, labels.count * steps)
        self.enabled = enabled
    }

    /// Reports that run `index` has done `done` steps.
    func update(index: Int, done: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let steps = total / max(labels.count, 1)
        let fraction = Double(index * steps + done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let label = index < labels.count ? labels[index] : ""
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            + "] \(Int(fraction * 100))% simulating \(label.prefix(40))\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Erases the bar.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
