import ArgumentParser
import Foundation
import LRPlotKit

// Exit status: 0 success, 1 runtime failure, 2 bad spec or arguments (see the README).
do {
    var command = try LRPlotCommand.parseAsRoot()
    try command.run()
} catch let error as LRPlotError {
    FileHandle.standardError.write(Data("lrplot: error: \(error)\n".utf8))
    exit(error.exitCode)
} catch {
    let code = LRPlotCommand.exitCode(for: error)
    if code == .success {
        // --help and --version.
        print(LRPlotCommand.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data((LRPlotCommand.fullMessage(for: error) + "\n").utf8))
    exit(code == .validationFailure ? 2 : 1)
}
