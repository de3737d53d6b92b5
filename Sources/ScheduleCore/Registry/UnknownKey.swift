/// The one check for keys an object does not declare, used by the spec decoder, the
/// schedule catalog and every validated parameter object: nothing a user writes is silently
/// ignored, and a typo gets the closest declared name.
public enum UnknownKey {
    /// How a message names the object's keys.
    public enum Noun: Sendable {
        /// `unknown key "titel"; did you mean "title"?`, else the keys expected.
        case key
        /// `unknown parameter "gama" for torch.StepLR; did you mean "gamma"?`, else the
        /// parameters it takes.
        case parameter(of: String)
    }

    /// Throws at the first of `keys` that is not in `allowed` (skipping `ignoring`, keys the
    /// caller reads itself, which are suggested too: `"colour"` → `"color"`).
    ///
    /// - Parameter path: the object's JSON path; the error points at `path.key`.
    public static func reject(
        _ keys: some Sequence<String>, allowed: [String], ignoring: Set<String> = [], path: String, noun: Noun
    ) throws(ScheduleError) {
        for key in keys where !ignoring.contains(key) && !allowed.contains(key) {
            throw error(for: key, allowed: allowed, alsoValid: ignoring.sorted(), path: path, noun: noun)
        }
    }

    /// The error for `key`, unknown among `allowed` (and `alsoValid`, suggested but not
    /// listed), in the object at `path`.
    public static func error(for key: String, allowed: [String], alsoValid: [String] = [], path: String, noun: Noun) -> ScheduleError {
        var message: String
        let listed = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        let alternatives: String
        switch noun {
        case .key:
            message = "unknown key \"\(key)\""
            alternatives = "expected one of " + listed
        case .parameter(let owner):
            message = "unknown parameter \"\(key)\" for \(owner)"
            alternatives = "it takes " + (allowed.isEmpty ? "no parameters" : listed)
        }
        if let close = Suggestion.closest(to: key, in: allowed + alsoValid) {
            message += "; did you mean \"\(close)\"?"
        } else {
            message += "; " + alternatives
        }
        return ScheduleError(path: path.isEmpty ? key : "\(path).\(key)", message)
    }
}
