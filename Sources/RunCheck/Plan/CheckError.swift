import RunLogs

/// Why a check cannot run: the plan cannot be built or evaluated, or the log cannot be read.
public enum CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plan's schedule object is wrong (unknown type, bad parameter), at a JSON path.
    case plan(path: String, message: String)
    /// The log cannot be read.
    case log(LogError)
    /// The plan is per epoch (or the log counts epochs) and no `steps_per_epoch` was given.
    case needsStepsPerEpoch(reason: String)
    /// No logged point falls on a step the plan has (all before step 0 or after the plan stops).
    case nothingToCompare(file: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .plan(let path, let message): return path.isEmpty ? message : "\(path): \(message)"
        case .log(let error): return error.description
        case .needsStepsPerEpoch(let reason): return "needs \"steps_per_epoch\": \(reason)"
        case .nothingToCompare(let file, let key, let reason): return "\(file): no point of \"\(key)\" to compare: \(reason)"
        }
    }
}
