import Testing
import LRPlotKit

/// A seeded SplitMix64 generator.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ByteStreamTests {
    /// The bytes `Double.write(to:)` gives a ``ByteStream``.
    func text(_ v: Double) -> String {
        var s = ByteStream()
        v.write(to: &s)
        return String(decoding: s.bytes, as: UTF8.self)
    }

    @Test func numbersAreTheShortestRoundTripTextOfDescription() {
        var g = SplitMix(state: 42)
        var checked = 0
        for i in 0..<400_000 {
            let v: Double
            switch i % 4 {
            case 0: v = Double(bitPattern: g.next())                       // any bit pattern
            case 1: v = Double.random(in: 0..<1, using: &g)                // learning-rate-like
            case 2: v = Double.random(in: 0..<1, using: &g) * pow10(Int.random(in: 0...12, using: &g))
            default: v = Double(Int.random(in: -1_000_000...1_000_000, using: &g)) / 1000
            }
            guard v.isFinite else { continue }
            let t = text(v)
            #expect(t == v.description)
            #expect(Double(t)?.bitPattern == v.bitPattern)
            checked += 1
        }
        #expect(checked > 390_000)
        for v in [0.0, -0.0, 1e-05, 0.1, 1.0, 1e16, 1e-320, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.2250738585072014e-308] {
            #expect(text(v) == v.description)
        }
    }

    func pow10(_ e: Int) -> Double { (0..<e).reduce(1.0) { acc, _ in acc / 10 } }

    @Test func decimalsAreStringOfInt() {
        var g = SplitMix(state: 7)
        for n in [0, 1, 9, 10, 99, 100, Int.max, Int.min, -1] + (0..<10_000).map({ _ in Int.random(in: (-10_000_000_000)...(10_000_000_000), using: &g) }) {
            var s = ByteStream()
            s.appendDecimal(n)
            #expect(String(decoding: s.bytes, as: UTF8.self) == String(n))
        }
    }

    @Test func csvBytesEqualTheTextWriter() throws {
        let text = #"""
        {"steps": 3000, "schedules": [
          {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 37},
          {"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 1000, "label": "stops, early"},
          {"type": "step", "lr": 0.1, "step_size": 300, "gamma": 0.5},
          {"type": "constant", "lr": 0},
          {"type": "linear", "lr": 1, "end_lr": 0, "total_steps": 2000}
        ]}
        """#
        let spec = try SpecDecoder().decode(text, file: "s.json")
        var viaText = ""
        let w1 = try ValuesWriter(spec: spec, format: .csv, file: "s.json").write { viaText += $0 }
        var viaBytes: [UInt8] = []
        let w2 = try ValuesWriter(spec: spec, format: .csv, file: "s.json").writeBytes { viaBytes += $0 }
        #expect(String(decoding: viaBytes, as: UTF8.self) == viaText)
        #expect(w1 == w2 && w1.count == 1)
        var json: [UInt8] = []
        _ = try ValuesWriter(spec: spec, format: .json, file: "s.json").writeBytes { json += $0 }
        var jsonText = ""
        _ = try ValuesWriter(spec: spec, format: .json, file: "s.json").write { jsonText += $0 }
        #expect(String(decoding: json, as: UTF8.self) == jsonText)
    }
}
