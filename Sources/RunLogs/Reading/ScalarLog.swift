/// A log opened for reading: the keys it holds and, for each, its points streamed in file order.
///
/// Text logs are parsed when opened (they are small); TensorBoard logs are streamed from disk
/// on every pass, so memory does not grow with their length. ``LogReader`` opens any format;
/// ``LoggedPointStream`` turns a key's raw points into the kept, ascending ones.
public protocol ScalarLog: Sendable {
    /// The file or run directory, as given.
    var file: String { get }
    /// The log's format.
    var format: LogFormat { get }
    /// The files read, in order (one for most formats; a TensorBoard run directory's event files).
    var files: [String] { get }
    /// Run settings the log records.
    var run: RunInfo { get }

    /// Every scalar key, in the order first seen.
    func keys() throws(LogError) -> [String]

    /// What the steps of `key` count and which producer conventions may have written it.
    func traits(of key: String) -> SeriesTraits

    /// Calls `body` with every point of `key` in file order, repeats included.
    ///
    /// - Throws: ``LogError`` for a damaged file or a non-finite value, and what `body` throws.
    func forEachPoint(key: String, _ body: (RawLoggedPoint) throws -> Void) throws
}

/// What the steps of a series count, and who may have written it.
public struct SeriesTraits: Sendable, Equatable {
    public var unit: StepUnit
    /// Most likely first.
    public var conventions: [StepConvention]

    public init(unit: StepUnit, conventions: [StepConvention]) {
        self.unit = unit
        self.conventions = conventions
    }
}
