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
        text.withUTF8 { _ = FileDescriptor.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Writes each warning's line to standard error.
    static func report(_ warnings: [LRPlotWarning]) {
        for warning in warnings { writeError(DiagnosticText.warning(warning)) }
    }
}
