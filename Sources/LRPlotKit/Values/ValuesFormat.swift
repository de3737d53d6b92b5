/// How `lrplot values` prints the schedules' values.
public enum ValuesFormat: String, Sendable, CaseIterable {
    /// `step,<label>,…` then one row per step; a momentum column follows each schedule that
    /// sets momentum; an empty cell after a schedule has stopped.
    case csv
    /// `{"steps": [...], "series": [{"label": ..., "values": [...]}]}`; `null` after a stop.
    case json
}
