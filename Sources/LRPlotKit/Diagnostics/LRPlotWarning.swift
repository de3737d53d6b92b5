import RunLogs
import Plot

/// Something the user should know that does not stop lrplot: a series that ends early
/// because its framework would raise there, a simulated run that diverged.
///
/// The executable alone turns a warning into text (`lrplot: warning: FILE: PATH (LABEL): …`).
public struct LRPlotWarning: Sendable, Equatable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        /// The framework would raise at `step` (`reason` is what it says); the series ends there.
        case scheduleStopped(step: Int, reason: String)
        /// The simulated training loss became NaN or infinite at `step`; the run ends there.
        case diverged(step: Int)
        /// A panel (`"show": show`) has nothing to draw and is left out of the chart.
        case panelLeftOut(show: String)
        /// A text did not fit the chart even wrapped and shrunk, and is shown shortened.
        case textShortened(role: TextRole, full: String, shown: String)
        /// Marker labels that found no room above their rules (the rules are drawn).
        case markerLabelsOmitted([String])
        /// Reading a logged series, the reader noticed something the chart does not show (steps
        /// logged again after a resume, the last values kept; points sorted; one parameter
        /// group's values of several). `file` is the log read.
        case logNote(file: String, note: LogNote)
    }

    /// The warning for what a chart's layout had to give up (see ``Plot/LayoutNotice``).
    public init(_ notice: LayoutNotice, file: String) {
        switch notice {
        case let .textShortened(role, full, shown):
            self.init(.textShortened(role: role, full: full, shown: shown),
                      location: SourceLocation(file: file, path: role == .title ? "title" : nil))
        case let .markerLabelsOmitted(labels):
            self.init(.markerLabelsOmitted(labels), location: SourceLocation(file: file, path: "markers"))
        }
    }

    public var kind: Kind
    /// The spec file and the JSON path concerned (`schedules[1]`, `panels[2]`).
    public var location: SourceLocation
    /// The label of the schedule concerned, as in the legend, if a schedule is.
    public var label: String?

    public init(_ kind: Kind, location: SourceLocation, label: String? = nil) {
        self.kind = kind
        self.location = location
        self.label = label
    }
}
