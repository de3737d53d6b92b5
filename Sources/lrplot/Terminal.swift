import Foundation
import LRPlotKit

/// Standard error of the process: diagnostics, one per line, and the progress bar.
enum Terminal {
    /// Writes `line` and a line break to standard error.
    static func writeError(_ line: String) {
        writeErrorBytes(line + "\n")
    }

    /// Writes `text` to standard error as it is, with `write(2)`: a standard error that
    /// cannot be written to is no reason to fail (the exit status still tells).
    static func writeErrorBytes(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard var base = utf8.baseAddress else { return }
            var left = utf8.count
            while left > 0 {
                let n = write(STDERR_FILENO, base, left)
                if n > 0 {
                    base += n
                    left -= n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Writes each warning's line to standard error.
    static func report(_ warnings: [LRPlotWarning]) {
        for warning in warnings { writeError(DiagnosticText.warning(warning)) }
    }
}
