// libFuzzer target over the spec decoder and, through it, every schedule type's parameter
// decoding and evaluation (expressions included). Built by fuzz/run.sh.
import ScheduleCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let spec = try? SpecDecoder().decode(text, file: "fuzz.json") else { return 0 }
    for entry in spec.schedules {
        // Evaluate a bounded prefix: the decoder accepts up to 10⁹ steps.
        guard var cursor = try? ScheduleCursor(entry.schedule, steps: min(spec.steps, 2_000)) else { continue }
        while cursor.next() != nil {}
        _ = entry.schedule.breakpoints(below: min(spec.steps, 2_000))
    }
    return 0
}
