/// Why a training block cannot be turned into steps.
///
/// Paths are JSON paths in the spec (`training.dataset_size`, `schedules[1].warmup_num_steps`);
/// the CLI adds the file name in front.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number needed to count steps is missing.
    ///
    /// - `key`: the key that would supply it, e.g. `training.dataset_size`.
    /// - `purpose`: what it is needed for, in the trainer's terms.
    /// - `alternatives`: other keys that would make it unnecessary (e.g. `training.max_steps`).
    case missing(key: String, purpose: String, alternatives: [String])
    /// A value that the trainer would reject or that cannot be used.
    case invalid(path: String, message: String)
    /// Two values disagree where the trainer requires them to match (the transformers
    /// integration's DeepSpeed config check).
    case mismatch(path: String, message: String)

    /// The JSON path the error is about.
    public var path: String {
        switch self {
        case .missing(let key, _, _): return key
        case .invalid(let path, _), .mismatch(let path, _): return path
        }
    }

    /// What was wrong and how to fix it, without the path.
    public var message: String {
        switch self {
        case .missing(let key, let purpose, let alternatives):
            let name = key.split(separator: ".").last.map(String.init) ?? key
            var text = "missing \"\(name)\": needed for \(purpose); give \(key)"
            if !alternatives.isEmpty { text += ", or " + alternatives.joined(separator: ", or ") }
            return text
        case .invalid(_, let message), .mismatch(_, let message):
            return message
        }
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
