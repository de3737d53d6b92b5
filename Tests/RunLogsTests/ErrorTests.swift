import Foundation
import TestSupport
import Testing
@testable import RunLogs

/// Damaged logs: scratch copies of real fixtures, cut or changed by the test.
@Suite struct ErrorTests {
    private func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
    private func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The offsets of a TFRecord file's records.
    private func recordOffsets(_ b: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var i = 0
        while i + 12 <= b.count {
            offsets.append(i)
            let length = (0..<8).reduce(0) { $0 | Int(b[i + $1]) << (8 * $1) }
            i += 12 + length + 4
        }
        return offsets
    }

    private let tensorBoardFixture = "torch-onecycle"

    private func eventFile() throws -> String {
        let name = try FileManager.default.contentsOfDirectory(atPath: RunFixtures.path(tensorBoardFixture))
            .first { $0.hasPrefix("events.out.tfevents.") }!
        return try RunFixtures.scratchCopy("\(tensorBoardFixture)/\(name)")
    }

    @Test func truncatedRecord() throws {
        let file = try eventFile()
        var b = try bytes(file)
        let last = recordOffsets(b).last!
        b.removeLast(3)
        try write(b, file)
        #expect(throws: LogError.truncatedRecord(file: file, offset: last, part: .dataCRC, needed: 4, available: 1)) {
            try LogReader.read(file)
        }
        // Cut inside the header of the last record.
        b.removeSubrange((last + 5)...)
        try write(b, file)
        #expect(throws: LogError.truncatedRecord(file: file, offset: last, part: .length, needed: 8, available: 5)) {
            try LogReader.read(file)
        }
    }

    @Test func dataCRCMismatch() throws {
        let file = try eventFile()
        var b = try bytes(file)
        let offsets = recordOffsets(b)
        let victim = offsets[10]
        b[victim + 12 + 3] ^= 0x40
        try write(b, file)
        var caught: LogError?
        do { _ = try LogReader.read(file) } catch { caught = error }
        let error = try #require(caught)
        if case .crcMismatch(let f, let offset, let part, let stored, let computed) = error {
            #expect(f == file && offset == victim && part == .dataCRC && stored != computed)
        } else {
            Issue.record("unexpected \(error)")
        }
        #expect(error.location == .recordOffset(victim))
        #expect(error.description.contains("record at byte \(victim)"))
    }

    @Test func lengthCRCMismatch() throws {
        let file = try eventFile()
        var b = try bytes(file)
        let victim = recordOffsets(b)[3]
        b[victim] ^= 0x01
        try write(b, file)
        #expect {
            try LogReader.read(file)
        } throws: { error in
            guard case LogError.crcMismatch(_, let offset, .lengthCRC, _, _) = error else { return false }
            return offset == victim
        }
    }

    /// A damaged first record: the content no longer says TFRecord, the name does, and the
    /// reader reports the damage instead of "unknown format".
    @Test func damagedFirstRecordIsStillReadAsTensorBoard() throws {
        let file = try eventFile()
        var b = try bytes(file)
        b[2] ^= 0xFF
        try write(b, file)
        #expect(try LogDetector.detect(file) == .tensorBoard)
        #expect {
            try LogReader.read(file)
        } throws: { error in
            if case LogError.crcMismatch(_, 0, .lengthCRC, _, _) = error { return true }
            return false
        }
    }

    @Test func nonFiniteLearningRateInTrainerState() throws {
        let file = try RunFixtures.scratchCopy("hf-trainer-cosine/trainer_state.json")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        // json.dump writes float("nan") as NaN; a NaN grad_norm elsewhere is harmless.
        text = text.replacingOccurrences(of: "\"learning_rate\": 0.0002,", with: "\"learning_rate\": NaN,")
        text = text.replacingOccurrences(of: "\"grad_norm\": 0.9765714406967163,", with: "\"grad_norm\": Infinity,")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.nonFiniteValue(file: file, location: .jsonPath("log_history[1].learning_rate"),
                                                key: "learning_rate", step: 2, text: "NaN")) {
            try LogReader.read(file)
        }
        #expect(try LogReader.read(file, key: "loss").points.count == 40)
    }

    /// A JSON syntax error after a NaN on the same line keeps the original column.
    @Test func jsonSyntaxErrorColumnsAreTheFilesColumns() throws {
        let file = try RunFixtures.scratchCopy("mmengine-cosine/scalars.json")
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = "{\"loss\": NaN, \"lr\": 0.0198, \"step\": 3,}"
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            try LogReader.read(file)
        } throws: { error in
            guard case LogError.jsonSyntax(_, let line, let column, _) = error else { return false }
            return line == 3 && column == 39
        }
    }

    @Test func csvNonNumericAndMissingCells() throws {
        let file = try RunFixtures.scratchCopy("lightning-per-epoch/csv/version_0/metrics.csv")
        // Python's csv module ends rows with CRLF.
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines[0] == "epoch,lr-SGD,lr-SGD-momentum,step,train_loss")
        let original = lines
        lines[3] = ",0.1x,0.9,1,"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.nonNumericCell(file: file, line: 4, column: "lr-SGD", text: "0.1x")) {
            try LogReader.read(file)
        }
        lines = original
        lines[3] = ",0.1,0.9,,"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.missingCell(file: file, line: 4, column: "step")) {
            try LogReader.read(file)
        }
        lines = original
        lines[3] = ",nan,0.9,1,"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.nonFiniteValue(file: file, location: .line(4, column: 2), key: "lr-SGD", step: 1, text: "nan")) {
            try LogReader.read(file)
        }
        lines = original
        lines[3] = ",0.1,0.9,1.5,"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.unexpected(file: file, location: .line(4, column: 4), expected: "a whole number (a step) in column \"step\"", found: "\"1.5\"")) {
            try LogReader.read(file)
        }
        // A cell beyond the header (no writer of these formats makes one) is not dropped.
        lines = original
        lines[3] = ",0.1,0.9,1,,7"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.unexpected(file: file, location: .line(4, column: 6), expected: "at most 5 cells, one per header column", found: "6 cells (\"7\" has no column)")) {
            try LogReader.read(file)
        }
        lines = original
        lines[3] = ",0.1"
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: LogError.missingCell(file: file, line: 4, column: "lr-SGD-momentum")) {
            try LogReader.read(file, key: "lr-SGD-momentum")
        }
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let file = RunFixtures.path("hf-trainer-cosine/trainer_state.json")
        #expect {
            try LogReader.read(file, key: "learning_rat")
        } throws: { error in
            guard case LogError.unknownKey(_, "learning_rat", let candidates, let suggestion) = error else { return false }
            return suggestion == "learning_rate" && candidates.first == "learning_rate" && candidates.contains("eval_loss")
        }
    }

    @Test func emptyLogs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("runlogs-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let empty = dir.appendingPathComponent("trainer_state.json").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: LogError.emptyLog(file: empty, key: nil)) { try LogReader.read(empty) }
        // A header and no rows: the key exists and has no values.
        let header = dir.appendingPathComponent("metrics.csv").path
        let text = try String(contentsOfFile: RunFixtures.path("lightning-per-epoch/csv/version_0/metrics.csv"), encoding: .utf8)
        try (text.components(separatedBy: "\r\n")[0] + "\r\n").write(toFile: header, atomically: true, encoding: .utf8)
        #expect(throws: LogError.emptyLog(file: header, key: "lr-SGD")) { try LogReader.read(header) }
        // A trainer_state.json whose log_history has no learning rate (an evaluation-only run).
        let noRates = dir.appendingPathComponent("state.json").path
        try #"{"log_history": [{"eval_loss": 0.5, "step": 10}], "max_steps": 10}"#.write(toFile: noRates, atomically: true, encoding: .utf8)
        #expect(throws: LogError.noLearningRateKey(file: noRates, keys: ["eval_loss"])) { try LogReader.read(noRates) }
    }

    @Test func unknownFormat() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString).txt").path
        try "epoch 1: loss 0.5\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            try LogReader.read(file)
        } throws: { error in
            guard case LogError.unknownFormat(file, let found) = error else { return false }
            return found.contains("epoch 1: loss 0.5")
        }
        #expect(throws: LogError.cannotRead(file: "/nonexistent/run", reason: "no such file or directory")) {
            try LogReader.read("/nonexistent/run")
        }
    }
}
