/// A syntax error, an unknown name, or an evaluation failure (division by zero, math domain).
public struct ExpressionError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
