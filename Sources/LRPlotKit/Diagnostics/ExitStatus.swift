/// The exit statuses of `lrplot`, documented in the README and `lrplot --help`.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// Valid work failed while running (an unwritable output, unreadable bundled data).
    case runtimeFailure = 1
    /// Bad spec, input file or arguments.
    case badInput = 2
    /// `lrplot check`: a logged run departs from its plan (the report says where and why).
    case runDeparts = 3

    /// The status an error of `kind` ends the process with: the one table from kinds to
    /// statuses.
    public init(_ kind: LRPlotError.Kind) {
        switch kind {
        case .spec, .arguments, .input: self = .badInput
        case .runtime: self = .runtimeFailure
        }
    }
}
