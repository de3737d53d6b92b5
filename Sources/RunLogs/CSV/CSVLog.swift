/// The CSV logs: Lightning's `metrics.csv`, timm's `summary.csv` and a W&B panel export.
///
/// - **Lightning `CSVLogger`** (`lightning.fabric.loggers.csv_logs._ExperimentWriter`): a
///   `step` column and one column per metric, sorted by name; a row has only the metrics that
///   one `log_metrics` call had, the other cells are empty. `LearningRateMonitor` names its
///   columns `lr-<Optimizer>` (`lr-<Optimizer>/pg<i>` with several parameter groups,
///   `lr-<Optimizer>-momentum` with `log_momentum`) and logs in `on_train_batch_start` with
///   `step = _batches_that_stepped`, the optimizer steps taken so far: the rate the coming
///   step uses, plan step s (``StepConvention/nextStepRate``). Floats are Python `repr`s:
///   ``ValuePrecision/float64``.
/// - **timm `summary.csv`** (`timm.utils.summary.update_summary`): one row per epoch, `epoch`
///   first, then `train_*`, `eval_*` and `lr` (the mean of the parameter groups' rates, taken
///   after the epoch's updates and before `lr_scheduler.step(epoch + 1)`): plan step e for a
///   per-epoch schedule (``StepConvention/timmEpoch``). ``ValuePrecision/float64``.
/// - **W&B panel export** (a chart's "Download CSV"): `Step`, then `"<run> - <metric>"` with
///   `__MIN` and `__MAX` companions (the min and max of the points a downsampled bucket
///   held); empty where a run has no point. The export's rounding is not documented, so each
///   value is known to half a unit in its own last printed place (`0.09` → ±0.005;
///   ``ValuePrecision/printedDecimal(lastPlace:)``).
public struct CSVLog: ScalarLog {
    public let file: String
    public var files: [String] { [file] }
    public let format: LogFormat
    public var run: RunInfo { RunInfo() }
    private let table: CSVTable
    /// The column the steps are in.
    private let stepColumn: Int

    /// Reads `file` as `format` (one of the CSV formats; `nil` detects it from the header).
    public init(file: String, format: LogFormat? = nil) throws(LogError) {
        let table = try CSVTable.read(file)
        let detected = format ?? Self.detect(header: table.header)
        guard let detected else {
            throw .unknownFormat(file: file, found: "a CSV whose header (\(table.header.prefix(6).joined(separator: ","))) has no step, Step or epoch column")
        }
        let stepName: String
        switch detected {
        case .lightningCSV: stepName = "step"
        case .timmSummary: stepName = "epoch"
        case .wandbPanelCSV: stepName = "Step"
        default: throw .unknownFormat(file: file, found: "a CSV, read as \(detected)")
        }
        guard let column = table.header.firstIndex(of: stepName) else {
            throw .unexpected(file: file, location: .line(1, column: nil), expected: "a \"\(stepName)\" column", found: "columns \(table.header.joined(separator: ","))")
        }
        self.file = file
        self.format = detected
        self.table = table
        self.stepColumn = column
    }

    /// The CSV format a header belongs to.
    static func detect(header: [String]) -> LogFormat? {
        if header.contains("Step") && header.contains(where: { $0.contains(" - ") }) { return .wandbPanelCSV }
        if header.contains("step") { return .lightningCSV }
        if header.first == "epoch" { return .timmSummary }
        return nil
    }

    public func keys() throws(LogError) -> [String] {
        table.header.enumerated().filter { i, name in
            guard i != stepColumn else { return false }
            switch format {
            case .lightningCSV: return name != "epoch"
            case .wandbPanelCSV: return !name.hasSuffix("__MIN") && !name.hasSuffix("__MAX")
            default: return true
            }
        }.map(\.element)
    }

    public func traits(of key: String) -> SeriesTraits {
        switch format {
        case .timmSummary: return SeriesTraits(unit: .epoch, conventions: [.timmEpoch])
        case .wandbPanelCSV where key.hasSuffix("train/learning_rate"):
            return SeriesTraits(unit: .step, conventions: [.transformersSince451, .transformersBefore451])
        default: return SeriesTraits(unit: .step, conventions: [.nextStepRate])
        }
    }

    public func forEachPoint(key: String, _ body: (RawLoggedPoint) throws -> Void) throws {
        guard let column = table.header.firstIndex(of: key) else {
            throw LogError.unknownKey(file: file, key: key, candidates: try keys(), suggestion: nil)
        }
        let stepName = table.header[stepColumn]
        for (line, cells) in table.rows {
            guard column < cells.count else {
                // A short row: Lightning and W&B write every column, so this is damage.
                throw LogError.missingCell(file: file, line: line, column: key)
            }
            let text = cells[column]
            if text.isEmpty { continue }
            guard let value = CSVTable.number(text) else {
                throw LogError.nonNumericCell(file: file, line: line, column: key, text: text)
            }
            guard stepColumn < cells.count, !cells[stepColumn].isEmpty else {
                throw LogError.missingCell(file: file, line: line, column: stepName)
            }
            let stepText = cells[stepColumn]
            guard let stepNumber = CSVTable.number(stepText) else {
                throw LogError.nonNumericCell(file: file, line: line, column: stepName, text: stepText)
            }
            guard stepNumber.isFinite, stepNumber == stepNumber.rounded(), abs(stepNumber) < 9.0e15 else {
                throw LogError.unexpected(file: file, location: .line(line, column: stepColumn + 1),
                                          expected: "a whole number (a step) in column \"\(stepName)\"", found: "\"\(stepText)\"")
            }
            guard value.isFinite else {
                throw LogError.nonFiniteValue(file: file, location: .line(line, column: column + 1), key: key, step: Int(stepNumber), text: text)
            }
            // W&B's export rounds: each value is known to half a unit in its own last printed place.
            let precision: ValuePrecision = format == .wandbPanelCSV
                ? CSVTable.lastPrintedPlace(text).map { .printedDecimal(lastPlace: $0) } ?? .float64
                : .float64
            try body(RawLoggedPoint(step: Int(stepNumber), value: value, location: .line(line, column: column + 1), precision: precision))
        }
    }
}
