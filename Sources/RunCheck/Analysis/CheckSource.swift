import RunLogs

/// The points a check reads: a series in memory, or one key of a log streamed from disk on
/// every pass (memory independent of the log's length).
public struct CheckSource: @unchecked Sendable {
    public let file: String
    public let key: String
    public let format: LogFormat
    public let traits: SeriesTraits
    public let run: RunInfo
    /// An upper bound on the points a pass yields when known before reading (0: unknown).
    public let count: Int
    /// The stream to filter when its steps go back.
    let stream: LoggedPointStream?
    /// Calls its argument with every point, ascending by step; returns the reader's notes.
    let pass: ((CheckPoint) throws -> Void) throws -> [LogNote]

    /// A series read into memory.
    public static func series(_ series: LoggedSeries) -> CheckSource {
        CheckSource(file: series.file, key: series.key, format: series.format,
                    traits: SeriesTraits(unit: series.unit, conventions: series.conventions), run: series.run,
                    count: series.points.count, stream: nil, pass: { body in
                        for p in series.points { try body(CheckPoint(step: p.step, value: p.value, precision: series.precision)) }
                        return series.notes
                    })
    }

    /// A log streamed from disk, read again on every pass of the check.
    ///
    /// The first pass assumes the steps only increase (one pass over the file). When a step
    /// goes back (a resumed run), the pass stops with ``StepsWentBack`` and the check starts
    /// again on ``filteringResumes()``, which scans the file first and then keeps the last value
    /// of each step (``LoggedPointStream``).
    public static func stream(_ stream: LoggedPointStream) -> CheckSource {
        CheckSource(file: stream.log.file, key: stream.key, format: stream.log.format,
                    traits: stream.log.traits(of: stream.key), run: stream.log.run, count: 0, stream: stream,
                    pass: { body in
                        var previous: Int?
                        var count = 0
                        try stream.log.forEachPoint(key: stream.key) { p in
                            if let previous, p.step <= previous { throw StepsWentBack() }
                            previous = p.step
                            count += 1
                            try body(CheckPoint(step: p.step, value: p.value, precision: p.precision))
                        }
                        if count == 0 {
                            try LoggedPointStream.checkKey(stream.key, in: stream.log)
                            throw LogError.emptyLog(file: stream.log.file, key: stream.key)
                        }
                        return stream.log.format == .tensorBoard && stream.log.files.count > 1
                            ? [.multipleFiles(count: stream.log.files.count)] : []
                    })
    }

    /// Thrown by a first pass that meets a step at or below the one before.
    struct StepsWentBack: Error {}

    /// The same log read through the resume filter: scans it once now.
    func filteringResumes() throws(CheckError) -> CheckSource {
        guard let stream else { return self }
        let scan: LoggedPointStream.Scan
        do { scan = try stream.scan() } catch let error as LogError { throw .log(error) } catch {
            throw .log(.cannotRead(file: stream.log.file, reason: "\(error)"))
        }
        return CheckSource(file: file, key: key, format: format, traits: traits, run: run, count: scan.rawCount, stream: nil,
                           pass: { body in
                               try stream.forEachKeptPoint(scan) { p in
                                   try body(CheckPoint(step: p.step, value: p.value, precision: p.precision))
                               }
                           })
    }
}

/// One logged point as a check sees it.
struct CheckPoint {
    var step: Int
    var value: Double
    var precision: ValuePrecision
}
