// libFuzzer target over the Python-expression parser and evaluator. Built by fuzz/run.sh.
import ScheduleCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? Expression(parsing: text, variables: ["epoch"]) else { return 0 }
    for epoch in [0, 1, 7, -3, 1_000_000, Int.max, Int.min] {
        _ = try? expression.evaluate(["epoch": .int(epoch)])
    }
    _ = try? expression.evaluate(["epoch": .float(0.5)])
    return 0
}
