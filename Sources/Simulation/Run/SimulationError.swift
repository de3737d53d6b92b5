/// A simulation that cannot run with the schedule and optimizer given.
public struct SimulationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem it is.
    public enum Kind: Sendable, Equatable {
        /// The spec asks for something the simulation cannot do (momentum cycling on Adagrad).
        case unsupported
        /// The run would take longer than ``SimulationBudget/maximumWork`` allows.
        case budget
        /// The bundled digits data could not be read.
        case data
    }

    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    /// An ``Kind/unsupported`` error.
    public init(_ message: String) { self.init(.unsupported, message) }
    public var description: String { message }
}
