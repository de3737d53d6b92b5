import Foundation

/// A progress bar on standard error for long work: simulations, and schedules walked step by
/// step over long runs (charts and values).
///
/// It is drawn only when standard error is a terminal and the work has taken more than a
/// second, redrawn at most ten times a second, always on one line narrower than the
/// terminal (a line that wraps cannot be erased), and erased by ``finish()`` so that the
/// next message starts on a clean line. Updates may come from several threads.
final class ProgressBar: @unchecked Sendable {
    private let labels: [String]
    private let steps: Int
    private let verb: String
    private let enabled: Bool
    private let delay: TimeInterval
    private let columns: () -> Int
    private let write: (String) -> Void
    private let start = Date()
    private let lock = NSLock()
    /// Steps done by each unit of work (one per label).
    private var done: [Int]
    /// The units whose progress is reported (and counted in the total).
    private let reporting: Set<Int>
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A bar for `labels.count` units of work (schedules) of `steps` steps each, of which
    /// those in `reporting` (all by default) report their progress, saying "`verb` LABEL"
    /// (`simulating`, `evaluating`), shown after `delay` seconds.
    init(labels: [String], steps: Int, verb: String, reporting: [Int]? = nil, enabled: Bool = isatty(STDERR_FILENO) != 0,
         delay: TimeInterval = 1, columns: @escaping () -> Int = ProgressBar.terminalColumns,
         write: @escaping (String) -> Void = Terminal.writeErrorBytes) {
        self.labels = labels
        self.steps = max(steps, 1)
        self.verb = verb
        self.enabled = enabled
        self.delay = delay
        self.columns = columns
        self.write = write
        self.done = Array(repeating: 0, count: labels.count)
        self.reporting = Set(reporting ?? Array(labels.indices))
    }

    /// Reports that unit `index` has done `done` steps.
    func update(index: Int, done steps: Int) {
        guard enabled, reporting.contains(index) else { return }
        lock.lock()
        defer { lock.unlock() }
        done[index] = max(done[index], min(steps, self.steps))
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= delay, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let total = Double(self.steps) * Double(reporting.count)
        let fraction = min(1, Double(done.reduce(0, +)) / total)
        let line = Self.line(fraction: fraction, elapsed: elapsed, what: "\(verb) \(labels[index])",
                             columns: columns())
        write("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    /// `[#####     ] 42%  12 s left  simulating cosine`, cut to fit in `columns − 1`
    /// characters.
    static func line(fraction: Double, elapsed: Double, what: String, columns: Int) -> String {
        // The bar narrows on narrow terminals, so that the percentage always shows.
        let width = min(20, max(4, columns - 16))
        let filled = Int(fraction * Double(width))
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
        line += "\(Int(fraction * 100))%"
        if fraction > 0.02 {
            let left = elapsed * (1 - fraction) / fraction
            line += left >= 60 ? "  \(Int(left / 60)) min left" : "  \(Int(left.rounded(.up))) s left"
        }
        line += "  " + what
        let room = max(columns - 1, 10)
        return line.count > room ? String(line.prefix(room - 1)) + "…" : line
    }

    /// The terminal's width (standard error's), or 80.
    static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
