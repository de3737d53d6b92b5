/// A logged learning-rate (or other scalar) history, read from one log.
///
/// `points` are in ascending step order with one point per step: where a resumed run logged a
/// step again, the last value in file order is kept and ``notes`` says so.
public struct LoggedSeries: Sendable, Equatable {
    /// The file (or run directory) it was read from, as given.
    public var file: String
    /// The log's format.
    public var format: LogFormat
    /// The key (tag, column, metric name) the values were read from.
    public var key: String
    /// Every logged point, ascending by step, steps unique.
    public var points: [LoggedPoint]
    /// How precisely the values are stored (float32 for TensorBoard, the printed digits for
    /// text logs that round).
    public var precision: ValuePrecision
    /// What the steps count.
    public var unit: StepUnit
    /// The producer conventions that may have written this log, most likely first (see
    /// ``StepConvention``); transformers changed its convention in 4.51, and a
    /// `trainer_state.json` does not record the version, so it lists both.
    public var conventions: [StepConvention]
    /// What the reader noticed (repeated steps, several files).
    public var notes: [LogNote]
    /// Run settings the log records (transformers only).
    public var run: RunInfo

    public init(file: String, format: LogFormat, key: String, points: [LoggedPoint], precision: ValuePrecision,
                unit: StepUnit, conventions: [StepConvention], notes: [LogNote] = [], run: RunInfo = RunInfo()) {
        self.file = file
        self.format = format
        self.key = key
        self.points = points
        self.precision = precision
        self.unit = unit
        self.conventions = conventions
        self.notes = notes
        self.run = run
    }
}
