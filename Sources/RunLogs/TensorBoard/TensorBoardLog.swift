import Foundation

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
        var seen: [String] = []
        var known = Set<String>()
        do {
            try forEachScalar { tag, _, _, _, _ in
                if known.insert(tag).inserted { seen.append(tag) }
            }
        } catch let error as LogError {
            throw error
        } catch {
            throw .cannotRead(file: file, reason: "\(error)")
        }
        return seen
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
        try forEachScalar { tag, step, value, precision, location in
            guard tag == key else { return }
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

    /// Calls `body` with every scalar of every file: tag, step, value, precision, location.
    func forEachScalar(_ body: (String, Int, Double, ValuePrecision, RecordLocation) throws -> Void) throws {
        for (index, path) in files.enumerated() {
            var reader = try TFRecordReader(path: path)
            var first = true
            while try reader.next({ offset, bytes in
                let event: Tensorboard_Event
                do {
                    let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
                                    count: bytes.count, deallocator: .none)
                    event = try Tensorboard_Event(serializedBytes: data)
                } catch {
                    throw LogError.malformedRecord(file: path, offset: offset, reason: "\(error)")
                }
                if first {
                    first = false
                    if case .fileVersion(let version)? = event.what, !version.hasPrefix("brain.Event:") {
                        throw LogError.malformedRecord(file: path, offset: offset, reason: "file_version \"\(version)\" is not brain.Event:*")
                    }
                }
                guard case .summary(let summary)? = event.what else { return }
                let step = Int(event.step)
                for value in summary.value {
                    let scalar: (Double, ValuePrecision)?
                    do { scalar = try TensorBoardScalar.value(of: value) } catch let error as TensorBoardScalar.ScalarError {
                        throw LogError.malformedRecord(file: path, offset: offset, reason: "tag \"\(value.tag)\": \(error.reason)")
                    }
                    guard let (v, precision) = scalar else { continue }
                    try body(value.tag, step, v, precision, RecordLocation(file: path, fileIndex: index, offset: offset))
                }
            }) {}
        }
    }
}
