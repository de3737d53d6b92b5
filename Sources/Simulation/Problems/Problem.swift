/// What a simulation trains: a small inline problem, or the bundled digits.
public enum Problem: Sendable, Equatable {
    /// `"problem": {"loss": …, "features": …, "targets": …, "initial_weights": …}`.
    case inline(InlineProblem)
    /// `"problem": "digits"` with `model`, `batch_size`, `seed`, … beside it.
    case digits(DigitsProblem)

    /// `true` when runs measure a validation loss and accuracy (digits).
    public var hasValidation: Bool {
        if case .digits = self { return true }
        return false
    }
}
