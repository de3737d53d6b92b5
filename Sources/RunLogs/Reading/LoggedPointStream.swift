/// One key of a log as the points a check compares: repeats from resumed runs removed (the last
/// value of each step kept), ascending by step, streamed in two passes over the file.
///
/// Memory is independent of the log's length: a 10⁶-point TensorBoard file is read twice
/// through a 1 MiB buffer.
public struct LoggedPointStream: Sendable {
    public let log: any ScalarLog
    public let key: String

    public init(log: any ScalarLog, key: String) {
        self.log = log
        self.key = key
    }

    /// What a first pass learned.
    public struct Scan: Sendable {
        fileprivate var filter: ResumeFilter
        /// Points in the file (repeats included).
        public var rawCount: Int { filter.count }
        /// Times the step went back.
        public var resumes: Int { filter.resumes }
    }

    /// Pass 1: reads every point's step.
    ///
    /// - Throws: ``LogError/unknownKey(file:key:candidates:suggestion:)`` when the log has no
    ///   point of the key and does not have the key at all (listing the keys it has).
    public func scan() throws -> Scan {
        var filter = ResumeFilter()
        try log.forEachPoint(key: key) { filter.observe($0.step) }
        filter.finish()
        if filter.count == 0 { try Self.checkKey(key, in: log) }
        return Scan(filter: filter)
    }

    /// Throws the unknown-key error when `key` is not among the log's keys.
    public static func checkKey(_ key: String, in log: any ScalarLog) throws(LogError) {
        let keys = try log.keys()
        if !keys.contains(key) { _ = try KeySelector.select(key, from: keys, file: log.file) }
    }

    /// Pass 2: calls `body` with each kept point, ascending by step; returns the notes
    /// (repeated steps, several files).
    ///
    /// - Throws: ``LogError/emptyLog(file:key:)`` when the key has no points, and what the log
    ///   or `body` throws.
    @discardableResult
    public func forEachKeptPoint(_ scan: Scan, _ body: (RawLoggedPoint) throws -> Void) throws -> [LogNote] {
        guard scan.rawCount > 0 else { throw LogError.emptyLog(file: log.file, key: key) }
        var filter = scan.filter
        try log.forEachPoint(key: key) { point in
            if filter.keep(point.step) { try body(point) }
        }
        var notes: [LogNote] = []
        if let note = filter.note { notes.append(note) }
        if log.format == .tensorBoard && log.files.count > 1 { notes.append(.multipleFiles(count: log.files.count)) }
        return notes
    }

    /// Both passes: the whole series in memory.
    public func series() throws -> LoggedSeries {
        let scan = try scan()
        var points: [LoggedPoint] = []
        points.reserveCapacity(scan.rawCount)
        var precision: ValuePrecision?
        let notes = try forEachKeptPoint(scan) { p in
            points.append(LoggedPoint(step: p.step, value: p.value))
            precision = precision.map { Self.coarser($0, p.precision) } ?? p.precision
        }
        let traits = log.traits(of: key)
        return LoggedSeries(file: log.file, format: log.format, key: key, points: points,
                            precision: precision ?? .float64, unit: traits.unit, conventions: traits.conventions,
                            notes: notes, run: log.run)
    }

    /// The less precise of two precisions (for a series whose values mix them).
    static func coarser(_ a: ValuePrecision, _ b: ValuePrecision) -> ValuePrecision {
        a.halfUnit(at: 1) >= b.halfUnit(at: 1) ? a : b
    }
}
