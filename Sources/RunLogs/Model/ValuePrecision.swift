import Foundation

/// How precisely a log stores its values: what a logged value can differ from the exact one by
/// through storage alone.
///
/// A value that the plan gives exactly can still be logged rounded: TensorBoard keeps scalars
/// as IEEE binary32, and a text log keeps what its writer printed. ``halfUnit(at:)`` is that
/// rounding's bound, the tolerance a check starts from.
public enum ValuePrecision: Sendable, Equatable, CustomStringConvertible {
    /// IEEE binary16 (a `DT_HALF` tensor): 11 significant bits.
    case float16
    /// bfloat16 (a `DT_BFLOAT16` tensor): 8 significant bits.
    case bfloat16
    /// IEEE binary32: TensorBoard's `simple_value` and `DT_FLOAT` tensors; 24 significant bits.
    case float32
    /// IEEE binary64 written in full: a `DT_DOUBLE` tensor, or a decimal printed as the shortest
    /// string that reads back as the same double (Python's `repr`, which `json.dump`, the `csv`
    /// module and `str(float)` use), so the double is recovered exactly.
    case float64
    /// A decimal printed by a writer that rounds (a W&B export), whose last printed digit is in
    /// the place 10^`lastPlace` (`0.09` → −2, `2e-05` → −5, `1.25e-05` → −7, `3` → 0): the
    /// exact value is within half a unit of that place (`0.09` → ±0.005), whatever its size.
    case printedDecimal(lastPlace: Int)

    /// The largest distance between the exact value and the stored one near `value`: half a
    /// unit in the last place of the format (for zero, the smallest normal number's half unit;
    /// for a printed decimal, half a unit in its last printed place).
    public func halfUnit(at value: Double) -> Double {
        let magnitude = abs(value)
        switch self {
        case .float16: return Self.binaryHalfUnit(magnitude, significandBits: 11, minExponent: -14)
        case .bfloat16: return Self.binaryHalfUnit(magnitude, significandBits: 8, minExponent: -126)
        case .float32: return Self.binaryHalfUnit(magnitude, significandBits: 24, minExponent: -126)
        case .float64: return Self.binaryHalfUnit(magnitude, significandBits: 53, minExponent: -1022)
        case .printedDecimal(let place):
            return 0.5 * pow(10, Double(place))
        }
    }

    /// Half an ulp of a binary format with `significandBits` bits (implicit bit included).
    private static func binaryHalfUnit(_ magnitude: Double, significandBits: Int, minExponent: Int) -> Double {
        guard magnitude.isFinite else { return 0 }
        let exponent = magnitude > 0 ? max(Int(magnitude.exponent), minExponent) : minExponent
        return Double(sign: .plus, exponent: exponent - significandBits, significand: 1)
    }

    /// Whether a stored value is the exact one rounded to a binary format (then a planned value
    /// rounds the same way); `false` for a printed decimal, which is known to its printed place.
    public var isBinary: Bool {
        if case .printedDecimal = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .float32: return "float32"
        case .float64: return "float64"
        case .printedDecimal: return "printed decimal (± half the last printed digit)"
        }
    }
}

