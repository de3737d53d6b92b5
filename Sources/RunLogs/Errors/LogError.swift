/// Why a log cannot be read: one case per problem, each naming the file, where in it (record
/// offset, line and column, or JSON path), what was expected, and (``fix``) what to do.
///
/// Readers throw these and never print; the executable words them.
public enum LogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or directory cannot be opened or read.
    case cannotRead(file: String, reason: String)
    /// Neither the content nor the name says which log this is.
    case unknownFormat(file: String, found: String)
    /// A TFRecord ends before its length, length CRC, data or data CRC does: the file was cut
    /// (a run still writing, a copy that stopped). `needed` bytes were expected at `offset`,
    /// `available` remain.
    case truncatedRecord(file: String, offset: Int, part: RecordPart, needed: Int, available: Int)
    /// A TFRecord's masked CRC32C does not match its bytes: the file is corrupt.
    case crcMismatch(file: String, offset: Int, part: RecordPart, stored: UInt32, computed: UInt32)
    /// A record's bytes are not an `Event` protobuf, or a scalar tensor cannot be read.
    case malformedRecord(file: String, offset: Int, reason: String)
    /// A JSON syntax error (line and column are 1-based).
    case jsonSyntax(file: String, line: Int, column: Int, message: String)
    /// A value of the wrong kind where the format needs one (`log_history` not a list, a step
    /// that is not a whole number).
    case unexpected(file: String, location: LogLocation, expected: String, found: String)
    /// A CSV row has no cell (or an empty one) where a value is needed: the `step` of a row that
    /// has the key's value, or a row shorter than the header.
    case missingCell(file: String, line: Int, column: String)
    /// A cell that must be a number is not.
    case nonNumericCell(file: String, line: Int, column: String, text: String)
    /// The key's value is NaN or infinite at a step.
    case nonFiniteValue(file: String, location: LogLocation, key: String, step: Int?, text: String)
    /// The key asked for is not in the log; `candidates` are the keys it has (learning-rate-like
    /// ones first), `suggestion` the closest by spelling.
    case unknownKey(file: String, key: String, candidates: [String], suggestion: String?)
    /// No key was given and the log has several learning-rate keys.
    case ambiguousKey(file: String, candidates: [String])
    /// No key was given and the log has no learning-rate key; `keys` are those it has.
    case noLearningRateKey(file: String, keys: [String])
    /// The log (or the key in it) has no values at all.
    case emptyLog(file: String, key: String?)
    /// A run directory holds several runs' event files and the key is in more than one.
    case severalRuns(file: String, runs: [String])

    /// Which part of a TFRecord: `uint64 length`, `uint32 masked_crc32c(length)`, `data`,
    /// `uint32 masked_crc32c(data)`.
    public enum RecordPart: String, Sendable, Equatable {
        case length = "length"
        case lengthCRC = "length CRC"
        case data = "data"
        case dataCRC = "data CRC"
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case .cannotRead(let f, _), .unknownFormat(let f, _), .truncatedRecord(let f, _, _, _, _),
             .crcMismatch(let f, _, _, _, _), .malformedRecord(let f, _, _), .jsonSyntax(let f, _, _, _),
             .unexpected(let f, _, _, _), .missingCell(let f, _, _), .nonNumericCell(let f, _, _, _),
             .nonFiniteValue(let f, _, _, _, _), .unknownKey(let f, _, _, _), .ambiguousKey(let f, _),
             .noLearningRateKey(let f, _), .emptyLog(let f, _), .severalRuns(let f, _):
            return f
        }
    }

    /// Where in the file, when the error is about one place.
    public var location: LogLocation? {
        switch self {
        case .truncatedRecord(_, let o, _, _, _), .crcMismatch(_, let o, _, _, _), .malformedRecord(_, let o, _):
            return .recordOffset(o)
        case .jsonSyntax(_, let l, let c, _): return .line(l, column: c)
        case .unexpected(_, let loc, _, _), .nonFiniteValue(_, let loc, _, _, _): return loc
        case .missingCell(_, let l, _), .nonNumericCell(_, let l, _, _): return .line(l, column: nil)
        default: return nil
        }
    }

    /// What went wrong, in one sentence without the file name.
    public var message: String {
        switch self {
        case .cannotRead(_, let reason): return "cannot read: \(reason)"
        case .unknownFormat(_, let found):
            return "not a log lrplot reads (found \(found)); expected a trainer_state.json, TensorBoard event file or run directory, Lightning metrics.csv, timm summary.csv, W&B panel CSV, MLflow metric file or JSON-lines log"
        case .truncatedRecord(_, let o, let part, let needed, let available):
            return "record at byte \(o) is truncated: its \(part.rawValue) needs \(needed) bytes, the file has \(available) left"
        case .crcMismatch(_, let o, let part, let stored, let computed):
            return "record at byte \(o): \(part.rawValue) mismatch (stored 0x\(hex(stored)), computed 0x\(hex(computed)))"
        case .malformedRecord(_, let o, let reason): return "record at byte \(o) is not a TensorBoard event: \(reason)"
        case .jsonSyntax(_, let l, let c, let m): return "line \(l), column \(c): \(m)"
        case .unexpected(_, let loc, let expected, let found): return "\(loc): expected \(expected), found \(found)"
        case .missingCell(_, let l, let column): return "line \(l): no value in column \"\(column)\""
        case .nonNumericCell(_, let l, let column, let text): return "line \(l): column \"\(column)\" holds \"\(text)\", not a number"
        case .nonFiniteValue(_, let loc, let key, let step, let text):
            return "\(loc): \"\(key)\" is \(text)" + (step.map { " at step \($0)" } ?? "")
        case .unknownKey(_, let key, let candidates, let suggestion):
            var m = "no key \"\(key)\""
            if let s = suggestion { m += "; did you mean \"\(s)\"?" }
            m += candidates.isEmpty ? " (the log has no scalar keys)" : " (keys: \(Self.list(candidates)))"
            return m
        case .ambiguousKey(_, let candidates):
            return "several learning-rate keys: \(Self.list(candidates))"
        case .noLearningRateKey(_, let keys):
            return "no learning-rate key" + (keys.isEmpty ? "" : " (keys: \(Self.list(keys)))")
        case .emptyLog(_, let key):
            return key.map { "no values for \"\($0)\"" } ?? "the log is empty"
        case .severalRuns(_, let runs):
            return "several runs hold this key: \(Self.list(runs))"
        }
    }

    /// What went wrong without the place ``location`` gives (for a message that prints the
    /// place itself): ``message`` less its leading line, column or JSON path.
    public var problem: String {
        switch self {
        case .jsonSyntax(_, _, _, let m): return m
        case .unexpected(_, _, let expected, let found): return "expected \(expected), found \(found)"
        case .missingCell(_, _, let column): return "no value in column \"\(column)\""
        case .nonNumericCell(_, _, let column, let text): return "column \"\(column)\" holds \"\(text)\", not a number"
        case .nonFiniteValue(_, _, let key, let step, let text):
            return "\"\(key)\" is \(text)" + (step.map { " at step \($0)" } ?? "")
        default: return message
        }
    }

    /// What the user can do about it.
    public var fix: String {
        switch self {
        case .cannotRead: return "check the path (relative paths in a spec are relative to the spec file)"
        case .unknownFormat: return "point \"file\" at the log itself (for TensorBoard, the events.out.tfevents.* file or its run directory)"
        case .truncatedRecord: return "the file was cut short; copy it again once the run has closed it"
        case .crcMismatch: return "the file is corrupt; copy it again from the run"
        case .malformedRecord: return "the file is corrupt or not a TensorBoard event file"
        case .jsonSyntax: return "the JSON is damaged; write it again or repair it at that line"
        case .unexpected: return "the file does not have the layout its format needs"
        case .missingCell: return "fill the cell or remove the row"
        case .nonNumericCell: return "write a number in the cell"
        case .nonFiniteValue: return "the run logged a non-finite learning rate; cut the log before that step"
        case .unknownKey: return "set \"key\" to one of the log's keys"
        case .ambiguousKey: return "set \"key\" to one of them"
        case .noLearningRateKey: return "set \"key\" to the key that holds the learning rate"
        case .emptyLog: return "log at least one value"
        case .severalRuns: return "point \"file\" at one run's directory"
        }
    }

    public var description: String { "\(file): \(message)" }

    private static func list(_ keys: [String]) -> String {
        let shown = keys.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        return keys.count > 12 ? shown + ", … (\(keys.count) in all)" : shown
    }
}

private func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, 8 - s.count)) + s
}
