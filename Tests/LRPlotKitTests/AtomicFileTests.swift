import Foundation
import Testing
@testable import LRPlotKit

/// Atomic writes: through symbolic links (the target replaced, its mode kept), long names,
/// and the outputs refused before anything is written.
@Suite struct AtomicFileTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o7777
    }

    func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    }

    @Test func writesThroughASymbolicLinkKeepingTheTargetsMode() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real").path
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        let target = real + "/chart.png"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o640)
        let link = dir.appendingPathComponent("chart.png").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/chart.png")
        // A chain of two links.
        let link2 = dir.appendingPathComponent("again.png").path
        try FileManager.default.createSymbolicLink(atPath: link2, withDestinationPath: "chart.png")

        try AtomicFile.write(Array("new".utf8), to: link2)
        #expect(read(target) == "new")
        #expect(mode(target) == 0o640)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/chart.png")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link2) == "chart.png")
        #expect(try leftovers(dir).filter { $0 != "." }.isEmpty && leftovers(URL(fileURLWithPath: real)).isEmpty)
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appendingPathComponent("out.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.svg")
        try AtomicFile.write(Array("<svg/>".utf8), to: link)
        #expect(read(dir.appendingPathComponent("made.svg").path) == "<svg/>")
    }

    @Test func aNewFileGetsTheUmasksMode() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("new.png").path
        try AtomicFile.write([1, 2, 3], to: path)
        let mask = umask(0)
        umask(mask)
        #expect(mode(path) == 0o666 & ~mask)
    }

    @Test(arguments: [248, 250, 255])
    func longNamesWork(_ length: Int) throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = String(repeating: "é", count: (length - 4) / 2) + String(repeating: "x", count: (length - 4) % 2) + ".png"
        #expect(name.utf8.count == length)
        let path = dir.appendingPathComponent(name).path
        try AtomicFile.write(Array("ok".utf8), to: path)
        #expect(read(path) == "ok")
        #expect(try leftovers(dir).isEmpty)
    }

    @Test func aNameTooLongIsRefusedBeforeWriting() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(String(repeating: "x", count: 252) + ".png").path
        #expect(throws: LRPlotError(.arguments, file: path, "the file name is 256 bytes long; the file system takes at most 255")) {
            try AtomicFile.write([1], to: path)
        }
    }

    @Test func anInputIsNeverAnOutput() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("spec.svg").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: spec))
        let input = try #require(FileIdentity.of(spec).map { InputFile(path: spec, identity: $0) })
        #expect(throws: LRPlotError(.arguments, file: spec, "is the spec file itself; choose another output name")) {
            try AtomicFile.write([1], to: spec, refusing: [input])
        }
        // The same file by another name, and through a link.
        let other = dir.path + "/./spec.svg"
        #expect(throws: LRPlotError(.arguments, file: other, "is the same file as the input \(spec); choose another output name")) {
            try AtomicFile.checkWritable([other], refusing: [input])
        }
        let link = dir.appendingPathComponent("link.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: spec)
        #expect(throws: LRPlotError.self) { try AtomicFile.write([1], to: link, refusing: [input]) }
        #expect(read(spec) == "{}")
    }

    @Test func aFileNamedTwiceIsRefused() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.png").path
        #expect(throws: LRPlotError(.arguments, file: a, "is named twice as an output")) {
            try AtomicFile.writeAll([(a, [1]), (a, [2])])
        }
        #expect(throws: LRPlotError(.arguments, file: dir.path + "/./a.png", "is the same file as the output \(a)")) {
            try AtomicFile.writeAll([(a, [1]), (dir.path + "/./a.png", [2])])
        }
        #expect(!FileManager.default.fileExists(atPath: a))
    }

    @Test func aPendingFileLeftUncommittedLeavesNothing() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("values.csv").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let pending = try AtomicFile.begin(path)
            try withBytes(of: "half", pending.write)
        }
        #expect(read(path) == "keep")
        #expect(try leftovers(dir).isEmpty)
        let pending = try AtomicFile.begin(path)
        try withBytes(of: "all", pending.write)
        try pending.commit()
        #expect(read(path) == "all")
    }
}
