import ScheduleCore

/// Picks the key of a log to read: the one asked for, or the only learning-rate key.
public enum KeySelector {
    /// Whether `key` names a learning rate: `learning_rate`, `lr`, `lr-<Optimizer>` and
    /// `lr-<Optimizer>/pg<i>` (Lightning), `epoch_learning_rate` (Keras), `learning_rate_<name>`,
    /// with any `train/`-style prefix or `<run> - ` W&B prefix; never a `-momentum`, `__MIN` or
    /// `__MAX` companion.
    public static func isLearningRate(_ key: String) -> Bool {
        var name = key.lowercased()
        if let range = name.range(of: " - ", options: .backwards) { name = String(name[range.upperBound...]) }
        if name.hasSuffix("__min") || name.hasSuffix("__max") || name.hasSuffix("-momentum") || name.contains("momentum") {
            return false
        }
        let last = name.split(separator: "/").last.map(String.init) ?? name
        let leaf = last.hasPrefix("pg") && name.contains("/") ? (name.split(separator: "/").dropLast().last.map(String.init) ?? last) : last
        for candidate in [last, leaf] {
            if candidate == "lr" || candidate == "learning_rate" || candidate == "epoch_learning_rate" || candidate == "learningrate" { return true }
            if candidate.hasPrefix("lr-") || candidate.hasPrefix("lr_") { return true }
            if candidate.hasPrefix("learning_rate_") || candidate.hasPrefix("epoch_learning_rate_") { return true }
            if candidate.hasSuffix("_lr") || candidate.hasSuffix("-lr") || candidate.hasSuffix("learning_rate") { return true }
        }
        return false
    }

    /// The key to read from `keys`.
    ///
    /// - Parameters:
    ///   - requested: the key the user named, matched exactly; `nil` to pick the learning rate.
    ///   - keys: the log's keys.
    /// - Throws: ``LogError/unknownKey(file:key:candidates:suggestion:)`` (the candidates list
    ///   learning-rate keys first), ``LogError/ambiguousKey(file:candidates:)``,
    ///   ``LogError/noLearningRateKey(file:keys:)``, or ``LogError/emptyLog(file:key:)`` when
    ///   the log has no keys at all.
    public static func select(_ requested: String?, from keys: [String], file: String) throws(LogError) -> String {
        let rates = keys.filter(isLearningRate)
        if let requested {
            if keys.contains(requested) { return requested }
            // A W&B column is "<run> - <metric>": the metric alone names it when one run has it.
            let suffixed = keys.filter { $0.hasSuffix(" - " + requested) }
            if suffixed.count == 1 { return suffixed[0] }
            let ordered = rates + keys.filter { !isLearningRate($0) }
            throw .unknownKey(file: file, key: requested, candidates: ordered,
                              suggestion: Suggestion.closest(to: requested, in: keys))
        }
        if keys.isEmpty { throw .emptyLog(file: file, key: nil) }
        switch rates.count {
        case 1: return rates[0]
        case 0: throw .noLearningRateKey(file: file, keys: keys)
        default: throw .ambiguousKey(file: file, candidates: rates)
        }
    }
}
