import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// Python's ints beyond 64 bits: exact to 128 bits (as CPython computes them), an
/// `OverflowError` naming the limit beyond — never a float standing in for an int.
@Suite struct ExpressionIntTests {
    static let limitMessage = "lrplot's ints stop at ±2**127"

    /// 323 expressions (`tools/expressions/expression_ints.py`, CPython 3.11.7) whose ints
    /// leave 64 bits: where every int Python met fits in 128 bits, lrplot gives Python's
    /// result (same kind, same value or bits, or the same exception); where one did not,
    /// lrplot raises the `OverflowError` that names its limit.
    @Test func wideIntsMatchCPython() throws {
        guard let url = Bundle.module.url(forResource: "expression_ints", withExtension: "json", subdirectory: "Fixtures") else {
            Issue.record("missing Fixtures/expression_ints.json")
            return
        }
        let document = try JSONParser.parse(try String(contentsOf: url, encoding: .utf8))
        guard case .array(let cases)? = document["cases"] else {
            Issue.record("no cases")
            return
        }
        #expect(cases.count == 323)
        var exact = 0, beyond = 0
        for c in cases {
            guard case .string(let text)? = c["text"], case .integer(let step)? = c["step"],
                  case .bool(let isBeyond)? = c["beyond_128_bits"] else {
                Issue.record("malformed case \(c)")
                continue
            }
            let e: ScheduleCore.Expression
            do {
                e = try ScheduleCore.Expression(parsing: text, variables: ["step"])
            } catch let error as ExpressionError {
                // A literal beyond 128 bits.
                #expect(isBeyond && error.message.contains("lrplot's ints stop at 128 bits"), "\(text): \(error)")
                beyond += 1
                continue
            }
            let got: ExpressionNumber
            do {
                got = try e.evaluateNumber(["step": .int(step)])
            } catch let error as PythonRaise {
                if isBeyond {
                    #expect(error.message.hasPrefix("OverflowError:") && error.message.contains(Self.limitMessage), "\(text): \(error)")
                    beyond += 1
                } else if case .string(let expected)? = c["error"] {
                    #expect(error.message == expected, "\(text)")
                    exact += 1
                } else {
                    Issue.record("\(text): raised \(error), Python did not")
                }
                continue
            }
            #expect(!isBeyond, "\(text): gave \(got), but an int on the way passes 128 bits")
            exact += 1
            switch (got, c["int"], c["float"]) {
            case let (.int, .string(b)?, _), let (.wideInt, .string(b)?, _):
                #expect(got.int128Value == Int128(b), "\(text): got \(got), Python \(b)")
                #expect(got == .integer(Int128(b) ?? 0), "\(text): \(got) is not in its one spelling")
            case let (.float(a), _, .string(b)?):
                let expected = b == "nan" ? Double.nan : (b == "inf" ? .infinity : (b == "-inf" ? -.infinity : Double(b)))
                #expect(expected.map { a.bitPattern == $0.bitPattern || (a.isNaN && $0.isNaN) } == true,
                        "\(text): got \(a), Python \(b)")
            default:
                Issue.record("\(text): got \(got), Python \(c["error"] ?? c["int"] ?? c["float"] ?? .null)")
            }
        }
        #expect(exact == 288 && beyond == 35)
    }

    /// The reported cases, through the `expr` schedule: 0.1, 0.2, 0.3 where lrplot gave 0.1, 0, 0.
    @Test func exprStepPastInt64IsExact() throws {
        let s = try makeSchedule(#"{"type": "expr", "expr": "0.1 * (step + 9223372036854775807 - 9223372036854775806)"}"#)
        #expect(try s.evaluate(steps: 3).learningRates == [0.1, 0.2, 0.1 * 3])
        let t = try makeSchedule(#"{"type": "expr", "expr": "(10**19 + 1 - 10**19) * 0.1"}"#)
        #expect(try t.evaluate(steps: 2).learningRates == [0.1, 0.1])
    }

    /// Past 128 bits lrplot raises (quickly, even for an exponent Python would take for ever
    /// on), where a float would have been silently wrong.
    @Test func beyond128BitsRaises() throws {
        for text in ["math.log(10**400)", "10**400 / 10**399", "2**(2**100)", "2 ** 100000", "3**(2**62) * 0.0",
                     "-(-2**126 * 2)", "abs(-2**126 * 2)", "(-2**126 * 2) // -1", "int(1e39)", "round(1e300)"] {
            let e = try Expression(parsing: text, variables: ["step"])
            #expect(throws: PythonRaise.self, "\(text)") { try e.evaluateNumber(["step": .int(0)]) }
            do {
                _ = try e.evaluateNumber(["step": .int(0)])
            } catch let error as PythonRaise {
                #expect(error.message.contains(Self.limitMessage), "\(text): \(error)")
            }
        }
        let s = try makeSchedule(#"{"type": "expr", "expr": "0.1 * 2 ** (step + 125) / 2 ** 125"}"#).evaluate(steps: 5)
        #expect(s.learningRates == [0.1, 0.2])
        #expect(s.stop?.step == 2)
        #expect(s.stop?.message.contains(Self.limitMessage) == true)
    }

    /// A literal beyond 128 bits is a syntax error that names the limit and the fix.
    @Test func tooWideLiteralSaysSo() {
        let message = #expect(throws: ExpressionError.self) {
            try Expression(parsing: "1" + String(repeating: "0", count: 40), variables: ["step"])
        }
        #expect(message?.message.contains("128 bits") == true)
    }

    /// `int / int` is correctly rounded for every 128-bit pair, against a quotient computed
    /// digit by digit in decimal (exact), on operands where the two-doubles quotient is off.
    @Test func trueDivisionIsCorrectlyRounded() throws {
        // (2^100 + 2^47 + 1) / 1: float(...) rounds up; the double quotient of rounded
        // operands would round to even (down).
        #expect(try PythonMath.trueDivide((Int128(1) << 100) + (Int128(1) << 47) + 1, 1)
                == Double(sign: .plus, exponent: 100, significand: 1 + 0x1p-52))
        // 2^126 divisors: the quotient needs every bit of both operands.
        let d = (Int128(1) << 126) + 3
        #expect(try PythonMath.trueDivide(Int128.max, d) == 2.0)
        #expect(try PythonMath.trueDivide(d, Int128.max) == 0.5)
        #expect(try PythonMath.trueDivide(-1, Int128.min) == 0x1p-127)
        #expect(try PythonMath.trueDivide(Int128.min, -1) == 0x1p127)
    }
}
