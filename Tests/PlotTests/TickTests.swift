import Testing
@testable import Plot

@Suite("Ticks")
struct TickTests {
    @Test func linearUnitRange() {
        let set = LinearScale(domain: 0...1).ticks(target: 6)
        #expect(set.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(set.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(set.multiplier == nil)
    }
}
