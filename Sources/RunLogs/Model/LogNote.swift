/// Something a reader noticed while reading a log that the reader of the result should know,
/// but that does not stop it from being read. Notes are values, never text: the caller words them.
public enum LogNote: Sendable, Equatable {
    /// The same step was logged more than once, as a resumed run does when it starts again from
    /// a checkpoint older than the last logged step. The last value in file order is kept.
    ///
    /// - `count`: how many logged points were dropped;
    /// - `firstStep`, `lastStep`: the range of steps that were logged again;
    /// - `resumes`: how many times the step went back (the run restarted).
    case repeatedSteps(count: Int, firstStep: Int, lastStep: Int, resumes: Int)
    /// Points were not in ascending step order and were sorted (after the repeats were removed).
    case reordered
    /// A run directory's scalars came from several event files, read in name order.
    case multipleFiles(count: Int)
    /// The key's values differ between parameter groups: this series is one group's.
    case otherParameterGroups([String])
}
