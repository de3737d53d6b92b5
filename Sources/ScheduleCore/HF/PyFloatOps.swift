import Foundation

/// Python 3 float operations whose results or failures differ from the plain IEEE operation.
///
/// Everything else (`+ - * /`, `math.cos`, `math.tanh`, `math.sqrt`, `math.log`) is the C
/// library's operation in both CPython and Swift on Linux, so it is written directly.
enum PyFloatOps {
    /// `a / b` for Python floats: raises `ZeroDivisionError` when `b == 0`.
    static func divide(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { throw PythonRaise("ZeroDivisionError: float division by zero") }
        return a / b
    }

    /// `a ** b` for Python floats (CPython `float_pow`).
    ///
    /// `x ** 0 == 1`; `0.0 ** negative` raises `ZeroDivisionError`; a negative base with a
    /// non-integral exponent gives a complex number (which the schedules cannot use, so it is
    /// raised here); a finite result that overflows raises `OverflowError`.
    static func pow(_ base: Double, _ exponent: Double) throws(PythonRaise) -> Double {
        if exponent == 0 { return 1 }
        if base.isNaN || exponent.isNaN { return base == 1 ? 1 : .nan }
        if base == 0 && exponent < 0 && exponent.isFinite {
            throw PythonRaise("ZeroDivisionError: 0.0 cannot be raised to a negative power")
        }
        if base < 0 && base.isFinite && exponent.isFinite && exponent != exponent.rounded(.down) {
            throw PythonRaise("TypeError: a negative number raised to a fractional power is complex (\(base) ** \(exponent))")
        }
        let result = Foundation.pow(base, exponent)
        if result.isInfinite && base.isFinite && exponent.isFinite {
            throw PythonRaise("OverflowError: (34, 'Numerical result out of range')")
        }
        return result
    }

    /// `math.sqrt(x)`: raises `ValueError` for negative `x`.
    static func sqrt(_ x: Double) throws(PythonRaise) -> Double {
        if x < 0 { throw PythonRaise("ValueError: math domain error (sqrt of \(x))") }
        return x.squareRoot()
    }

    /// `math.log(x, base)` = `log(x) / log(base)`; raises `ValueError` for `x ≤ 0` or
    /// `base ≤ 0` and `ZeroDivisionError` for `base == 1`.
    static func log(_ x: Double, base: Double) throws(PythonRaise) -> Double {
        if x <= 0 || base <= 0 { throw PythonRaise("ValueError: math domain error (math.log(\(x), \(base)))") }
        let den = Foundation.log(base)
        if den == 0 { throw PythonRaise("ZeroDivisionError: float division by zero (math.log base 1)") }
        return Foundation.log(x) / den
    }

    /// `math.floor(x)` as a Python int: raises for infinities and NaN.
    static func floor(_ x: Double) throws(PythonRaise) -> Int {
        guard x.isFinite else {
            throw PythonRaise(x.isNaN ? "ValueError: cannot convert float NaN to integer"
                                      : "OverflowError: cannot convert float infinity to integer")
        }
        let f = x.rounded(.down)
        guard abs(f) < 9.0e18 else { throw PythonRaise("OverflowError: integer too large for lrplot (\(f))") }
        return Int(f)
    }

    /// `a // b` for Python floats (CPython `float_floor_div`, via `divmod`).
    static func floorDivide(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { throw PythonRaise("ZeroDivisionError: float floor division by zero") }
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        }
        if div != 0 {
            var floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
            return floordiv
        }
        return copysign(0.0, a / b)
    }

    /// `a // b` for Python ints (floor division; `b != 0`).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// `a % b` for Python floats: the result takes the sign of `b`.
    static func remainder(_ a: Double, _ b: Double) throws(PythonRaise) -> Double {
        if b == 0 { throw PythonRaise("ZeroDivisionError: float modulo") }
        var mod = fmod(a, b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = copysign(0.0, b)
        }
        return mod
    }

    /// Python's `max(a, b)`: `b` only when `b > a`.
    static func max(_ a: Double, _ b: Double) -> Double { b > a ? b : a }

    /// Python's `min(a, b)`: `b` only when `b < a`.
    static func min(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
