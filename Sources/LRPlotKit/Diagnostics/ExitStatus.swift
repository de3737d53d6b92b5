/// The exit statuses of `lrplot`, documented in the README and `lrplot --help`.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// Valid work failed while running (an unwritable output, unreadable bundled data).
    case runtimeFailure = 1
    /// Bad spec, input file or arguments.
    case badInput = 2

    /// The status an error of `kind` ends the process with: the one table from kinds to
    /// statuses.
    public init(_ kind: LRPlotError.Kind) {
        switch kind {
        case .spec, .arguments, .input: self = .badInput
        case .runtime: self = .runtimeFailure
        }
    }
}
