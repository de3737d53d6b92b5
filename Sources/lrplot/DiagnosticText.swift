import LRPlotKit

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
