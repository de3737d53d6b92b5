import ConfigImport
import LRPlotKit
import Plot

/// The one place lrplot's diagnostics become text, in one style for every subcommand:
///
/// ```
/// lrplot: error: FILE:LINE:COLUMN: PATH: MESSAGE
/// lrplot: warning: FILE: PATH (LABEL): MESSAGE
/// ```
/// leaving out what a diagnostic does not know.
enum DiagnosticText {
    static let errorPrefix = "lrplot: error: "
    static let warningPrefix = "lrplot: warning: "
    static let notePrefix = "lrplot: note: "

    /// The line for an importer's note about `file`.
    static func note(_ note: ImportNote, file: String) -> String {
        var place = file
        if let location = note.location {
            if let line = location.line { place += ":\(line)" + (location.column.map { ":\($0)" } ?? "") }
            if !location.path.isEmpty { place += ": \(location.path)" }
        }
        return notePrefix + place + ": " + note.message
    }

    /// The line for `error`.
    static func error(_ error: LRPlotError) -> String {
        errorPrefix + located(error.location, subject: nil) + error.message
    }

    /// The line for `warning`.
    static func warning(_ warning: LRPlotWarning) -> String {
        let text: String
        switch warning.kind {
        case let .scheduleStopped(step, reason):
            text = "the framework raises at step \(step): \(reason); the series ends there"
        case let .diverged(step):
            text = "the loss diverged (NaN or infinity) at step \(step); the run stops there"
        case let .panelLeftOut(show):
            text = "nothing to draw in the \"\(show)\" panel (no schedule has a value there at every step); it is left out"
        case let .textShortened(role, full, shown):
            let what: String
            switch role {
            case .title: what = "the title"
            case .axisLabel: what = "an axis label"
            case .tick: what = "a tick label"
            case .legend: what = "a legend entry"
            case .marker: what = "a marker label"
            }
            let quoted = full.count > 60 ? String(full.prefix(57)) + "…" : full
            text = "\(what) (\"\(quoted)\", \(full.count) characters) does not fit even wrapped and shrunk; it is shown as \"\(shown)\": widen the chart, lower \"font_size\" or shorten the text"
        case let .logNote(file, note):
            text = "\(file): " + CheckText.note(note)
        case let .markerLabelsOmitted(labels):
            let listed = labels.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            let more = labels.count > 3 ? " and \(labels.count - 3) more" : ""
            text = "\(labels.count) marker label\(labels.count == 1 ? "" : "s") (\(listed)\(more)) left out: no free room above the rules, which are drawn; widen the chart or lower \"font_size\""
        }
        return warningPrefix + located(warning.location, subject: warning.label) + text
    }

    /// The lines for a command-line error that swift-argument-parser found: its message, then
    /// the usage it prints.
    static func argumentError(message: String, usage: String) -> String {
        var lines = [errorPrefix + message]
        if !usage.isEmpty { lines.append(usage) }
        return lines.joined(separator: "\n")
    }

    /// `FILE:LINE:COLUMN: PATH (SUBJECT): `, each part only when known.
    static func located(_ location: SourceLocation, subject: String?) -> String {
        var place = location.file ?? ""
        if let line = location.line {
            place += ":\(line)"
            if let column = location.column { place += ":\(column)" }
        }
        var text = place.isEmpty ? "" : place + ": "
        var path = location.path ?? ""
        if let subject { path += path.isEmpty ? "(\(subject))" : " (\(subject))" }
        if !path.isEmpty { text += path + ": " }
        return text
    }
}
