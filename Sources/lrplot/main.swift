import ArgumentParser
import Foundation
import LRPlotKit

// Exit status: ExitStatus (0 success, 1 runtime failure, 2 bad spec, input or arguments,
// 3 a checked run departs from its plan);
// every diagnostic is written by DiagnosticText.
StandardStreams.prepare()
do {
    var command = try LRPlotCommand.parseAsRoot()
    try command.run()
} catch is RunDeparts {
    exit(ExitStatus.runDeparts.rawValue)
} catch let error as LRPlotError {
    Terminal.writeError(DiagnosticText.error(error))
    exit(error.exitStatus.rawValue)
} catch {
    let code = LRPlotCommand.exitCode(for: error)
    if code == .success {
        // --help, --version and --generate-completion-script.
        do {
            try StandardOutput.write(LRPlotCommand.fullMessage(for: error) + "\n")
        } catch {
            Terminal.writeError(DiagnosticText.error(error))
            exit(error.exitStatus.rawValue)
        }
        exit(ExitStatus.success.rawValue)
    }
    // swift-argument-parser's own errors: its message in lrplot's style, then its usage.
    let full = LRPlotCommand.fullMessage(for: error)
    let message = LRPlotCommand.message(for: error)
    let usage = full.split(separator: "\n", omittingEmptySubsequences: false)
        .drop { $0.hasPrefix("Error: ") || $0 == message || $0.isEmpty }
        .joined(separator: "\n")
    Terminal.writeError(DiagnosticText.argumentError(message: message, usage: usage))
    exit(ExitStatus(code == .validationFailure ? .arguments : .runtime).rawValue)
}
