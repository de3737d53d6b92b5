import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven through the DevTools protocol over `--remote-debugging-pipe`
/// (commands on the browser's fd 3, answers on its fd 4, each a JSON text ended by a NUL),
/// for tests that load a page, move the mouse, read the DOM and take screenshots.
public final class HeadlessChromium {
    /// The browser executable: Debian's (`apt-get install chromium`), or one on PATH.
    public static let executable: String? = {
        let fixed = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        if let found = fixed.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    private let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var nextID = 1
    private let profile: URL
    private var session: String?

    /// Starts the browser with an empty profile and opens one page of `width` × `height` CSS
    /// px at device scale factor `scale`.
    public init(width: Int = 1100, height: Int = 760, scale: Double = 1) throws {
        guard let executable = Self.executable else { throw Failure(description: "chromium not found") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-chromium-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw Failure(description: "pipe failed")
        }
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        // Move the child's ends above 3 and 4 so that the dup2s below cannot clobber them.
        let childIn = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 100)
        let childOut = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 100)
        close(toBrowser[0])
        close(fromBrowser[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childIn, 3)
        posix_spawn_file_actions_adddup2(&actions, childOut, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--hide-scrollbars", "--mute-audio", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(childIn)
        close(childOut)
        guard status == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        input = toBrowser[1]
        output = fromBrowser[0]
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        session = attached["sessionId"] as? String
        _ = try send("Page.enable")
        _ = try send("Emulation.setDeviceMetricsOverride", [
            "width": width, "height": height, "deviceScaleFactor": scale, "mobile": false,
        ])
    }

    deinit {
        close(input)
        close(output)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command (to the page once attached) and waits for its answer's `result`.
    @discardableResult
    public func send(_ method: String, _ params: [String: Any] = [:], timeout: Double = 30) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "write to chromium failed") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let text = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: Data(text)) as? [String: Any],
                      object["id"] as? Int == id
                else { continue }  // an event, or another answer
                if let error = object["error"] { throw Failure(description: "\(method): \(error)") }
                return object["result"] as? [String: Any] ?? [:]
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "\(method): no answer in \(timeout) s") }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(remaining * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = read(output, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: "chromium closed the pipe during \(method)") }
            buffer += chunk[0..<n]
        }
    }

    /// Opens `url` and waits until the document has loaded.
    public func open(_ url: URL) throws {
        try send("Page.navigate", ["url": url.absoluteString])
        let deadline = Date().addingTimeInterval(30)
        while try evaluate("document.readyState") as? String != "complete" {
            guard Date() < deadline else { throw Failure(description: "\(url) did not load") }
            usleep(20_000)
        }
    }

    /// The value of a JavaScript expression in the page.
    public func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Moves the mouse to (`x`, `y`) CSS px in the viewport, as a user would.
    public func moveMouse(x: Double, y: Double) throws {
        try send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": x, "y": y])
    }

    /// Clicks at (`x`, `y`).
    public func click(x: Double, y: Double) throws {
        try moveMouse(x: x, y: y)
        for type in ["mousePressed", "mouseReleased"] {
            try send("Input.dispatchMouseEvent", ["type": type, "x": x, "y": y, "button": "left", "clickCount": 1])
        }
    }

    /// A PNG of the viewport.
    public func screenshot() throws -> Data {
        let result = try send("Page.captureScreenshot", ["format": "png"])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }
}
