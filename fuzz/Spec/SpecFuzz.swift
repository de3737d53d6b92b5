// libFuzzer target over the spec decoder and, through it, every schedule type's parameter
// decoding and evaluation (expressions included). Built by fuzz/run.sh.
//
// Differential checks (a mismatch traps, so libFuzzer keeps the input as a crash):
// - walking a block of steps at a time (`ScheduleCursor.next(_:into:)`, block size from the
//   input) gives the bits and the stop of walking one step at a time;
// - the chart sampler's columns hold the exact first/min/max/last of the walk;
// - `ShortestDecimal` writes every value as `description` does.
@testable import LRPlotKit
import ScheduleCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let spec = try? SpecDecoder().decode(text, file: "fuzz.json") else { return 0 }
    let steps = min(spec.steps, 2_000)
    let blockSize = 1 + size % 97
    for entry in spec.schedules {
        // Evaluate a bounded prefix: the decoder accepts up to 10⁹ steps.
        guard var cursor = try? ScheduleCursor(entry.schedule, steps: steps),
              var blocks = try? ScheduleCursor(entry.schedule, steps: steps) else { continue }
        var rates: [Double] = [], momenta: [Double?] = []
        while let (_, lr, m) = cursor.next() {
            rates.append(lr)
            momenta.append(m)
        }
        var block = ScheduleBlock()
        var blockRates: [Double] = [], blockMomenta: [Double?] = []
        while blocks.next(blockSize, into: &block) {
            blockRates += block.learningRates
            blockMomenta += block.recordsMomenta ? block.momenta : Array(repeating: nil, count: block.count)
        }
        precondition(blockRates.map(\.bitPattern) == rates.map(\.bitPattern), "block walk differs")
        precondition(blockMomenta.map { $0?.bitPattern } == momenta.map { $0?.bitPattern }, "block momenta differ")
        precondition(blocks.stop == cursor.stop, "block stop differs")
        if let sampled = try? ColumnSampler(steps: steps, columns: 1 + size % 61).sample(entry.schedule),
           !sampled.sampledClosedForm {
            for column in sampled.learningRates {
                let values = rates[column.range]
                precondition(column.first.value.bitPattern == values.first?.bitPattern, "column first differs")
                precondition(column.last.value.bitPattern == values.last?.bitPattern, "column last differs")
                if !values.contains(where: \.isNaN) {
                    precondition(column.minimum.value == values.min() && column.maximum.value == values.max(), "column extremes differ")
                }
            }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ShortestDecimal.maximumLength) { buffer in
            for v in rates + momenta.compactMap({ $0 }) where v.isFinite {
                let n = ShortestDecimal.write(v, to: buffer.baseAddress.unsafelyUnwrapped)
                precondition(String(decoding: buffer[..<n], as: UTF8.self) == v.description, "ShortestDecimal differs")
            }
        }
        _ = entry.schedule.breakpoints(below: steps)
    }
    return 0
}
