/// Something the layout had to give up to fit the chart, for the caller to report (lrplot
/// turns each into a warning): nothing is cut silently.
public enum LayoutNotice: Sendable, Equatable {
    /// A text did not fit even wrapped and shrunk, and is shown shortened with "…" (`shown`).
    case textShortened(role: TextRole, full: String, shown: String)
    /// Marker labels that found no free place above their rules (the rules are drawn).
    case markerLabelsOmitted([String])
}
