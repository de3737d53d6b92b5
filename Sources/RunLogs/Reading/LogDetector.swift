import Foundation

/// Decides a log's format from its content first and its name second.
///
/// Content: a run directory with event files or a `metrics/` folder; a TFRecord header whose
/// length CRC checks; a JSON object with `log_history`; a first line that is a whole JSON
/// object; `<integer> <number> <integer>` lines; a CSV header with `step`, `Step` + `" - "`
/// columns, or `epoch` first. Name (when the content says nothing, e.g. a damaged first
/// record): `events.out.tfevents.*`, `trainer_state.json`, `metrics.json`, `scalars.json`,
/// `*.jsonl`, `metrics.csv`, `summary.csv`.
public enum LogDetector {
    /// How many bytes of a file are looked at.
    static let headLength = 64 * 1024

    /// The format of the log at `path`.
    ///
    /// - Throws: ``LogError/cannotRead(file:reason:)``, ``LogError/emptyLog(file:key:)`` for an
    ///   empty file, ``LogError/unknownFormat(file:found:)``.
    public static func detect(_ path: String) throws(LogError) -> LogFormat {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotRead(file: path, reason: "no such file or directory")
        }
        if isDirectory.boolValue {
            if !TensorBoardLog.eventFileGroups(under: path).isEmpty { return .tensorBoard }
            if (path as NSString).lastPathComponent == "metrics" || fm.fileExists(atPath: (path as NSString).appendingPathComponent("metrics")) {
                return .mlflowMetric
            }
            throw .unknownFormat(file: path, found: "a directory without TensorBoard event files or an MLflow metrics/ folder")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(file: path, reason: "not readable")
        }
        defer { try? handle.close() }
        let head: [UInt8]
        do { head = Array(try handle.read(upToCount: headLength) ?? Data()) } catch {
            throw .cannotRead(file: path, reason: error.localizedDescription)
        }
        let name = (path as NSString).lastPathComponent
        if head.isEmpty { throw .emptyLog(file: path, key: nil) }
        if let format = fromContent(head) { return format }
        if let format = fromName(name) { return format }
        throw .unknownFormat(file: path, found: describe(head))
    }

    /// The format the first bytes of a file show, if they show one.
    static func fromContent(_ head: [UInt8]) -> LogFormat? {
        if TFRecordReader.looksLikeTFRecord(head) { return .tensorBoard }
        let text = String(decoding: head, as: UTF8.self)
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("{") {
            if trimmed.contains("\"log_history\"") { return .trainerState }
            let firstLine = trimmed.prefix(while: { $0 != "\n" })
            if (try? PythonJSON.parse(firstLine, file: "")) != nil { return .jsonLines }
            return nil
        }
        let lines = trimmed.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: true).prefix(8)
        if let first = lines.first {
            let complete = lines.count > 1 ? Array(lines.dropLast()) : [first]
            if complete.allSatisfy(isMLflowLine) { return .mlflowMetric }
            if first.contains(",") {
                let header = first.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r \u{FEFF}"))
                }
                return CSVLog.detect(header: header)
            }
        }
        return nil
    }

    private static func isMLflowLine(_ line: Substring) -> Bool {
        let fields = line.split(separator: " ")
        guard fields.count == 3 else { return false }
        return Int(fields[0]) != nil && CSVTable.number(String(fields[1])) != nil
            && Int(fields[2].trimmingCharacters(in: .whitespacesAndNewlines)) != nil
    }

    /// The format a file name suggests.
    static func fromName(_ name: String) -> LogFormat? {
        if name.hasPrefix("events.out.tfevents.") { return .tensorBoard }
        switch name {
        case "trainer_state.json": return .trainerState
        case "metrics.json", "scalars.json": return .jsonLines
        case "metrics.csv": return .lightningCSV
        case "summary.csv": return .timmSummary
        default: break
        }
        if name.hasSuffix(".jsonl") { return .jsonLines }
        return nil
    }

    private static func describe(_ head: [UInt8]) -> String {
        let printable = head.prefix(40).allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if printable {
            let line = String(decoding: head.prefix(60), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return "text starting \"\(line)\""
        }
        return "binary data that is not a TFRecord"
    }
}
