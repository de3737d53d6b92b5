import Foundation
import Testing
@testable import LRPlotKit

/// Reading a spec's bytes: files, pipes, FIFOs and what cannot be a spec, each with an
/// error that says what is wrong.
@Suite struct SpecSourceTests {
    static let spec = #"{"steps": 3, "schedules": [{"type": "constant", "lr": 0.5}]}"#

    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func error(_ path: String) -> LRPlotError? {
        do { _ = try SpecSource.read(path); return nil } catch { return error }
    }

    @Test func readsAFileAndNamesItsStemAndIdentity() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("run.json").path
        try Data(Self.spec.utf8).write(to: URL(fileURLWithPath: path))
        let source = try SpecSource.read(path)
        #expect(source.name == path && source.stem == "run")
        #expect(source.file?.identity == FileIdentity.of(path))
        let spec = try SpecFile.load(path)
        #expect(spec.stem == "run" && spec.inputs.map(\.path) == [path])
    }

    @Test func emptyInputsSaySo() {
        #expect(error("/dev/null") == LRPlotError(.input, file: "/dev/null", "is empty; expected a JSON spec like {\"steps\": 100, \"schedules\": [{\"type\": \"cosine\", \"lr\": 0.1, \"total_steps\": 100}]}"))
    }

    @Test func whiteSpaceIsEmptyAndAByteOrderMarkIsDropped() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("blank.json")
        try Data(" \n\t\r\n".utf8).write(to: blank)
        #expect(error(blank.path)?.message.hasPrefix("is empty") == true)
        let bom = dir.appendingPathComponent("bom.json")
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.spec.utf8)).write(to: bom)
        #expect(try SpecFile.load(bom.path).steps == 3)
    }

    @Test func missingDirectoryAndNotUTF8() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(error(dir.appendingPathComponent("nope.json").path)?.message == "no such file")
        #expect(error(dir.path)?.message == "is a directory; expected a JSON spec file")
        let latin1 = dir.appendingPathComponent("latin1.json")
        try Data([0x7B, 0xE9, 0x7D]).write(to: latin1)
        #expect(throws: LRPlotError(.input, file: latin1.path, "is not UTF-8 text; expected a JSON spec")) {
            try SpecSource.read(latin1.path).text()
        }
        #expect(error(latin1.path + "/x")?.message == "cannot read: Not a directory")
    }

    @Test func aNamedPipeIsReadToItsEnd() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("spec.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = Self.spec
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            // Several writes, so the reader must read until the end, not once.
            for chunk in [String(text.prefix(10)), String(text.dropFirst(10))] {
                _ = chunk.withCString { write(fd, $0, strlen($0)) }
                usleep(20_000)
            }
            close(fd)
        }
        writer.start()
        let source = try SpecSource.read(fifo)
        #expect(String(decoding: source.bytes, as: UTF8.self) == text)
        // Not a file on disk: nothing to protect from being overwritten.
        #expect(source.file == nil)
        #expect(source.stem == "spec")
    }
}
