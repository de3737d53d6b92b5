/// A Python number: `int` and `float` behave differently under `/`, `//`, `%` and `**`.
///
/// A Python `int` is `.int` while it fits in 64 bits (the fast path every step takes) and
/// `.wideInt` beyond that, up to 128 bits: a `.wideInt` always holds a value outside `Int`'s
/// range, so each int has one spelling and `==` compares values. An int result beyond 128
/// bits raises ``PythonMath/intTooWide()`` (`OverflowError`), where Python would go on
/// exactly; it never continues as a float.
public enum ExpressionNumber: Sendable, Equatable {
    case int(Int)
    /// A Python int outside `Int.min … Int.max` (and inside `Int128`'s range).
    case wideInt(Int128)
    case float(Double)

    /// The int `n` in its one spelling: `.int` when it fits in 64 bits, else `.wideInt`.
    @inlinable
    public static func integer(_ n: Int128) -> ExpressionNumber {
        if let small = Int(exactly: n) { return .int(small) }
        return .wideInt(n)
    }

    /// The value as a `Double` (Python's `float(n)`: correctly rounded, ties to even).
    public var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .wideInt(let i): return PythonMath.float(i)
        case .float(let d): return d
        }
    }

    /// The value as an `Int128` when it is an int, else `nil`.
    var int128Value: Int128? {
        switch self {
        case .int(let i): return Int128(i)
        case .wideInt(let i): return i
        case .float: return nil
        }
    }
}
