/// The bundled digits data could not be read or parsed.
public struct DigitsDataError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "digits data: \(message)" }
}
