import Dispatch
import ScheduleCore

/// Writes the JSON of several schedules in constant memory, formatting on the cores there
/// are.
///
/// The JSON lists all steps, then each series' values in full, so a writer that keeps
/// nothing walks each schedule on its own:
/// 1. a first pass walks every schedule (concurrently, no text) to find the stops and the
///    first NaN or infinite learning rate, so that such an error is raised before anything
///    is written;
/// 2. the steps are written, then each series: its cursor walks the steps again in blocks,
///    each block formatted in chunks concurrently and emitted in order; a schedule that sets
///    momentum is walked a third time for its `"momentum"` array.
///
/// The bytes are exactly those of the one-step-at-a-time reference writer of the tests.
struct JSONPipeline {
    /// Steps per block.
    static let blockRows = 16_384
    /// Values per formatting task.
    static let chunkRows = 2_048

    var entries: [ScheduleEntry]
    var momentumColumns: [Bool]
    var steps: Int
    /// With `steps_per_epoch`: an `"epochs"` list after `"steps"`, ⌊step / stepsPerEpoch⌋.
    var stepsPerEpoch: Int? = nil
    /// Makes a fresh cursor for entry `i` (a walk from step 0).
    var makeCursor: (Int) throws(LRPlotError) -> ScheduleCursor

    /// Walks every schedule once, concurrently, keeping only what the walk found: its stop and
    /// its first non-finite learning rate.
    func survey() throws(LRPlotError) -> [EvaluationDiagnostic] {
        var list: [ScheduleCursor] = []
        for i in entries.indices { list.append(try makeCursor(i)) }
        let cursors = Slots(list)
        defer { cursors.free() }
        DispatchQueue.concurrentPerform(iterations: entries.count) { i in
            var block = ScheduleBlock()
            while cursors.base[i].nonFinite == nil, cursors.base[i].next(Self.blockRows, into: &block) {}
        }
        return cursors.base.indices.flatMap { i in
            Evaluation.found(in: i, stop: cursors.base[i].stop, nonFinite: cursors.base[i].nonFinite)
        }
    }

    /// Writes the whole document through `emit`, given the survey's stops.
    func write(stops: [ScheduleStop?], emit: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void,
               progress: ((Int, Int) -> Void)? = nil) throws(LRPlotError) {
        var text = TextBuffer(capacity: 1 << 16)
        defer { text.free() }
        let chunks = Slots((0 ..< Self.blockRows / Self.chunkRows).map { _ in TextBuffer(capacity: Self.chunkRows * 26) })
        defer {
            for chunk in chunks.base { chunk.free() }
            chunks.free()
        }
        func flush(_ text: inout TextBuffer, force: Bool) throws(LRPlotError) {
            if text.count >= 1 << 16 || (force && text.count > 0) {
                try emit(text.bytes)
                text.removeAll()
            }
        }
        try ValuesDocument.writeJSON(
            steps: 0..<steps, stepsPerEpoch: stepsPerEpoch, entries: entries, momentumColumns: momentumColumns,
            stops: stops, into: &text, flush: flush
        ) { (i, momentum, text) throws(LRPlotError) in
            // The numbers go out from the chunks, in order after the text before them.
            try flush(&text, force: true)
            try writeArray(of: i, momentum: momentum, chunks: chunks, emit: emit, progress: progress)
        }
    }

    /// Writes the values (or momenta) of entry `i` at every step, `null` where there is none,
    /// separated by ", ".
    private func writeArray(of i: Int, momentum: Bool, chunks: Slots<TextBuffer>,
                            emit: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void,
                            progress: ((Int, Int) -> Void)?) throws(LRPlotError) {
        var cursor = try makeCursor(i)
        var block = ScheduleBlock()
        for first in stride(from: 0, to: steps, by: Self.blockRows) {
            progress?(i, first)
            let rows = min(Self.blockRows, steps - first)
            cursor.next(rows, into: &block)
            let values = momentum ? block.momenta.map { $0 ?? CSVPipeline.noMomentum } : block.learningRates
            let tasks = (rows + Self.chunkRows - 1) / Self.chunkRows
            DispatchQueue.concurrentPerform(iterations: tasks) { c in
                let range = (c * Self.chunkRows) ..< min(rows, (c + 1) * Self.chunkRows)
                Self.format(values, rows: range, first: first, into: &chunks.base[c])
            }
            for c in 0..<tasks { try emit(chunks.base[c].bytes) }
        }
    }

    /// Formats `values[rows]` (`null` past the end of `values` and for
    /// ``CSVPipeline/noMomentum``), each preceded by ", " except at step 0.
    private static func format(_ values: [Double], rows: Range<Int>, first: Int, into out: inout TextBuffer) {
        out.removeAll()
        var field = FieldCache()
        let null: UInt32 = 0x6C6C_756E   // "null"
        for r in rows {
            out.reserve(2 + FieldCache.maximumLength)
            if first + r > 0 {
                out.append(UInt8(ascii: ","))
                out.append(UInt8(ascii: " "))
            }
            if r < values.count, values[r].bitPattern != CSVPipeline.noMomentum.bitPattern {
                field.write(values[r], to: &out)
            } else {
                UnsafeMutableRawPointer(out.end).storeBytes(of: null.littleEndian, as: UInt32.self)
                out.advance(4)
            }
        }
    }
}

/// Memory whose elements concurrent tasks read and write, each task its own elements.
private struct Slots<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>

    init(_ elements: [Element]) {
        base = .allocate(capacity: elements.count)
        _ = base.initialize(from: elements)
    }

    init(count: Int, repeating value: Element) {
        base = .allocate(capacity: count)
        base.initialize(repeating: value)
    }

    /// Deinitializes and frees every slot (all must be initialized).
    func free() { base.deinitialize().deallocate() }
}
