/// Why a chart could not be rendered, or an image decoded.
public struct PlotError: Error, CustomStringConvertible, Equatable {
    /// Human-readable explanation.
    public var message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
