/// Python's unbounded `int` arithmetic on the values a schedule meets.
///
/// Framework code adds, subtracts and multiplies step counts given in a spec (64-bit, any
/// sign) and the step (0 … `Int.max`). Python never overflows; `Int128` holds every sum or
/// difference of a few such values and every product of two exactly, so computing in
/// `Int128` and converting where Python converts (`float(n)`, `n / m`, a comparison with a
/// float) gives Python's result bit for bit.
extension PythonMath {
    /// Python's `float(n)`: the double nearest to `n` (ties to even), as CPython's
    /// `PyLong_AsDouble`.
    @inlinable
    public static func float(_ n: Int128) -> Double { Double(n) }

    /// Python's `a / b` for ints: the correctly rounded quotient (CPython's
    /// `long_true_divide`), not the quotient of two rounded doubles — they differ once an
    /// operand exceeds 2⁵³. `ZeroDivisionError: division by zero` when `b == 0`.
    ///
    /// Exact for every pair of `Int128`s: the quotient is carried to 55 or 56 significant
    /// bits by long division, with a sticky bit for what remains, and rounded once.
    public static func trueDivide(_ a: Int128, _ b: Int128) throws(PythonRaise) -> Double {
        if b == 0 { throw raise("ZeroDivisionError", "division by zero") }
        let limit: Int128 = 1 << 53
        if a.magnitude <= limit.magnitude && b.magnitude <= limit.magnitude { return Double(a) / Double(b) }
        if a == 0 { return (b < 0) ? -0.0 : 0.0 }
        let negative = (a < 0) != (b < 0)
        var n = a.magnitude, d = b.magnitude
        // Scale so that the quotient has 55 or 56 significant bits: the bits a double keeps,
        // a rounding bit, and room for a sticky bit below it.
        let shift = 55 - ((128 - n.leadingZeroBitCount) - (128 - d.leadingZeroBitCount))
        var q: UInt128, r: UInt128
        if shift >= 0 {
            // n · 2^shift may not fit: divide first, then bring down `shift` zero bits one
            // at a time (r < d ≤ 2¹²⁷, so 2r fits).
            (q, r) = n.quotientAndRemainder(dividingBy: d)
            for _ in 0..<shift {
                r <<= 1
                q <<= 1
                if r >= d {
                    r -= d
                    q |= 1
                }
            }
        } else {
            d <<= UInt128(-shift)
            (q, r) = n.quotientAndRemainder(dividingBy: d)
        }
        // The sticky bit: whether anything was left, below every bit the rounding looks at.
        let scaled = q << 1 | (r == 0 ? 0 : 1)
        let magnitude = Double(scaled) * Double(sign: .plus, exponent: -(shift + 1), significand: 1)
        return negative ? -magnitude : magnitude
    }

    /// The `OverflowError` for an int result beyond 128 bits, where Python's unbounded int
    /// would go on exactly and lrplot stops rather than round it.
    static func intTooWide() -> PythonRaise {
        raise("OverflowError", "int result beyond 128 bits: lrplot's ints stop at ±2**127 (Python's are unbounded); write a float, e.g. 1e40, if an approximation is meant")
    }

    /// Python's `a + b` for ints up to 128 bits; ``intTooWide()`` beyond.
    static func add(_ a: Int128, _ b: Int128) throws(PythonRaise) -> Int128 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw intTooWide() }
        return r
    }

    /// Python's `a - b` for ints up to 128 bits; ``intTooWide()`` beyond.
    static func subtract(_ a: Int128, _ b: Int128) throws(PythonRaise) -> Int128 {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw intTooWide() }
        return r
    }

    /// Python's `a * b` for ints up to 128 bits; ``intTooWide()`` beyond.
    static func multiply(_ a: Int128, _ b: Int128) throws(PythonRaise) -> Int128 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw intTooWide() }
        return r
    }

    /// Python's `-a` for an int; ``intTooWide()`` for `-Int128.min` (2¹²⁷).
    static func negate(_ a: Int128) throws(PythonRaise) -> Int128 {
        try subtract(0, a)
    }

    /// Python's `a ** b` for ints with `b ≥ 0`, exact by repeated squaring; ``intTooWide()``
    /// when the result (or a square it still needs) passes 128 bits.
    static func power(_ a: Int128, nonNegative b: Int128) throws(PythonRaise) -> Int128 {
        var result: Int128 = 1, base = a, exponent = b
        while exponent > 0 {
            if exponent & 1 == 1 { result = try multiply(result, base) }
            exponent >>= 1
            if exponent > 0 { base = try multiply(base, base) }
        }
        return result
    }

    /// Python's `a // b` for ints: the floor of the quotient; `ZeroDivisionError` for `b == 0`,
    /// ``intTooWide()`` for `Int128.min // -1` (2¹²⁷).
    public static func floorDivide(_ a: Int128, _ b: Int128) throws(PythonRaise) -> Int128 {
        if b == 0 { throw raise("ZeroDivisionError", "integer division or modulo by zero") }
        if b == -1 { return try negate(a) }
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r != 0 && ((r < 0) != (b < 0)) ? q - 1 : q
    }

    /// Python's `a % b` for ints: the remainder with the divisor's sign;
    /// `ZeroDivisionError` for `b == 0`.
    public static func modulo(_ a: Int128, _ b: Int128) throws(PythonRaise) -> Int128 {
        if b == 0 { throw raise("ZeroDivisionError", "integer modulo by zero") }
        if b == -1 { return 0 }
        let r = a % b
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r
    }

    /// Python's comparison of an int with a float, exact (no rounding of the int): `-1`,
    /// `0` or `1` as `n` is below, equal to or above `d`; `nil` for a NaN.
    public static func compare(_ n: Int128, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d >= 0x1p127 { return -1 }  // every Int128 is below 2¹²⁷
        if d < -0x1p127 { return 1 }
        let whole = d.rounded(.down)
        let w = Int128(whole)
        if n != w { return n < w ? -1 : 1 }
        return d > whole ? -1 : 0
    }
}

extension Int128 {
    /// `self` as an `Int`, `Int.min`/`Int.max` beyond them: for a step that only needs to
    /// be compared with steps (a breakpoint past `Int.max` is never reached).
    @inlinable
    var clampedToInt: Int { Int(clamping: self) }
}
