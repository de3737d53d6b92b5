import Foundation
import LRPlotKit

/// Standard error of the process: diagnostics, one per line.
enum Terminal {
    /// Writes `line` and a line break to standard error.
    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes each warning's line to standard error.
    static func report(_ warnings: [LRPlotWarning]) {
        for warning in warnings { writeError(DiagnosticText.warning(warning)) }
    }
}
