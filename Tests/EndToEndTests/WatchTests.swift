import Foundation
import Testing
import TestSupport

/// `lrplot --watch SPEC` renders, renders again on each change of the spec (a broken spec is
/// reported and the watch goes on), and stops on SIGINT with status 130.
@Suite struct WatchTests {
    func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    @Test func rerendersOnChangeUntilInterrupted() throws {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("s.json")
        let out = dir.appendingPathComponent("out.svg")
        func write(title: String) throws {
            try Data(#"{"title": "\#(title)", "steps": 20, "schedules": [{"type": "cosine", "lr": 0.1, "total_steps": 20}]}"#.utf8).write(to: spec)
        }
        func rendered() -> String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
        try write(title: "first")

        let process = Process()
        process.executableURL = exe
        process.arguments = ["--watch", "s.json", "-o", "out.svg"]
        process.currentDirectoryURL = dir
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        #expect(waitUntil(30) { !rendered().isEmpty }, "no first render")
        let first = rendered()
        // Titles are drawn as glyph outlines: a change of title changes the file.
        usleep(100_000)
        try write(title: "second, longer")
        #expect(waitUntil(30) { !rendered().isEmpty && rendered() != first }, "no render after the change")
        let second = rendered()
        // A broken spec is reported; the image stays.
        try Data(#"{"steps": 20, "schedules": [{"type": "cosinee"}]}"#.utf8).write(to: spec)
        usleep(1_500_000)
        #expect(process.isRunning)
        #expect(rendered() == second)
        try write(title: "third")
        #expect(waitUntil(30) { !rendered().isEmpty && rendered() != second }, "no render after the fix")

        process.interrupt()
        #expect(waitUntil(30) { !process.isRunning })
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errors.contains("watching s.json (Ctrl-C stops)"))
        #expect(errors.contains("lrplot: error: s.json: schedules[0].type: unknown schedule type \"cosinee\""), "\(errors)")
        #expect(lines == "wrote out.svg\nwrote out.svg\nwrote out.svg\n")
    }
}
