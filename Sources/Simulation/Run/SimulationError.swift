/// A simulation that cannot run.
public struct SimulationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Why it cannot run.
    public enum Kind: Sendable, Equatable {
        /// The optimizer cannot follow the schedule (momentum cycling on Adagrad): a spec
        /// problem.
        case unsupported
        /// The run would take longer than ``SimulationBudget/maximumWork`` allows and the spec
        /// does not allow a long run: a spec problem.
        case budget
        /// The bundled digits data cannot be read: an installation problem.
        case data
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
