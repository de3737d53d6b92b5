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
