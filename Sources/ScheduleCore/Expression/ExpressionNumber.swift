/// A Python number: `int` and `float` behave differently under `/`, `//`, `%` and `**`.
public enum ExpressionNumber: Sendable, Equatable {
    case int(Int)
    case float(Double)

    /// The value as a `Double` (Python's `float(n)`).
    public var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        }
    }
}
