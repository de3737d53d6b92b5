/// A parsed Python expression over numeric variables (stub: replaced by the real parser).
public struct Expression: Sendable, CustomStringConvertible {
    /// The source text.
    public let text: String

    /// Parses `text`, allowing only the names in `variables` plus the documented functions.
    public init(parsing text: String, variables: [String]) throws {
        self.text = text
        throw ExpressionError("expressions are not implemented yet")
    }

    /// Evaluates with Python semantics; `variables` binds each variable to a number.
    public func evaluate(_ variables: [String: ExpressionNumber]) throws -> Double {
        throw ExpressionError("expressions are not implemented yet")
    }

    public var description: String { text }
}

/// A Python number: `int` and `float` behave differently under `/`, `//`, `%` and `**`.
public enum ExpressionNumber: Sendable, Equatable {
    case int(Int)
    case float(Double)
}

/// A syntax error, an unknown name, or an evaluation failure (division by zero, math domain).
public struct ExpressionError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
