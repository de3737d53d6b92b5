import Plot

/// A logged series of a spec: `{"type": "log", "file": …, "key": …, "label": …, "plan": …}` in
/// `"schedules"`.
///
/// The log is read when the spec is charted or checked (`RunLogs` detects its format); it is
/// drawn on the learning-rate panel in the colour of the schedule it is compared with, and
/// `lrplot check` compares it with that schedule.
public struct LogEntry: Sendable, Equatable {
    /// Legend label; defaults to "<plan label> (logged)".
    public var label: String
    /// The log file or run directory as written in the spec.
    public var fileAsWritten: String
    /// The path to read: `fileAsWritten` relative to the spec file's directory.
    public var file: String
    /// The key to read (`"key"`), or `nil` for the log's only learning-rate key.
    public var key: String?
    /// The label of the schedule it is compared with (`"plan"`); `nil` when the spec has one
    /// schedule.
    public var plan: String?
    /// Index of that schedule in ``Spec/schedules``.
    public var planIndex: Int
    /// Its own colour, or `nil` for the plan's.
    public var color: RGBColor?
    /// JSON path of the entry (`schedules[1]`), for messages.
    public var path: String

    /// The `"type"` of a log entry.
    public static let type = "log"

    /// Keys a log entry may have.
    public static let keys = ["type", "file", "key", "label", "plan", "color"]
}
