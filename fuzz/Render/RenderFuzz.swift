// libFuzzer target that renders: specs decoded, turned into charts (sampling, stairs,
// markers, panels, legends, epochs) and drawn to PNG, SVG, PDF or HTML. Built by
// fuzz/run.sh.
//
// Bounded in the harness so that an input renders in about a millisecond: at most 2000 steps
// (still past the chart's per-column reduction, which starts at 6 × 4 × width × scale
// steps: 384 at the smallest chart), a chart of at most 240 × 180 at scale ≤ 2, one format per
// input (PNG, SVG, PDF or HTML by the input's length), and no "simulate" block or logs
// (fuzz-simulate covers simulations; logs are files). A trap, a Cairo error on a chart the
// builder accepted, or output that is not the format asked for is a crash.
@testable import LRPlotKit
import Plot
import ScheduleCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard var spec = try? SpecDecoder().decode(text, file: "fuzz.json"), spec.simulation == nil, spec.logs.isEmpty else {
        return 0
    }
    spec.steps = min(spec.steps, 2_000)
    spec.width = min(spec.width, 240)
    spec.height = spec.height.map { min($0, 180) }
    spec.scale = min(spec.scale, 2)
    guard let built = try? ChartBuilder(spec: spec).build() else { return 0 }
    let format = [ImageFormat.png, .svg, .pdf, .html][size % 4]
    let bytes: [UInt8]
    do {
        bytes = try built.render(format)
    } catch {
        preconditionFailure("rendering \(format) failed: \(error)")
    }
    switch format {
    case .png: precondition(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
    case .svg: precondition(String(decoding: bytes.prefix(64), as: UTF8.self).contains("<?xml"), "not an SVG")
    case .pdf: precondition(bytes.starts(with: Array("%PDF".utf8)), "not a PDF")
    case .html: precondition(bytes.starts(with: Array("<!DOCTYPE html>".utf8)), "not an HTML page")
    }
    return 0
}
