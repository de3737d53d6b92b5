/// A simulation that cannot run with the schedule and optimizer given.
public struct SimulationError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
