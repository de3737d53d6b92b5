import ScheduleCore

/// Builds a schedule from a JSON schedule object through the standard catalog, as a spec
/// would at JSON path `path`.
public func makeSchedule(_ json: String, path: String = "") throws -> any Schedule {
    try ScheduleCatalog.standard.make(try JSONParser.parse(json), path: path)
}

/// The description of the error building `json` throws (a ``ScheduleError`` names its path),
/// or `nil` when it builds.
public func buildError(_ json: String, path: String = "") -> String? {
    do {
        _ = try makeSchedule(json, path: path)
        return nil
    } catch {
        return "\(error)"
    }
}
