/// Something the layout had to give up to fit the chart, for the caller to report: nothing
/// is cut silently.
public enum LayoutNotice: Sendable, Equatable, CustomStringConvertible {
    /// A text did not fit even wrapped and shrunk, and is shown shortened with "…".
    case textShortened(role: TextRole, full: String, shown: String)
    /// Marker labels that found no free place above their rules (the rules are drawn).
    case markerLabelsOmitted([String])

    public var description: String {
        switch self {
        case .textShortened(let role, let full, let shown):
            let what: String
            switch role {
            case .title: what = "the title"
            case .axisLabel: what = "an axis label"
            case .tick: what = "a tick label"
            case .legend: what = "a legend entry"
            case .marker: what = "a marker label"
            }
            let fullShown = full.count > 60 ? String(full.prefix(57)) + "…" : full
            return "\(what) does not fit the chart and is shortened to \"\(shown)\" (\(full.count) characters: \"\(fullShown)\"); widen the chart, lower the font size or shorten the text"
        case .markerLabelsOmitted(let labels):
            let listed = labels.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            let more = labels.count > 3 ? " and \(labels.count - 3) more" : ""
            return "\(labels.count) marker label\(labels.count == 1 ? "" : "s") (\(listed)\(more)) left out: no free room above the rules; widen the chart or shorten the labels"
        }
    }
}
