@testable import LRPlotKit
import TestSupport
import Testing

/// ``ShortestDecimal`` writes exactly `Double.description` (itself the shortest text that
/// reads back as the same `Double`) and `String(Int)`.
@Suite struct ShortestDecimalTests {
    func text(_ v: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ShortestDecimal.maximumLength) { buffer in
            let n = ShortestDecimal.write(v, to: buffer.baseAddress!)
            return String(decoding: buffer[..<n], as: UTF8.self)
        }
    }

    func text(_ n: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            let count = ShortestDecimal.write(n, to: buffer.baseAddress!)
            return String(decoding: buffer[..<count], as: UTF8.self)
        }
    }

    /// Every mismatch among `values` (at most 10, to keep a failure readable).
    func mismatches(_ values: [Double]) -> [String] {
        var out: [String] = []
        for v in values where v.isFinite {
            let t = text(v)
            if t != v.description {
                out.append("\(v.description) (bits \(v.bitPattern)): wrote \(t)")
                if out.count == 10 { break }
            }
        }
        return out
    }

    @Test func edgesMatchDescription() {
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 1e-05, 0.0001, 0.00012345, 1e16, 1e22, 1e23, 9_007_199_254_740_992,
                                9_007_199_254_740_994, 2_000_000_000_000_000.5, 4_503_599_627_370_496.5,
                                .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                                -2.2250738585072014e-308, 0.30000000000000004, 123_456_789_012_345_680]
        // Powers of two (where the lower neighbour is closer) and their neighbours.
        for e in -1074...1023 {
            let p = Double(sign: .plus, exponent: e, significand: 1)
            values += [p, p.nextUp, p.nextDown, -p]
        }
        // Powers of ten, their neighbours, and short decimals at every scale.
        for e in -324...308 {
            guard let p = Double("1e\(e)") else { continue }
            values += [p, p.nextUp, p.nextDown]
            for m in [2, 5, 9, 12, 25, 99, 123, 4_567, 1_234_567_890_123_456] { values.append(Double("\(m)e\(e)") ?? 0) }
        }
        // Integers around 2^53 and subnormals.
        for i in -1_000...1_000 { values.append(9_007_199_254_740_992 + Double(i) * 2) }
        for i in 1...2_000 { values.append(Double(bitPattern: UInt64(i))) }
        #expect(mismatches(values) == [])
        #expect(ShortestDecimal.write(.nan, to: UnsafeMutablePointer.allocate(capacity: 32)) == 0)
    }

    @Test func randomValuesMatchDescription() {
        var g = SeededGenerator(seed: 20_261_125)
        var values: [Double] = []
        for i in 0..<400_000 {
            let r = g.next()
            switch i % 5 {
            case 0: values.append(Double(bitPattern: r))                                     // any bit pattern
            case 1: values.append(Double(r >> 11) * 0x1p-53)                                 // learning-rate-like
            case 2: values.append(Double(Int64(bitPattern: r) >> 20) / 1000)                // decimals
            case 3: values.append(Double(bitPattern: (r & 0x000F_FFFF_FFFF_FFFF) | 0x3F00_0000_0000_0000)) // 1e-5 … 1
            default: values.append(Double(r % 100_000_000) * 1e-9)                          // short decimals, rounded
            }
        }
        #expect(mismatches(values) == [])
        for v in values.prefix(50_000) where v.isFinite {
            #expect(Double(text(v))?.bitPattern == v.bitPattern || v == 0)
        }
    }

    @Test func integersAreStringOfInt() {
        var g = SeededGenerator(seed: 7)
        var values = [0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, Int.max, Int.min, -1]
        for _ in 0..<20_000 { values.append(Int(truncatingIfNeeded: g.next()) >> Int(g.next() % 64)) }
        for n in values { #expect(text(n) == String(n)) }
    }
}
