import Foundation
import LRPlotKit

/// `lrplot --watch SPEC`: renders, then renders again whenever the spec (or a file it reads)
/// changes, until interrupted; an error is reported and the watch goes on, so a spec can be
/// fixed while an image viewer shows the last good chart.
struct Watch {
    var specPath: String
    var request: OutputRequest
    /// Decodes the spec each time (with the command line's training numbers).
    var decoder: SpecDecoder = SpecDecoder()

    /// Runs until interrupted (SIGINT or SIGTERM: the render under way finishes first; a
    /// second interrupt stops at once), then exits with status 130.
    func run() throws -> Never {
        Interrupt.install()
        // Watch from before the first read, so that a change during the render is seen.
        var watcher = FileWatcher(paths: [specPath])
        Terminal.writeError("watching \(specPath) (Ctrl-C stops)")
        repeat {
            do {
                let spec = try SpecFile.load(specPath, decoder: decoder)
                watcher.watch(spec.inputs.map(\.path))
                try Render.announce(try Render.render(spec: spec, request: request))
            } catch let error as LRPlotError {
                Terminal.writeError(DiagnosticText.error(error))
            }
        } while watcher.waitForChange(shouldStop: { Interrupt.received })
        exit(130)
    }
}

/// The first SIGINT or SIGTERM, noted for a loop to stop at a good moment; the handler then
/// gives way to the default, so a second one stops the process at once.
enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var received: Bool { flag != 0 }

    static func install() {
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal) { number in
                Interrupt.flag = 1
                Foundation.signal(number, SIG_DFL)
            }
        }
        // A parent may have started lrplot with these blocked (the mask is inherited).
        StandardStreams.unblock([SIGINT, SIGTERM])
    }
}
