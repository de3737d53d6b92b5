import Foundation
import SwiftProtobuf

/// A TensorBoard log: one `events.out.tfevents.*` file, or a run directory whose event files are
/// read in name order (their names start with the creation time), as one series.
///
/// Every record's length and data CRCs are checked. Scalars are read from `simple_value` or a
/// one-element `tensor` (see ``TensorBoardScalar``). Records are streamed through a 1 MiB
/// buffer on every pass; nothing is kept.
///
/// Conventions by tag: Keras's `epoch_*` tags count epochs and log the rate after the epoch
/// (``StepConvention/kerasEpochEnd``); transformers' `train/learning_rate` follows one of its
/// two conventions (``StepConvention/transformersBefore451`` or
/// ``StepConvention/transformersSince451``); other tags (Lightning's `lr-<Optimizer>`, a
/// script's `SummaryWriter`) are taken as plan step = logged step.
public struct TensorBoardLog: ScalarLog {
    public let file: String
    public let files: [String]
    public var format: LogFormat { .tensorBoard }
    public var run: RunInfo { RunInfo() }

    /// Opens a file, or a run directory.
    ///
    /// A directory's own event files are its run. A directory without any (a `runs/` or
    /// `lightning_logs/` folder) is searched below; when several run directories are found,
    /// ``LogError/severalRuns(file:runs:)`` names them unless `key` is given and only one run
    /// has it.
    public init(path: String, key: String? = nil) throws(LogError) {
        self.file = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotRead(file: path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else {
            self.files = [path]
            return
        }
        let groups = Self.eventFileGroups(under: path)
        guard !groups.isEmpty else {
            throw .unknownFormat(file: path, found: "a directory without events.out.tfevents.* files")
        }
        if groups.count == 1 {
            self.files = groups[0].files
            return
        }
        if let key {
            var holders: [[String]] = []
            for group in groups {
                let log = TensorBoardLog(file: group.directory, files: group.files)
                if try log.keys().contains(key) { holders.append(group.files) }
            }
            if holders.count == 1 {
                self.files = holders[0]
                return
            }
        }
        throw .severalRuns(file: path, runs: groups.map { $0.directory })
    }

    private init(file: String, files: [String]) {
        self.file = file
        self.files = files
    }

    /// Event files grouped by directory: the directory's own if it has any, else those of each
    /// directory below (at most four levels), each group in name order.
    static func eventFileGroups(under root: String) -> [(directory: String, files: [String])] {
        let fm = FileManager.default
        func own(_ dir: String) -> [String] {
            let names = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            return names.filter { $0.hasPrefix("events.out.tfevents.") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
        }
        let top = own(root)
        if !top.isEmpty { return [(root, top)] }
        var groups: [(String, [String])] = []
        func walk(_ dir: String, depth: Int) {
            guard depth <= 4 else { return }
            let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            for name in names {
                let sub = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: sub, isDirectory: &isDir), isDir.boolValue else { continue }
                let files = own(sub)
                if !files.isEmpty { groups.append((sub, files)) }
                walk(sub, depth: depth + 1)
            }
        }
        walk(root, depth: 1)
        return groups
    }

    public func keys() throws(LogError) -> [String] {
        // Tags as bytes, so a record whose tag was seen costs no string.
        var seen: [[UInt8]] = []
        do {
            try forEachScalar(matching: nil) { tag, _, _, _, _ in
                if !seen.contains(where: { $0.elementsEqual(tag) }) { seen.append(Array(tag)) }
            }
        } catch let error as LogError {
            throw error
        } catch {
            throw .cannotRead(file: file, reason: "\(error)")
        }
        return seen.map { String(decoding: $0, as: UTF8.self) }
    }

    public func traits(of key: String) -> SeriesTraits {
        if key.hasPrefix("epoch_") {
            return SeriesTraits(unit: .epoch, conventions: [.kerasEpochEnd])
        }
        if key == "train/learning_rate" {
            return SeriesTraits(unit: .step, conventions: [.transformersSince451, .transformersBefore451])
        }
        return SeriesTraits(unit: .step, conventions: [.nextStepRate])
    }

    public func forEachPoint(key: String, _ body: (RawLoggedPoint) throws -> Void) throws {
        try forEachScalar(matching: Array(key.utf8)) { _, step, value, precision, location in
            guard value.isFinite else {
                throw LogError.nonFiniteValue(file: location.file, location: .recordOffset(location.offset), key: key,
                                              step: step, text: value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf"))
            }
            try body(RawLoggedPoint(step: step, value: value, fileIndex: location.fileIndex,
                                    location: .recordOffset(location.offset), precision: precision))
        }
    }

    /// Where a scalar was found.
    struct RecordLocation {
        var file: String
        var fileIndex: Int
        var offset: Int
    }

    /// Calls `body` with every scalar of every file whose tag is `key` (every scalar when
    /// `key` is `nil`): tag bytes, step, value, precision, location.
    ///
    /// Records are read by ``ScalarEventScanner``; a `tensor` value is decoded with the
    /// generated `Tensorboard_Summary.Value` and read by ``TensorBoardScalar``.
    func forEachScalar(matching key: [UInt8]?,
                       _ body: (UnsafeRawBufferPointer, Int, Double, ValuePrecision, RecordLocation) throws -> Void) throws {
        for (index, path) in files.enumerated() {
            var reader = try TFRecordReader(path: path)
            var first = true
            try reader.forEachRecord { offset, bytes in
                let what: ScalarEventScanner.What
                do {
                    what = try ScalarEventScanner.scan(bytes) { tag, kind, valueBytes, step in
                        if let key, !tag.elementsEqual(key) { return }
                        let scalar: (Double, ValuePrecision)
                        switch kind {
                        case .simple(let f):
                            scalar = (Double(f), .float32)
                        case .tensor:
                            let decoded = try Tensorboard_Summary.Value(serializedBytes: Data(valueBytes))
                            guard let s = try TensorBoardScalar.value(of: decoded) else { return }
                            scalar = s
                        case .none, .other:
                            return
                        }
                        try body(tag, Int(step), scalar.0, scalar.1, RecordLocation(file: path, fileIndex: index, offset: offset))
                    }
                } catch let error as ScalarEventScanner.Malformed {
                    throw LogError.malformedRecord(file: path, offset: offset, reason: error.reason)
                } catch let error as TensorBoardScalar.ScalarError {
                    throw LogError.malformedRecord(file: path, offset: offset, reason: error.reason)
                } catch let error as LogError {
                    throw error
                } catch let error as SwiftProtobuf.BinaryDecodingError {
                    throw LogError.malformedRecord(file: path, offset: offset, reason: "\(error)")
                }
                if first {
                    first = false
                    if case .fileVersion(let version) = what, !version.hasPrefix("brain.Event:") {
                        throw LogError.malformedRecord(file: path, offset: offset, reason: "file_version \"\(version)\" is not brain.Event:*")
                    }
                }
            }
        }
    }

    /// Every scalar of every file decoded with the generated swift-protobuf types (the
    /// reference the scanner is tested against): tag, step, value, precision.
    func forEachScalarDecodingEvents(_ body: (String, Int, Double, ValuePrecision) throws -> Void) throws {
        for path in files {
            var reader = try TFRecordReader(path: path)
            try reader.forEachRecord { offset, bytes in
                let event = try Tensorboard_Event(serializedBytes: Data(bytes))
                guard case .summary(let summary)? = event.what else { return }
                for value in summary.value {
                    guard let (v, precision) = try TensorBoardScalar.value(of: value) else { continue }
                    try body(value.tag, Int(event.step), v, precision)
                }
            }
        }
    }
}
