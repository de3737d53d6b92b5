/// A problem with a schedule's parameters, located by its JSON path.
///
/// `path` is relative to the document being decoded, for example `schedules[2].gamma`; the
/// CLI adds the file name in front. `message` says what was expected and what was found.
public struct ScheduleError: Error, CustomStringConvertible, Equatable, Sendable {
    /// JSON path of the offending value, e.g. `schedules[2].gamma` (empty for the document itself).
    public var path: String
    /// What was wrong and what to write instead.
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
