/// One logged value: the value a run recorded at a step.
public struct LoggedPoint: Sendable, Equatable {
    /// The step the producer recorded the value at, in the producer's unit (``StepUnit``): a
    /// global step for most loggers, an epoch for timm's `summary.csv` and Keras's `epoch_*`
    /// scalars. What plan step it corresponds to is the producer's ``StepConvention``.
    public var step: Int
    /// The value as stored (a binary32 widened to `Double` for TensorBoard).
    public var value: Double

    public init(step: Int, value: Double) {
        self.step = step
        self.value = value
    }
}

/// Where a point or a problem sits in its file.
public enum LogLocation: Sendable, Equatable, CustomStringConvertible {
    /// A TFRecord's first byte (TensorBoard).
    case recordOffset(Int)
    /// A line, and a column when known (1-based), of a text log.
    case line(Int, column: Int?)
    /// A JSON path inside a whole-document JSON log (`log_history[12].learning_rate`).
    case jsonPath(String)

    public var description: String {
        switch self {
        case .recordOffset(let o): return "record at byte \(o)"
        case .line(let l, let c?): return "line \(l), column \(c)"
        case .line(let l, nil): return "line \(l)"
        case .jsonPath(let p): return p
        }
    }
}

/// A point as it comes out of the file, in file order, with where it was found.
public struct RawLoggedPoint: Sendable, Equatable {
    public var step: Int
    public var value: Double
    /// Which file of a run directory it came from (index into the log's file list).
    public var fileIndex: Int
    public var location: LogLocation
    /// How precisely this value is stored.
    public var precision: ValuePrecision

    public init(step: Int, value: Double, fileIndex: Int = 0, location: LogLocation, precision: ValuePrecision) {
        self.step = step
        self.value = value
        self.fileIndex = fileIndex
        self.location = location
        self.precision = precision
    }
}
