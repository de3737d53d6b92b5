import RunLogs

/// The points a check reads: a series in memory, or one key of a log streamed from disk on
/// every pass (memory independent of the log's length).
public struct CheckSource: @unchecked Sendable {
    public let file: String
    public let key: String
    public let format: LogFormat
    public let traits: SeriesTraits
    public let run: RunInfo
    /// An upper bound on the points a pass yields (the points in the file).
    public let count: Int
    /// Calls its argument with every point, ascending by step; returns the reader's notes.
    let pass: ((CheckPoint) throws -> Void) throws -> [LogNote]

    /// A series read into memory.
    public static func series(_ series: LoggedSeries) -> CheckSource {
        CheckSource(file: series.file, key: series.key, format: series.format,
                    traits: SeriesTraits(unit: series.unit, conventions: series.conventions), run: series.run,
                    count: series.points.count, pass: { body in
                        for p in series.points { try body(CheckPoint(step: p.step, value: p.value, precision: series.precision)) }
                        return series.notes
                    })
    }

    /// A log streamed from disk: this scans it once (the resume filter's first pass), and every
    /// pass of the check reads it again.
    public static func stream(_ stream: LoggedPointStream) throws(CheckError) -> CheckSource {
        let scan: LoggedPointStream.Scan
        do { scan = try stream.scan() } catch let error as LogError { throw .log(error) } catch {
            throw .log(.cannotRead(file: stream.log.file, reason: "\(error)"))
        }
        return CheckSource(file: stream.log.file, key: stream.key, format: stream.log.format,
                           traits: stream.log.traits(of: stream.key), run: stream.log.run, count: scan.rawCount,
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
