import Foundation
import Testing
@testable import Plot

@Suite("Ticks")
struct TickTests {
    @Test func exactDecimals() {
        let v = DecimalValue(3, -4)
        #expect(v.doubleValue == 0.0003)
        #expect(v.formatted(decimals: 4) == "0.0003")
        #expect(DecimalValue(30, -5) == v)
        #expect(DecimalValue(-25, -1).formatted(decimals: 2) == "\u{2212}2.50")
        #expect(DecimalValue(12, 3).formatted(decimals: 0) == "12000")
        #expect(DecimalValue(0, 0).formatted(decimals: 2) == "0.00")
        // 3 × 1e-4 in binary floating point would print 0.00030000000000000003.
        #expect(String(3 * 1e-4) != "0.0003")
    }

    @Test func linearUnitRange() {
        let set = LinearScale(domain: 0...1).ticks(target: 6)
        #expect(set.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(set.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(set.multiplier == nil)
    }

    @Test func learningRateRangeUsesConsistentDecimals() {
        let set = LinearScale(domain: -0.005...0.105).ticks(target: 6)
        #expect(set.labels == ["0.00", "0.02", "0.04", "0.06", "0.08", "0.10"])
        #expect(set.values[3] == 0.06)
    }

    @Test func tinyValuesGetAMultiplier() {
        let set = LinearScale(domain: 0...3e-4).ticks(target: 7)
        #expect(set.multiplier == "×10\u{207B}\u{2074}")
        #expect(set.labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
        #expect(set.values[6] == 3e-4)
        #expect(set.values[1] == 5e-5)
    }

    @Test func thousandthsUseFixedPoint() {
        let set = LinearScale(domain: 0...0.003).ticks(target: 4)
        #expect(set.multiplier == nil)
        #expect(set.labels == ["0.000", "0.001", "0.002", "0.003"])
    }

    @Test func largeStepCountsUseSuffixes() {
        let k = LinearScale(domain: 0...200_000, integerTicks: true).ticks(target: 5)
        #expect(k.labels == ["0", "50k", "100k", "150k", "200k"])
        let m = LinearScale(domain: 0...2_500_000, integerTicks: true).ticks(target: 6)
        #expect(m.labels == ["0", "500k", "1.0M", "1.5M", "2.0M", "2.5M"])
        let million = LinearScale(domain: 0...1_000_000, integerTicks: true).ticks(target: 6)
        #expect(million.labels == ["0", "200k", "400k", "600k", "800k", "1M"])
        let small = LinearScale(domain: 0...5000, integerTicks: true).ticks(target: 6)
        #expect(small.labels == ["0", "1000", "2000", "3000", "4000", "5000"])
    }

    @Test func integerTicksOnShortRanges() {
        let set = LinearScale(domain: 0...3, integerTicks: true).ticks(target: 8)
        #expect(set.values == [0, 1, 2, 3])
        #expect(set.labels == ["0", "1", "2", "3"])
        let plain = LinearScale(domain: 0...3).ticks(target: 8)
        #expect(plain.values.contains(0.5))
    }

    @Test func negativeValuesUseMinusSign() {
        let set = LinearScale(domain: -1...1).ticks(target: 5)
        #expect(set.labels.first == "\u{2212}1.0")
        #expect(set.labels.contains("0.0"))
    }

    @Test func ticksAreRoundAndInsideTheDomain() {
        for (lo, hi) in [(0.0, 97.0), (1e-5, 0.1), (-3.3, 12.7), (1234.0, 1240.0), (0.0, 1e9), (0.1, 0.10004)] {
            for target in 3...10 {
                let set = LinearScale(domain: lo...hi).ticks(target: target)
                #expect(set.major.count >= 2, "\(lo)...\(hi) target \(target)")
                for v in set.values { #expect(v >= lo - 1e-9 * (hi - lo) && v <= hi + 1e-9 * (hi - lo)) }
                let labels = set.labels.compactMap { $0 }
                #expect(Set(labels).count == labels.count, "duplicate labels \(labels)")
            }
        }
    }

    @Test func logDecades() {
        let set = LogScale(domain: 1e-5...1e-1).ticks(target: 8)
        #expect(set.values == [1e-5, 1e-4, 1e-3, 1e-2, 1e-1])
        #expect(set.labels == ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"])
        #expect(set.minor.contains(2e-5))
        #expect(set.minor.contains(9e-2))
        #expect(!set.minor.contains(1e-3))
    }

    @Test func logManyDecadesThinOut() {
        let set = LogScale(domain: 1e-12...1).ticks(target: 5)
        #expect(set.values.count <= 7)
        #expect(set.labels.contains("10⁻⁶"))
    }

    @Test func logFewDecadesLabelTwoAndFive() {
        let set = LogScale(domain: 1e-4...1e-2).ticks(target: 8)
        #expect(set.labels == ["10⁻⁴", "2×10⁻⁴", "5×10⁻⁴", "10⁻³", "2×10⁻³", "5×10⁻³", "10⁻²"])
        #expect(set.values[1] == 2e-4)
        #expect(set.minor.contains(3e-4))
    }

    @Test func logBelowOneDecadeFallsBackToLinearTicks() {
        let set = LogScale(domain: 2e-4...8e-4).ticks(target: 6)
        #expect(set.major.count >= 3)
        #expect(set.multiplier == "×10⁻⁴")
        #expect(set.values.allSatisfy { $0 >= 2e-4 && $0 <= 8e-4 })
        #expect(set.labels.contains("3"))
    }

    @Test func exponentTypesetting() {
        let split = Exponent.split("3×10⁻⁴")
        #expect(split?.base == "3×10")
        #expect(split?.exponent == "\u{2212}4")
        #expect(Exponent.split("0.25") == nil)
        #expect(Superscript.powerOfTen(-12) == "10⁻¹²")
    }
}

@Suite("Tick robustness")
struct TickRobustnessTests {
    @Test func fineStepsOnLargeOffsetsStayWholeNumbers() {
        let set = LinearScale(domain: 10_000...10_004, integerTicks: true).ticks(target: 5)
        #expect(set.labels == ["10000", "10001", "10002", "10003", "10004"])
    }

    @Test func randomDomainsGiveDistinctOrderedTicks() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<300 {
            let exponent = Double.random(in: -12...12, using: &generator)
            let span = pow(10, exponent) * Double.random(in: 1...9, using: &generator)
            let offset = Double.random(in: -3...3, using: &generator) * span
            let lo = offset
            let hi = offset + span
            let target = Int.random(in: 2...10, using: &generator)
            let linear = LinearScale(domain: lo...hi).ticks(target: target)
            #expect(linear.major.count >= 2, "\(lo)...\(hi)")
            #expect(zip(linear.values, linear.values.dropFirst()).allSatisfy { $0 < $1 })
            let labels = linear.labels.compactMap { $0 }
            #expect(Set(labels).count == labels.count, "\(lo)...\(hi): \(labels)")
            if lo > 0 {
                let log = LogScale(domain: lo...hi * Double.random(in: 1...1e6, using: &generator)).ticks(target: target)
                #expect(!log.major.isEmpty, "log \(lo)")
                #expect(log.values.allSatisfy { $0 > 0 })
            }
        }
    }
}

/// A small seeded generator so the random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
