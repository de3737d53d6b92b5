/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014):
/// the deterministic generator behind a digits run's initial weights and mini-batch order.
///
/// ```
/// state = state + 0x9E3779B97F4A7C15            (wrapping)
/// z = (state ^ (state >> 30)) · 0xBF58476D1CE4E5B9
/// z = (z ^ (z >> 27)) · 0x94D049BB133111EB
/// next = z ^ (z >> 31)
/// ```
/// The same seed gives the same sequence on every platform and Swift version (unlike the
/// standard library's `shuffle`, whose algorithm is unspecified).
public struct SplitMix64: Sendable, Equatable {
    public private(set) var state: UInt64

    /// A generator whose state starts at `seed` (negative seeds use their two's-complement bits).
    public init(seed: Int) {
        state = UInt64(bitPattern: Int64(seed))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// An integer uniform in `0 ..< bound` (`bound` > 0), by Lemire's multiply-and-reject
    /// method: the high word of `next() · bound`, redrawn while the low word is below
    /// `2⁶⁴ mod bound`.
    public mutating func nextInt(below bound: Int) -> Int {
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle: for i = n−1 down to 1, swap element i with element
    /// ``nextInt(below:)``(i + 1).
    public mutating func shuffle(_ values: inout [Int]) {
        var i = values.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }
}
