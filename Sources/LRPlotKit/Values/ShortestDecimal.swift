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
enum ShortestDecimal {
    /// The room ``write(_:to:)`` needs at `out`: the text is at most 24 bytes
    /// (`-2.2250738585072014e-308`), and some bytes past it may be overwritten too.
    static let maximumLength = 32

    /// Writes the text of finite `value` to `out`, which must have room for
    /// ``maximumLength`` bytes, and returns the number of bytes written; returns 0 for NaN and
    /// infinities (nothing written).
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
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
        let n = digitCount(digits)
        let point = n &+ exponent          // value = 0.d₁d₂… · 10^point
        if point <= 0 && point >= -3 {
            // 10⁻⁴ ≤ |v| < 1, most learning rates: "0." and up to three zeros, stored as one
            // word, then the digits.
            let prefix: UInt64 = 0x3030_3030_3030_2E30   // "0.000000" (little-endian)
            UnsafeMutableRawPointer(p).storeBytes(of: prefix.littleEndian, as: UInt64.self)
            writeDigits(digits, count: n, to: p + 2 - point)
            return p + 2 - point + n - out
        }
        return p + format(digits: digits, count: n, point: point, large: value.magnitude > 0x1p53, to: p) - out
    }

    /// The text of finite `value` (what `lrplot values` prints), or `nil` for NaN and
    /// infinities.
    static func string(_ value: Double) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let n = write(value, to: base)
            return n == 0 ? nil : String(decoding: UnsafeBufferPointer(start: base, count: n), as: UTF8.self)
        }
    }

    /// Writes the decimal digits of `value` (as `String(value)`) to `out`, which must have
    /// room for 20 bytes, and returns the number of bytes written.
    @inlinable
    static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
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
    @inline(__always)
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
    @inline(__always)
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

    /// 10^0 … 10^19.
    @usableFromInline
    static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000,
        1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// The number of decimal digits of `d` (1 … 20): ⌊log₁₀ 2^bits⌋ from the bit length,
    /// corrected by one comparison.
    @usableFromInline @inline(__always)
    static func digitCount(_ d: UInt64) -> Int {
        let x = d | 1   // as many digits as d, and 0 has one
        let bits = 64 &- x.leadingZeroBitCount
        let t = (bits &* 1_233) >> 12
        return t &+ (x >= powersOfTen[t] ? 1 : 0)
    }

    /// The eight ASCII digits of `n` < 10⁸, the first in the lowest byte.
    ///
    /// `n · ⌈2^52 / 10^6⌉` holds n / 10^6 (the first pair) above bit 52 and the rest as a
    /// binary fraction; each further pair is the integer part of the fraction times 100. The
    /// rounding-up error, below 10⁸ / 2^52 ≈ 2.2·10⁻⁸, grows by 100 a pair and stays below
    /// each step's distance to the next integer (10⁻⁴, 10⁻², 1): exact for every n (tested).
    @usableFromInline @inline(__always)
    static func eightDigits(_ n: UInt32) -> UInt64 {
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = UnsafeRawPointer(pairs.utf8Start)
        let mask: UInt64 = (1 << 52) - 1
        @inline(__always) func pair(_ f: UInt64) -> UInt64 {
            UInt64(UInt16(littleEndian: table.loadUnaligned(fromByteOffset: Int(truncatingIfNeeded: f >> 52) &* 2, as: UInt16.self)))
        }
        let f0 = UInt64(n) &* 4_503_599_628
        let f1 = (f0 & mask) &* 100
        let f2 = (f1 & mask) &* 100
        let f3 = (f2 & mask) &* 100
        return pair(f0) | pair(f1) << 16 | pair(f2) << 32 | pair(f3) << 48
    }

    /// Writes the `count` digits of `d` (`count` ≤ 20) at `out[0 ..< count]`; may also write
    /// up to 7 bytes after them.
    @usableFromInline @inline(__always)
    static func writeDigits(_ d: UInt64, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        if count > 16 {
            let (q, r) = d.quotientAndRemainder(dividingBy: 10_000_000_000_000_000)
            writeGroup(UInt32(truncatingIfNeeded: q), count: count &- 16, to: out)
            let (m, l) = r.quotientAndRemainder(dividingBy: 100_000_000)
            writeGroup(UInt32(truncatingIfNeeded: m), count: 8, to: out + (count &- 16))
            writeGroup(UInt32(truncatingIfNeeded: l), count: 8, to: out + (count &- 8))
        } else if count > 8 {
            let (q, r) = d.quotientAndRemainder(dividingBy: 100_000_000)
            writeGroup(UInt32(truncatingIfNeeded: q), count: count &- 8, to: out)
            writeGroup(UInt32(truncatingIfNeeded: r), count: 8, to: out + (count &- 8))
        } else {
            writeGroup(UInt32(truncatingIfNeeded: d), count: count, to: out)
        }
    }

    /// Writes the last `count` (1 … 8) digits of `n` < 10^count as one 8-byte store (the
    /// bytes after them are overwritten by whatever is written next, or ignored).
    @usableFromInline @inline(__always)
    static func writeGroup(_ n: UInt32, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        let word = eightDigits(n) >> (UInt64(truncatingIfNeeded: 8 &- count) &* 8)
        UnsafeMutableRawPointer(out).storeBytes(of: word.littleEndian, as: UInt64.self)
    }

    /// Lays out the `n` digits `digits` with the decimal point at `point` (value =
    /// 0.d₁d₂… · 10^point) as `description` does, for every value but those in [10⁻⁴, 1)
    /// (``write(_:to:)`` lays those out itself), and returns the byte count.
    static func format(digits: UInt64, count n: Int, point: Int, large: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let zero = UInt8(ascii: "0")
        if point > 0 && !large {
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
