/// A deterministic random number generator (xorshift64) for Plot's test data; Plot's tests do
/// not depend on the schedule targets' TestSupport.
struct XorShiftGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator; every seed (0 included) gives a non-zero state.
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
