/// The shortest decimal text that reads back as the same `Double`, written exactly as Swift's
/// `description` writes it, several times faster.
///
/// The digits come from Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to
/// render doubles", 2020): for a finite v > 0 with v = c · 2^q, the rounding interval
/// R_v = [v − ulp⁻/2, v + ulp/2] (closed when c is even) is scaled by 10^−k, where
/// k = ⌊log₁₀ 2^q⌋ (or ⌊log₁₀ ¾·2^q⌋ at a power of two, whose lower neighbour is closer), using
/// the 128-bit multipliers g of ``multipliers`` and rounding to odd; of the decimals in R_v it
/// picks one with the fewest digits, and of those the closest to v (ties to an even last digit).
///
/// The text follows `Double.description`:
/// - fixed notation when 10⁻⁴ ≤ |v| ≤ 2⁵³, with at least one digit after the point
///   (`0.0001`, `1.0`, `9007199254740992.0`);
/// - otherwise `d[.ddd]e±XX`, with at least two exponent digits (`1e-05`, `1e+16`, `5e-324`);
/// - `0.0` and `-0.0` for zeros. NaN and infinities are not handled (`nil`).
public enum ShortestDecimal {
    /// The most bytes ``write(_:to:)`` writes (`-2.2250738585072014e-308` is 24).
    public static let maximumLength = 32

    /// Writes the text of finite `value` to `out`, which must have room for
    /// ``maximumLength`` bytes, and returns the number of bytes written; returns 0 for NaN and
    /// infinities (nothing written).
    @inlinable
    public static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard value.isFinite else { return 0 }
        var p = out
        if value.sign == .minus {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        if value == 0 {
            p[0] = UInt8(ascii: "0")
            p[1] = UInt8(ascii: ".")
            p[2] = UInt8(ascii: "0")
            return p + 3 - out
        }
        let (digits, exponent) = decimal(value.magnitude)
        return p + format(digits: digits, exponent: exponent, large: value.magnitude > 0x1p53, to: p) - out
    }

    /// Writes the decimal digits of `value` (as `String(value)`) to `out`, which must have
    /// room for 20 bytes, and returns the number of bytes written.
    @inlinable
    public static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var p = out
        if value < 0 {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        let magnitude = UInt64(value.magnitude)
        let n = digitCount(magnitude)
        writeDigits(magnitude, count: n, to: p)
        return p + n - out
    }

    /// The shortest decimal of finite `v > 0`: `v` reads back from `digits · 10^exponent`,
    /// and `digits` has no trailing zero.
    @usableFromInline
    static func decimal(_ v: Double) -> (digits: UInt64, exponent: Int) {
        var (d, e) = schubfach(v)
        // Schubfach may leave trailing zeros (an integer, or a 17-digit candidate ending in 0).
        while d >= 10 {
            let (q, r) = d.quotientAndRemainder(dividingBy: 10)
            if r != 0 { break }
            d = q
            e += 1
        }
        return (d, e)
    }

    /// Giulietti's algorithm (figures 4 and 6 of the paper), with 64-bit limbs.
    @usableFromInline
    static func schubfach(_ v: Double) -> (digits: UInt64, exponent: Int) {
        let fraction = v.bitPattern & ((1 << 52) - 1)
        let biased = Int(truncatingIfNeeded: v.bitPattern >> 52) & 0x7FF
        let c: UInt64
        let q: Int
        if biased != 0 {
            c = fraction | (1 << 52)
            q = biased - 1075
            // An integer below 2^53: its digits are the integer's.
            if q <= 0 && q > -53 {
                let shift = UInt64(-q)
                let f = c >> shift
                if f << shift == c { return (f, 0) }
            }
        } else {
            c = fraction
            q = -1074
        }
        let even = c & 1 == 0
        let lowerIsCloser = fraction == 0 && biased > 1
        let cbl = 4 &* c &- 2 &+ (lowerIsCloser ? 1 : 0)
        let cb = 4 &* c
        let cbr = 4 &* c &+ 2
        // ⌊log₁₀ 2^q⌋, or ⌊log₁₀ ¾·2^q⌋ (exact for |q| ≤ 1500).
        let k = (q &* 1_262_611 &- (lowerIsCloser ? 524_031 : 0)) >> 22
        // h = q + ⌊log₂ 10^−k⌋ ∈ 0 … 3
        let h = UInt64(truncatingIfNeeded: q &+ ((-k &* 1_741_647) >> 19))
        let index = 2 &* (-k &- minimumPowerOfTen)
        let gHigh = multipliers[index]
        let gLow = multipliers[index &+ 1]
        let vbl = roundToOdd(gHigh, gLow, cbl << h)
        let vb = roundToOdd(gHigh, gLow, cb << h)
        let vbr = roundToOdd(gHigh, gLow, cbr << h)
        let lower = vbl &+ (even ? 0 : 1)
        let upper = vbr &- (even ? 0 : 1)
        let s = vb >> 2
        if s >= 10 {
            // One digit fewer: u′ = 10·⌊s/10⌋, w′ = u′ + 10 (at most one lies in R_v).
            let sp = s / 10
            let upInside = lower <= 40 &* sp
            let wpInside = 40 &* sp &+ 40 <= upper
            if upInside != wpInside { return (sp &+ (wpInside ? 1 : 0), k &+ 1) }
        }
        let uInside = lower <= 4 &* s
        let wInside = 4 &* s &+ 4 <= upper
        if uInside != wInside { return (s &+ (wInside ? 1 : 0), k) }
        // Both s and s + 1 are in R_v: the closer, ties to even.
        let mid = 4 &* s &+ 2
        let up = vb > mid || (vb == mid && s & 1 != 0)
        return (s &+ (up ? 1 : 0), k)
    }

