import Foundation

/// MLflow's file store (`mlflow.store.tracking.file_store.FileStore`): a run's metric `key` is
/// the file `mlruns/<experiment>/<run>/metrics/<key>` (a `/` in the key makes folders), one
/// line per logged value: `<timestamp ms> <value> <step>`, written as
/// `"%s %s %s\n" % (timestamp, value, step)`, so the value is Python's `str(float)`:
/// ``ValuePrecision/float64``.
///
/// What step a learning rate is logged at is the script's choice (`mlflow.log_metric("lr",
/// …, step=…)`); ``StepConvention/nextStepRate`` is assumed, as for a `SummaryWriter`.
/// The path may be a metric file, the `metrics` folder, or the run folder holding it.
public struct MLflowMetricLog: ScalarLog {
    public let file: String
    public var format: LogFormat { .mlflowMetric }
    public var run: RunInfo { RunInfo() }
    /// Metric key → file.
    private let metricFiles: [(key: String, path: String)]
    public var files: [String] { metricFiles.map(\.path) }

    public init(path: String) throws(LogError) {
        self.file = path
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotRead(file: path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else {
            // The key is the path below the nearest `metrics` folder, or the file name.
            let parts = path.split(separator: "/").map(String.init)
            let key: String
            if let m = parts.lastIndex(of: "metrics"), m < parts.count - 1 {
                key = parts[(m + 1)...].joined(separator: "/")
            } else {
                key = parts.last ?? path
            }
            self.metricFiles = [(key, path)]
            return
        }
        let metricsDirectory = (path as NSString).lastPathComponent == "metrics" ? path : (path as NSString).appendingPathComponent("metrics")
        guard fm.fileExists(atPath: metricsDirectory) else {
            throw .unknownFormat(file: path, found: "a directory without a metrics/ folder")
        }
        var found: [(String, String)] = []
        if let walker = fm.enumerator(atPath: metricsDirectory) {
            while let relative = walker.nextObject() as? String {
                let full = (metricsDirectory as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { found.append((relative, full)) }
            }
        }
        self.metricFiles = found.sorted { $0.0 < $1.0 }
    }

    public func keys() throws(LogError) -> [String] { metricFiles.map(\.key) }

    public func traits(of key: String) -> SeriesTraits { SeriesTraits(unit: .step, conventions: [.nextStepRate]) }

    public func forEachPoint(key: String, _ body: (RawLoggedPoint) throws -> Void) throws {
        guard let path = metricFiles.first(where: { $0.key == key })?.path else {
            throw LogError.unknownKey(file: file, key: key, candidates: try keys(), suggestion: nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError.cannotRead(file: path, reason: "not readable")
        }
        let text = String(decoding: data, as: UTF8.self)
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 3 || fields.count == 2 else {
                throw LogError.unexpected(file: path, location: .line(number, column: nil), expected: "\"<timestamp> <value> <step>\"", found: "\"\(line.prefix(60))\"")
            }
            let valueText = String(fields[1]).trimmingCharacters(in: .whitespacesAndNewlines)
            // Files from MLflow before 1.0 have no step; their step is 0, as MLflow reads them.
            let stepText = fields.count == 3 ? String(fields[2]).trimmingCharacters(in: .whitespacesAndNewlines) : "0"
            guard let step = Int(stepText) else {
                throw LogError.nonNumericCell(file: path, line: number, column: "step", text: stepText)
            }
            guard let value = CSVTable.number(valueText) else {
                throw LogError.nonNumericCell(file: path, line: number, column: "value", text: valueText)
            }
            guard value.isFinite else {
                throw LogError.nonFiniteValue(file: path, location: .line(number, column: nil), key: key, step: step, text: valueText)
            }
            try body(RawLoggedPoint(step: step, value: value, location: .line(number, column: nil), precision: .float64))
        }
    }
}
