/// An exact decimal `significand × 10^exponent`, used for tick values so that labels never show
/// binary rounding noise (3e-4 is `3 × 10^-4`, not 0.00030000000000000003).
struct DecimalValue: Sendable, Equatable, Hashable {
    /// The integer significand.
    var significand: Int
    /// The power of ten.
    var exponent: Int

    /// Creates `significand × 10^exponent`, normalised so the significand has no trailing zeros
    /// (zero is `0 × 10^0`).
    init(_ significand: Int, _ exponent: Int) {
        var s = significand
        var e = exponent
        if s == 0 {
            e = 0
        } else {
            while s % 10 == 0 {
                s /= 10
                e += 1
            }
        }
        self.significand = s
        self.exponent = e
    }

    /// The nearest Double, correctly rounded (parsed from decimal text, never multiplied).
    var doubleValue: Double {
        Double("\(significand)e\(exponent)") ?? Double(significand)
    }

    /// Digits after the decimal point needed to write the value exactly.
    var decimalsNeeded: Int { max(0, -exponent) }

    /// `floor(log10(|value|))`; 0 for zero.
    var magnitude: Int {
        significand == 0 ? 0 : String(significand.magnitude).count - 1 + exponent
    }

    /// The value divided by `10^power`, exactly.
    func shifted(by power: Int) -> DecimalValue {
        DecimalValue(significand, exponent - power)
    }

    /// Fixed-point text with exactly `decimals` digits after the point (which must be at least
    /// `decimalsNeeded`); negative values use the minus sign U+2212.
    func formatted(decimals: Int) -> String {
        var digits = String(significand.magnitude)
        if exponent > 0 { digits += String(repeating: "0", count: exponent) }
        let fractionDigits = max(0, -exponent)
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -fractionDigits)
        let integerPart = String(digits[..<split])
        var fraction = String(digits[split...])
        if fraction.count < decimals {
            fraction += String(repeating: "0", count: decimals - fraction.count)
        }
        let sign = significand < 0 ? "\u{2212}" : ""
        return fraction.isEmpty ? sign + integerPart : sign + integerPart + "." + fraction
    }
}
