import Foundation

/// Reads logs: opens any supported format (detected, or as given) and reads one key's series.
///
/// ```swift
/// let series = try LogReader.read("run/trainer_state.json")          // the only learning-rate key
/// let lr = try LogReader.read("runs/Mar24", key: "train/learning_rate")
/// let stream = try LogReader.stream("events.out.tfevents.1", key: nil) // 10⁶ points, O(1) memory
/// ```
public enum LogReader {
    /// Opens the log at `path`.
    ///
    /// - Parameters:
    ///   - format: the format, or `nil` to detect it (``LogDetector``).
    ///   - key: for a TensorBoard folder holding several runs, the key that picks the run.
    public static func open(_ path: String, format formatGiven: LogFormat? = nil, key: String? = nil) throws(LogError) -> any ScalarLog {
        let format: LogFormat
        if let given = formatGiven { format = given } else { format = try LogDetector.detect(path) }
        switch format {
        case .tensorBoard:
            return try TensorBoardLog(path: path, key: key)
        case .mlflowMetric:
            return try MLflowMetricLog(path: path)
        case .lightningCSV, .timmSummary, .wandbPanelCSV:
            return try CSVLog(file: path, format: format)
        case .trainerState:
            return try TrainerStateLog(file: path, text: try text(of: path))
        case .jsonLines:
            return try JSONLinesLog(file: path, text: try text(of: path))
        }
    }

    /// A key of the log at `path` as a two-pass stream of its kept points (see
    /// ``LoggedPointStream``): memory independent of the log's length.
    ///
    /// - Parameter key: the key, or `nil` for the only learning-rate key.
    ///
    /// A key that is given is not looked up first (that would be a pass over a TensorBoard
    /// file); a pass that finds no point of it reports ``LogError/unknownKey(file:key:candidates:suggestion:)``.
    public static func stream(_ path: String, key: String? = nil, format: LogFormat? = nil) throws(LogError) -> LoggedPointStream {
        let log = try open(path, format: format, key: key)
        if let key, log.format == .tensorBoard { return LoggedPointStream(log: log, key: key) }
        let chosen = try KeySelector.select(key, from: try log.keys(), file: path)
        return LoggedPointStream(log: log, key: chosen)
    }

    /// One key of the log at `path`, in memory: ascending steps, the last value of a repeated
    /// step kept (with a ``LogNote/repeatedSteps(count:firstStep:lastStep:resumes:)`` note).
    ///
    /// - Parameter key: the key, or `nil` for the only learning-rate key.
    /// - Throws: ``LogError``.
    public static func read(_ path: String, key: String? = nil, format: LogFormat? = nil) throws(LogError) -> LoggedSeries {
        let stream = try stream(path, key: key, format: format)
        do {
            return try stream.series()
        } catch let error as LogError {
            throw error
        } catch {
            throw .cannotRead(file: path, reason: "\(error)")
        }
    }

    private static func text(of path: String) throws(LogError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(file: path, reason: "no such file or not readable")
        }
        if data.isEmpty { throw .emptyLog(file: path, key: nil) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .cannotRead(file: path, reason: "not UTF-8 text")
        }
        return text
    }
}
