import Foundation

/// Python's arithmetic on `int` and `float`, operation by operation, with Python's exceptions
/// as ``PythonRaise``s (`"ZeroDivisionError: float division by zero"`).
///
/// The one implementation of CPython's float and int operations in ScheduleCore, shared by the
/// expression evaluator and the torch, transformers and timm schedules, whose code is Python
/// arithmetic too. Everything not here (`+ - * /` on non-zero divisors, `math.cos`,
/// `math.tanh`, …) is the C library's operation in both CPython and Swift on Linux, and is
/// written directly. Python's `int` is unbounded; here it is exact to 128 bits (64-bit
/// operations first, `Int128` when they overflow), and a result beyond that raises
/// ``intTooWide()`` rather than continue rounded.
public enum PythonMath {
    /// An exception as Python words it: `"<Type>: <message>"`.
    @inline(never)
    static func raise(_ type: String, _ message: String) -> PythonRaise {
        PythonRaise(type, message)
    }

    // MARK: float

    /// `a / b` for floats; `ZeroDivisionError: float division by zero` when `b == 0`.
    @inline(__always)
    public static func divide(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { throw raise("ZeroDivisionError", "float division by zero") }
        return a / b
    }

    /// `a // b` for floats, as CPython's `_float_div_mod`: `(a - fmod(a, b)) / b`, adjusted
    /// to the divisor's sign, then snapped to the nearest whole number.
    public static func floorDivide(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { throw raise("ZeroDivisionError", "float floor division by zero") }
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1.0
            }
        }
        if div != 0 {
            var floorDiv = div.rounded(.down)
            if div - floorDiv > 0.5 { floorDiv += 1.0 }
            return floorDiv
        }
        return Double(signOf: a / b, magnitudeOf: 0.0)
    }

    /// `a % b` for floats: `fmod(a, b)` moved to the divisor's sign (`-0.0` kept as Python does).
    @inline(__always)
    public static func modulo(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { throw raise("ZeroDivisionError", "float modulo") }
        var mod = fmod(a, b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = Double(signOf: b, magnitudeOf: 0.0)
        }
        return mod
    }

    /// `a ** b` for floats, as CPython's `float_pow`: IEEE special cases first, `0.0` to a
    /// negative power raises `ZeroDivisionError`, a negative base with a fractional exponent
    /// (a complex number in Python) raises here, and an infinite result from finite inputs
    /// raises `OverflowError`.
    public static func power(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { return 1.0 }
        if a.isNaN { return a }
        if b.isNaN { return a == 1.0 ? 1.0 : b }
        if b.isInfinite {
            let m = abs(a)
            if m == 1.0 { return 1.0 }
            return (b > 0) == (m > 1.0) ? abs(b) : 0.0
        }
        let bIsOddInteger = b.rounded(.down) == b && fmod(abs(b), 2.0) == 1.0
        if a.isInfinite {
            if b > 0 { return bIsOddInteger ? a : abs(a) }
            return bIsOddInteger ? Double(signOf: a, magnitudeOf: 0.0) : 0.0
        }
        if a == 0 {
            if b < 0 { throw raise("ZeroDivisionError", "0.0 cannot be raised to a negative power") }
            return bIsOddInteger ? a : 0.0
        }
        var base = a
        var negate = false
        if base < 0 {
            if b != b.rounded(.down) {
                throw raise("ValueError", "a negative number raised to a fractional power is complex (\(a) ** \(b)); only real numbers are supported")
            }
            base = -base
            negate = bIsOddInteger
        }
        if base == 1.0 { return negate ? -1.0 : 1.0 }
        var result = Foundation.pow(base, b)
        if negate { result = -result }
        if result.isInfinite { throw raise("OverflowError", "(34, 'Numerical result out of range')") }
        return result
    }

    // MARK: int

    /// `a / b` for ints: always a float, correctly rounded (see ``trueDivide(_:_:)``: past
    /// 2⁵³ the quotient of the two rounded doubles can differ); `ZeroDivisionError: division
    /// by zero`.
    @inline(__always)
    public static func divide(_ a: Int, _ b: Int) throws(PythonRaise) -> Double {
        if b == 0 { throw raise("ZeroDivisionError", "division by zero") }
        if a.magnitude <= 1 << 53 && b.magnitude <= 1 << 53 { return Double(a) / Double(b) }
        return try trueDivide(Int128(a), Int128(b))
    }

    /// `a // b` for ints: the floor of the quotient.
    @inline(__always)
    public static func floorDivide(_ a: Int, _ b: Int) throws(PythonRaise) -> ExpressionNumber {
        if b == 0 { throw raise("ZeroDivisionError", "integer division or modulo by zero") }
        let (q, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return .wideInt(-Int128(a)) }  // Int.min // -1 = 2⁶³
        let r = a - q * b
        return .int(r != 0 && ((r < 0) != (b < 0)) ? q - 1 : q)
    }

    /// `a % b` for ints: the remainder with the divisor's sign.
    @inline(__always)
    public static func modulo(_ a: Int, _ b: Int) throws(PythonRaise) -> Int {
        if b == 0 { throw raise("ZeroDivisionError", "integer modulo by zero") }
        let (r, overflow) = a.remainderReportingOverflow(dividingBy: b)
        if overflow { return 0 }
        return r != 0 && ((r < 0) != (b < 0)) ? r + b : r
    }

    /// `a ** b` for ints: exact (64-bit, then 128-bit; ``intTooWide()`` beyond); a negative
    /// exponent gives `float(a) ** float(b)` as CPython's `long_pow` (`0 ** -1` raises
    /// `ZeroDivisionError`).
    public static func power(_ a: Int, _ b: Int) throws(PythonRaise) -> ExpressionNumber {
        if b < 0 { return .float(try power(Double(a), Double(b))) }
        var result = 1, base = a, exponent = b
        var overflow = false
        while exponent > 0 {
            if exponent & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                result = r
                overflow = overflow || o
            }
            exponent >>= 1
            if exponent > 0 {
                let (sq, o) = base.multipliedReportingOverflow(by: base)
                base = sq
                overflow = overflow || o
            }
            if overflow { break }
        }
        if !overflow { return .int(result) }
        return .integer(try power(Int128(a), nonNegative: Int128(b)))
    }

    /// `a ** b` for ints of any width lrplot keeps (see ``power(_:_:)-(Int,Int)``).
    static func power(_ a: Int128, _ b: Int128) throws(PythonRaise) -> ExpressionNumber {
        if b < 0 { return .float(try power(float(a), float(b))) }
        return .integer(try power(a, nonNegative: b))
    }

    /// The Python `int` of a whole-valued float (`math.floor`, `int()`, `round`), exact:
    /// `ValueError` for NaN, `OverflowError` for infinities, ``intTooWide()`` beyond 128 bits.
    static func integer(fromWhole d: Double) throws(PythonRaise) -> ExpressionNumber {
        if d.isNaN { throw raise("ValueError", "cannot convert float NaN to integer") }
        if d.isInfinite { throw raise("OverflowError", "cannot convert float infinity to integer") }
        if d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 { return .int(Int(d)) }
        guard let wide = Int128(exactly: d) else { throw intTooWide() }
        return .wideInt(wide)
    }

    /// CPython's `math_1`: `f(x)`, with `ValueError: math domain error` for a NaN from a
    /// non-NaN input or an infinity from a finite input that cannot overflow, and
    /// `OverflowError: math range error` for an overflow.
    static func math1(_ x: Double, canOverflow: Bool, _ f: (Double) -> Double) throws(PythonRaise) -> Double {
        let r = f(x)
        if r.isNaN && !x.isNaN { throw raise("ValueError", "math domain error") }
        if r.isInfinite && x.isFinite {
            throw canOverflow ? raise("OverflowError", "math range error") : raise("ValueError", "math domain error")
        }
        return r
    }

    /// `math.log(x)` (natural logarithm; `ValueError` for `x ≤ 0`).
    static func log(_ x: Double) throws(PythonRaise) -> Double {
        try math1(x, canOverflow: false) { v in
            if v.isFinite && v <= 0 { return v == 0 ? -Double.infinity : .nan }
            return Foundation.log(v)
        }
    }

    /// `math.pow(x, y)`: always float, `ValueError` for `0 ** negative` and complex results,
    /// `OverflowError: math range error` on overflow.
    static func mathPower(_ x: Double, _ y: Double) throws(PythonRaise) -> Double {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return y == 0 ? 1.0 : x }
            if y.isNaN { return x == 1.0 ? 1.0 : y }
            if x.isInfinite {
                let oddY = y.isFinite && fmod(abs(y), 2.0) == 1.0
                if y > 0 { return oddY ? x : abs(x) }
                if y == 0 { return 1.0 }
                return oddY ? Double(signOf: x, magnitudeOf: 0.0) : 0.0
            }
            if abs(x) == 1.0 { return 1.0 }
            if y > 0 && abs(x) > 1.0 { return y }
            if y < 0 && abs(x) < 1.0 { return -y }
            return 0.0
        }
        let r = Foundation.pow(x, y)
        if r.isNaN { throw raise("ValueError", "math domain error") }
        if r.isInfinite { throw x == 0 ? raise("ValueError", "math domain error") : raise("OverflowError", "math range error") }
        return r
    }

    /// `math.sqrt(x)`: `ValueError: math domain error` for negative `x`.
    static func sqrt(_ x: Double) throws(PythonRaise) -> Double {
        if x < 0 { throw raise("ValueError", "math domain error (sqrt of \(x))") }
        return x.squareRoot()
    }

    /// `math.log(x, base)` = `log(x) / log(base)`: `ValueError` for `x ≤ 0` or `base ≤ 0`,
    /// `ZeroDivisionError` for `base == 1`.
    static func log(_ x: Double, base: Double) throws(PythonRaise) -> Double {
        if x <= 0 || base <= 0 { throw raise("ValueError", "math domain error (math.log(\(x), \(base)))") }
        let denominator = Foundation.log(base)
        if denominator == 0 { throw raise("ZeroDivisionError", "float division by zero (math.log base 1)") }
        return Foundation.log(x) / denominator
    }

    /// `math.floor(x)` as a Python int: `ValueError` for NaN, `OverflowError` for infinities
    /// and for a floor beyond 64 bits (Python would keep it; no schedule can use it as a step).
    static func floorToInt(_ x: Double) throws(PythonRaise) -> Int {
        guard x.isFinite else {
            throw x.isNaN ? raise("ValueError", "cannot convert float NaN to integer")
                          : raise("OverflowError", "cannot convert float infinity to integer")
        }
        let f = x.rounded(.down)
        guard Swift.abs(f) < 9.0e18 else { throw raise("OverflowError", "integer too large for lrplot (\(f))") }
        return Int(f)
    }

    /// `a // b` for Python ints whose quotient fits (`b ≠ 0`, not `Int.min // -1`): the
    /// floor of the quotient.
    static func floorDivide(_ a: Int, by b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// Python's `max(a, b)` of two floats: `b` only when `b > a` (so a NaN `b` loses).
    static func max(_ a: Double, _ b: Double) -> Double { b > a ? b : a }

    /// Python's `min(a, b)` of two floats: `b` only when `b < a`.
    static func min(_ a: Double, _ b: Double) -> Double { b < a ? b : a }

    /// Python's `<` / `==` / `>` between two numbers, exact across `int` and `float`
    /// (`nil` when a NaN makes them unordered).
    static func compare(_ a: ExpressionNumber, _ b: ExpressionNumber) -> Int? {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.float(x), .float(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .float(y)): return compare(x, y)
        case let (.float(x), .int(y)): return compare(y, x).map { -$0 }
        case let (.wideInt(x), .float(y)): return compare(x, y)
        case let (.float(x), .wideInt(y)): return compare(y, x).map { -$0 }
        default:
            // Two ints, at least one wide.
            guard let x = a.int128Value, let y = b.int128Value else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// Compares an int with a float exactly (no rounding of the int).
    private static func compare(_ i: Int, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d >= 9.223372036854775808e18 { return -1 }
        if d < -9.223372036854775808e18 { return 1 }
        let whole = d.rounded(.down)
        let w = Int(whole)
        if i != w { return i < w ? -1 : 1 }
        return d > whole ? -1 : 0
    }
}
