import Foundation

/// The functions an expression may call: Python's `math` functions (with or without the
/// `math.` prefix) and the builtins `min`, `max`, `abs`, `int`, `float`, `round`, `pow`.
enum ExpressionFunction: String, Sendable, CaseIterable {
    case exp, log, log2, log10, sqrt
    case sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh
    case floor, ceil, trunc, fabs
    /// `math.pow`: always a float.
    case mathPow = "math.pow"
    /// The builtin `pow(a, b)`, which is `a ** b`.
    case pow
    case min, max, abs, int, float, round

    /// Functions that exist only as builtins (no `math.` form).
    static let builtins: Set<ExpressionFunction> = [.min, .max, .abs, .int, .float, .round, .pow]

    /// The function for a bare name (`exp`, `min`, `pow` → builtin `pow`).
    static func bare(_ name: String) -> ExpressionFunction? {
        name == "math.pow" ? nil : ExpressionFunction(rawValue: name)
    }

    /// The function for `math.<name>` (`math.pow` is the float power; builtins are not in `math`).
    static func math(_ name: String) -> ExpressionFunction? {
        if name == "pow" { return .mathPow }
        guard let f = ExpressionFunction(rawValue: name), !builtins.contains(f) else { return nil }
        return f
    }

    /// The `math` constants, usable with or without the prefix.
    static let constants: [String: Double] = [
        "pi": Double.pi, "e": M_E, "tau": 2 * Double.pi, "inf": Double.infinity, "nan": Double.nan,
    ]

    /// The spelling in error messages.
    var displayName: String { self == .mathPow ? "math.pow" : (Self.builtins.contains(self) ? rawValue : "math.\(rawValue)") }

    /// Accepted argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .log, .round: return 1...2
        case .atan2, .mathPow, .pow: return 2...2
        case .min, .max: return 2...Int.max
        default: return 1...1
        }
    }

    /// Calls the function with Python's semantics and exceptions.
    func apply(_ args: [ExpressionNumber]) throws -> ExpressionNumber {
        // Python's float(n): correctly rounded for an int of any width lrplot keeps (an int
        // below 2¹²⁷ never overflows a double, so math.log needs no frexp-style scaling).
        func float(_ n: ExpressionNumber) -> Double { n.doubleValue }
        let x = float(args[0])
        switch self {
        case .exp: return .float(try PythonMath.math1(x, canOverflow: true, Foundation.exp))
        case .log:
            let num = try PythonMath.log(x)
            guard args.count == 2 else { return .float(num) }
            let den = try PythonMath.log(float(args[1]))
            return .float(try PythonMath.divide(num, den))
        case .log2:
            return .float(try PythonMath.math1(x, canOverflow: false) { v in
                v.isFinite && v <= 0 ? (v == 0 ? -.infinity : .nan) : Foundation.log2(v)
            })
        case .log10:
            return .float(try PythonMath.math1(x, canOverflow: false) { v in
                v.isFinite && v <= 0 ? (v == 0 ? -.infinity : .nan) : Foundation.log10(v)
            })
        case .sqrt: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.sqrt))
        case .sin: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.sin))
        case .cos: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.cos))
        case .tan: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.tan))
        case .asin: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.asin))
        case .acos: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.acos))
        case .atan: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.atan))
        case .sinh: return .float(try PythonMath.math1(x, canOverflow: true, Foundation.sinh))
        case .cosh: return .float(try PythonMath.math1(x, canOverflow: true, Foundation.cosh))
        case .tanh: return .float(try PythonMath.math1(x, canOverflow: false, Foundation.tanh))
        case .fabs: return .float(Swift.abs(x))
        case .atan2:
            let y = x, xx = float(args[1])
            let r = Foundation.atan2(y, xx)
            if r.isNaN && !y.isNaN && !xx.isNaN { throw PythonMath.raise("ValueError", "math domain error") }
            return .float(r)
        case .floor, .ceil, .trunc:
            if args[0].int128Value != nil { return args[0] }
            let r = self == .floor ? x.rounded(.down) : (self == .ceil ? x.rounded(.up) : x.rounded(.towardZero))
            return try PythonMath.integer(fromWhole: r)
        case .mathPow: return .float(try PythonMath.mathPower(x, float(args[1])))
        case .pow: return try ExpressionEvaluator.binary(.power, args[0], args[1])
        case .min, .max:
            var best = args[0]
            for candidate in args.dropFirst() {
                // Python keeps the current best unless the candidate is strictly better.
                if let c = PythonMath.compare(candidate, best), self == .min ? c < 0 : c > 0 { best = candidate }
            }
            return best
        case .abs:
            switch args[0] {
            case .int(let i): return i == Int.min ? .wideInt(-Int128(i)) : .int(Swift.abs(i))
            case .wideInt(let i): return .integer(i < 0 ? try PythonMath.negate(i) : i)
            case .float(let d): return .float(Swift.abs(d))
            }
        case .int:
            if args[0].int128Value != nil { return args[0] }
            return try PythonMath.integer(fromWhole: x.rounded(.towardZero))
        case .float: return .float(x)
        case .round: return try round(args)
        }
    }

    /// `round(x)` (half to even, an int) and `round(x, n)` (an int for int `x`, rounded half
    /// to even to a multiple of `10**-n`; for a float, the float nearest the correctly rounded
    /// decimal, as CPython does).
    private func round(_ args: [ExpressionNumber]) throws -> ExpressionNumber {
        if args.count == 1 {
            switch args[0] {
            case .int, .wideInt: return args[0]
            case .float(let d): return try PythonMath.integer(fromWhole: d.rounded(.toNearestOrEven))
            }
        }
        guard let digits = args[1].int128Value else {
            throw PythonMath.raise("TypeError", "'float' object cannot be interpreted as an integer")
        }
        switch args[0] {
        case .int, .wideInt:
            guard let i = args[0].int128Value else { return args[0] }
            if digits >= 0 { return args[0] }
            // |i| < 2¹²⁷ < 10³⁹ / 2: rounding to 10³⁹ or coarser gives 0.
            if digits < -38 { return .int(0) }
            var scale: Int128 = 1
            for _ in 0..<Int(-digits) { scale *= 10 }
            let quotient = try PythonMath.floorDivide(i, scale)
            let r = i - quotient * scale  // 0 ≤ r < scale
            var rounded = quotient
            if r > scale - r || (r == scale - r && quotient % 2 != 0) { rounded += 1 }
            return .integer(try PythonMath.multiply(rounded, scale))
        case .float(let d):
            if !d.isFinite || digits > 323 { return .float(d) }
            if digits < 0 {
                throw PythonMath.raise("ValueError", "round() of a float with negative ndigits is not supported here")
            }
            let text = String(format: "%.\(digits)f", d)
            guard let r = Double(text) else { return .float(d) }
            return .float(r == 0 ? Double(signOf: d, magnitudeOf: 0) : r)
        }
    }
}
