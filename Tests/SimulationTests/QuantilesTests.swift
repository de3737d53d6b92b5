import Testing
@testable import Simulation

/// Quantiles by selection agree with the sorted-array definition (NumPy's "linear").
@Suite struct QuantilesTests {
    func reference(_ values: [Double], _ q: Double) -> Double {
        let s = values.sorted()
        let h = q * Double(s.count - 1)
        let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    @Test func matchesSortedDefinition() {
        var rng = SplitMix64(seed: 11)
        for n in [1, 2, 3, 10, 11, 100, 2410] {
            for duplicates in [false, true] {
                let values = (0..<n).map { _ in duplicates ? Double(rng.nextInt(below: 5)) : rng.nextDouble() }
                for q in [0.0, 0.1, 0.5, 0.9, 1.0] {
                    var copy = values
                    let got = copy.withUnsafeMutableBufferPointer { Quantiles.linear($0, q) }
                    #expect(got == reference(values, q), "n=\(n) q=\(q)")
                    #expect(copy.sorted() == values.sorted())
                }
            }
        }
        var small: [Double] = [4, 1, 3, 2]
        #expect(small.withUnsafeMutableBufferPointer { Quantiles.linear($0, 0.5) } == 2.5)
    }
}