    /// ⌊g · cp / 2^127⌋ rounded to odd (its last bit set when the quotient is inexact).
    @usableFromInline @inline(__always)
    static func roundToOdd(_ gHigh: UInt64, _ gLow: UInt64, _ cp: UInt64) -> UInt64 {
        let x = gLow.multipliedFullWidth(by: cp).high
        let y = gHigh.multipliedFullWidth(by: cp)
        let (yLow, carry) = y.low.addingReportingOverflow(x)
        let yHigh = y.high &+ (carry ? 1 : 0)
        return (yHigh << 1) | (yLow >> 63) | (yLow != 0 ? 1 : 0)
    }

    /// The number of decimal digits of `d` (1 … 20), by halving steps.
    @usableFromInline @inline(__always)
    static func digitCount(_ d: UInt64) -> Int {
        var n = 1
        var t = d
        if t >= 10_000_000_000_000_000 { t /= 10_000_000_000_000_000; n &+= 16 }
        if t >= 100_000_000 { t /= 100_000_000; n &+= 8 }
        if t >= 10_000 { t /= 10_000; n &+= 4 }
        if t >= 100 { t /= 100; n &+= 2 }
        if t >= 10 { n &+= 1 }
        return n
    }

    /// Writes the two digits of `v` < 100 at `out[0]`, `out[1]`.
    @usableFromInline @inline(__always)
    static func writePair(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) {
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = pairs.utf8Start
        let j = Int(truncatingIfNeeded: v) &* 2
        out[0] = table[j]
        out[1] = table[j &+ 1]
    }

    /// Writes the four digits of `v` < 10 000 (two independent pairs).
    @usableFromInline @inline(__always)
    static func writeFour(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) {
        writePair(v / 100, to: out)
        writePair(v % 100, to: out + 2)
    }

    /// Writes the `count` digits of `d` (`count` ≤ 20) at `out[0 ..< count]`.
    @usableFromInline @inline(__always)
    static func writeDigits(_ d: UInt64, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        var i = count
        var t = d
        while i > 9 {
            // The last eight digits as two independent groups of four.
            let (q, r) = t.quotientAndRemainder(dividingBy: 100_000_000)
            let low = UInt32(truncatingIfNeeded: r)
            writeFour(low / 10_000, to: out + (i &- 8))
            writeFour(low % 10_000, to: out + (i &- 4))
            t = q
            i &-= 8
        }
        var u = UInt32(truncatingIfNeeded: t)
        while i >= 4 {
            writeFour(u % 10_000, to: out + (i &- 4))
            u /= 10_000
            i &-= 4
        }
        if i >= 2 {
            writePair(u % 100, to: out + (i &- 2))
            u /= 100
            i &-= 2
        }
        if i == 1 { out[0] = UInt8(truncatingIfNeeded: u) &+ UInt8(ascii: "0") }
    }

    /// Lays out `digits · 10^exponent` as `description` does and returns the byte count.
    @usableFromInline
    static func format(digits: UInt64, exponent: Int, large: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let n = digitCount(digits)
        let point = n &+ exponent          // value = 0.d₁d₂… · 10^point
        let zero = UInt8(ascii: "0")
        if point >= -3 && !large {
            if point <= 0 {
                // 0.000ddd
                out[0] = zero
                out[1] = UInt8(ascii: ".")
                for i in 0 ..< -point { out[2 &+ i] = zero }
                writeDigits(digits, count: n, to: out + 2 - point)
                return 2 &- point &+ n
            }
            if point < n {
                // dd.ddd: write the digits one place right, then move the integer part back.
                writeDigits(digits, count: n, to: out + 1)
                for i in 0 ..< point { out[i] = out[i &+ 1] }
                out[point] = UInt8(ascii: ".")
                return n &+ 1
            }
            // ddd000.0
            writeDigits(digits, count: n, to: out)
            for i in n ..< point { out[i] = zero }
            out[point] = UInt8(ascii: ".")
            out[point &+ 1] = zero
            return point &+ 2
        }
        // d[.ddd]e±XX
        writeDigits(digits, count: n, to: out + 1)
        out[0] = out[1]
        var length = 1
        if n > 1 {
            out[1] = UInt8(ascii: ".")
            length = n &+ 1
        }
        let e = point &- 1
        out[length] = UInt8(ascii: "e")
        out[length &+ 1] = e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        let magnitude = e.magnitude
        let width = magnitude >= 100 ? 3 : 2
        writeDigits(UInt64(magnitude), count: width, to: out + length + 2)
        return length &+ 2 &+ width
    }
}
