import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real terminal: tmux, sized by the test, showing a file; `capture-pane` reads the screen.
public enum Tmux {
    public static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs tmux and returns its output (what `capture-pane -p` prints).
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "tmux")
        // -u: UTF-8 whatever the test's locale (braille must stay one cell wide).
        process.arguments = ["-u"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a tmux command that starts the server. Foundation's `Process` takes the
    /// daemonised server down when its client exits, so this one goes through `posix_spawn`.
    public static func start(_ arguments: [String]) throws {
        let args = [executable ?? "tmux", "-u"] + arguments
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let status = posix_spawn(&pid, args[0], &actions, nil, &argv, &envp)
        guard status == 0 else { throw HeadlessChromium.Failure(description: "could not start tmux: \(status)") }
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
    }

    /// The screen of a `columns × rows` terminal after it printed `text`: plain, and with
    /// colour escapes (`-e`).
    public static func screen(showing text: String, columns: Int, rows: Int) throws -> (plain: [String], escaped: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-tmux-\(getpid())-\(UUID().uuidString.prefix(8)).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let lastLine = text.split(separator: "\n").last.map(String.init) ?? ""
        return try screen(running: "cat \(file.path)", columns: columns, rows: rows,
                          until: String(lastLine.split(separator: " ").last ?? ""))
    }

    /// The screen of a `columns × rows` terminal (`TERM=xterm-256color`, UTF-8, no
    /// `NO_COLOR`) in
    /// `directory` after running the shell command `command`, once a line contains `marker`
    /// (or after 10 s): plain, and with colour escapes.
    public static func screen(
        running command: String, in directory: String? = nil, columns: Int, rows: Int, until marker: String
    ) throws -> (plain: [String], escaped: String) {
        let name = "lrplot-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        // A private server socket, so no user's tmux is touched; the session ends with the test.
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sock").path
        var arguments = ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)"]
        if let directory { arguments += ["-c", directory] }
        let quoted = command.replacingOccurrences(of: "'", with: "'\\''")
        // A user's terminal: the test harness's NO_COLOR=1 is not passed on.
        try start(arguments + ["env -u NO_COLOR LANG=C.UTF-8 TERM=xterm-256color sh -c '\(quoted); sleep 60'"])
        defer {
            _ = try? run(["-S", socket, "kill-server"])
            try? FileManager.default.removeItem(atPath: socket)
        }
        var plain: [String] = []
        for _ in 0..<200 {
            plain = try run(["-S", socket, "capture-pane", "-p", "-t", name]).components(separatedBy: "\n")
            if plain.contains(where: { $0.contains(marker) }) { break }
            usleep(50_000)
        }
        let escaped = try run(["-S", socket, "capture-pane", "-p", "-e", "-t", name])
        return (plain, escaped)
    }
}
