import Dispatch
import ScheduleCore

/// Writes the CSV of several schedules block by block, overlapping the work on the cores
/// there are.
///
/// Rows are produced in blocks of ``blockRows`` steps. Each stage runs, as independent tasks
/// of one `concurrentPerform`, in this order:
/// - the emission of block k − 1, in order (first: it waits on the kernel);
/// - the formatting of block k, one task per ``chunkRows`` rows (each chunk with its own
///   ``FieldCache``s, which only reuse text, so the bytes do not depend on the chunking);
/// - the computation of block k + 1, one task per schedule (cursors are independent values;
///   these shorter tasks fill the gaps at the end of the stage).
///
/// The bytes are exactly those of formatting the rows one after the other. A learning rate
/// that is NaN or infinite ends the output before its row (the earliest step, then the
/// leftmost schedule) with the error ``ValuesWriter/nonFinite(entry:step:value:)`` gives.
///
/// Memory follows the output, not the number of schedules: a block holds at most
/// ``valuesPerBlock`` values and a formatting chunk about ``valuesPerChunk``, so with many
/// columns a block has fewer rows (10,000 columns: 26 rows a block, 3 a chunk; never more
/// rows than steps), and the buffers are about 2 × 2 MB of values and 2 × 8.7 MB of text
/// (33 bytes reserved a value) whatever the columns. Measured with `/usr/bin/time -v`: 10,000
/// schedules × 2 steps peak at 44 MB (27 MB for one schedule), × 200 steps at 65 MB.
final class CSVPipeline: @unchecked Sendable {
    /// The most steps per block.
    static let maximumBlockRows = 8_192
    /// The most rows per formatting task.
    static let maximumChunkRows = 1_024
    /// Values per block at most (two blocks are held: the one formatted, the one computed).
    static let valuesPerBlock = 1 << 18
    /// Values per formatting chunk at most.
    static let valuesPerChunk = 1 << 15
    /// Stands in the matrix for a step where a schedule sets no momentum: a NaN with a
    /// payload that arithmetic never produces (computed NaNs are the default quiet NaN).
    static let noMomentum = Double(nan: 0x5AFE, signaling: false)

    /// Steps per block: 8192, or fewer with many columns or few steps.
    let blockRows: Int
    /// Rows per formatting task: 1024, or fewer with many columns.
    let chunkRows: Int

    // Concurrent tasks touch disjoint elements of these buffers (allocated once, so no
    // copy-on-write storage is shared between threads); a stage's readers only read.
    private let cursors: UnsafeMutableBufferPointer<ScheduleCursor>
    /// One reusable block per cursor, filled by its compute task.
    private let scratch: UnsafeMutableBufferPointer<ScheduleBlock>
    /// Two row-major matrices of `blockRows × columns` values: block k is in matrix `k % 2`,
    /// so formatting reads a row contiguously and never touches a shared array.
    private let matrix: UnsafeMutableBufferPointer<Double>
    /// Per matrix and cursor: the rows it filled and the row of its
    /// first non-finite learning rate (`Int.max` when none).
    private let filled: UnsafeMutableBufferPointer<Int>
    private let firstBad: UnsafeMutableBufferPointer<Int>
    /// Two sets of formatted chunks: chunk c of block k is `text[(k % 2) * chunks + c]`.
    private let text: UnsafeMutableBufferPointer<TextBuffer>
    /// The first column of each cursor (its momentum, if any, is the next one).
    private let firstColumn: [Int]
    private let momentumColumns: [Bool]
    private let columns: Int
    private let steps: Int
    /// With `steps_per_epoch`: an `epoch` column after the step, ⌊step / stepsPerEpoch⌋.
    private let stepsPerEpoch: Int?
    /// Set once `emit` has asked to stop (the output failed): no more blocks are made.
    private var stopped = false
    private let chunksPerBlock: Int

    init(cursors: [ScheduleCursor], momentumColumns: [Bool], steps: Int, stepsPerEpoch: Int? = nil) {
        let n = cursors.count
        self.cursors = .allocate(capacity: n)
        _ = self.cursors.initialize(from: cursors)
        scratch = .allocate(capacity: n)
        scratch.initialize(repeating: ScheduleBlock())
        var first: [Int] = []
        var column = 0
        for m in momentumColumns {
            first.append(column)
            column += m ? 2 : 1
        }
        firstColumn = first
        columns = column
        let width = max(column, 1)
        let blockRows = max(1, min(Self.maximumBlockRows, Self.valuesPerBlock / width, steps))
        let chunkRows = max(1, min(Self.maximumChunkRows, Self.valuesPerChunk / width, blockRows))
        self.blockRows = blockRows
        self.chunkRows = chunkRows
        chunksPerBlock = (blockRows + chunkRows - 1) / chunkRows
        matrix = .allocate(capacity: 2 * blockRows * width)
        matrix.initialize(repeating: 0)
        filled = .allocate(capacity: 2 * n)
        filled.initialize(repeating: 0)
        firstBad = .allocate(capacity: 2 * n)
        firstBad.initialize(repeating: .max)
        text = .allocate(capacity: 2 * chunksPerBlock)
        _ = text.initialize(from: (0 ..< 2 * chunksPerBlock).map { _ in TextBuffer(capacity: chunkRows * (22 + 33 * column)) })
        self.momentumColumns = momentumColumns
        self.steps = steps
        self.stepsPerEpoch = stepsPerEpoch
    }

    deinit {
        cursors.deinitialize().deallocate()
        scratch.deinitialize().deallocate()
        matrix.deallocate()
        filled.deallocate()
        firstBad.deallocate()
        for chunk in text { chunk.free() }
        text.deinitialize().deallocate()
    }

    /// What the walks found, once ``run(emit:)`` has returned: each cursor's stop, and the
    /// non-finite learning rate the output ended at, if any.
    var diagnostics: [EvaluationDiagnostic] {
        cursors.indices.flatMap { i in Evaluation.found(in: i, stop: cursors[i].stop, nonFinite: nil) }
            + (endedAt.map { [.nonFinite(schedule: $0.schedule, step: $0.step, value: $0.value)] } ?? [])
    }

    /// The non-finite learning rate the output ended at (the earliest step, then the leftmost
    /// schedule), set by ``run(emit:)``.
    private(set) var endedAt: (step: Int, schedule: Int, value: Double)?

    private func chunks(of k: Int) -> UnsafeMutableBufferPointer<TextBuffer> {
        UnsafeMutableBufferPointer(rebasing: text[((k % 2) * chunksPerBlock)..<((k % 2 + 1) * chunksPerBlock)])
    }

    /// The first non-finite learning rate in a block: its row and schedule.
    struct NonFinite {
        var row: Int
        var schedule: Int
        var value: Double
    }

    /// Computes, formats and emits every row, up to the first non-finite learning rate
    /// (``endedAt``); ``diagnostics`` then holds what the walks found. `emit` returns
    /// whether to go on: once it returns `false` (the output failed) nothing more is
    /// emitted, and no more blocks are made. `progress` gets the steps done after each block.
    func run(emit: (UnsafeRawBufferPointer) -> Bool, progress: ((Int) -> Void)? = nil) {
        // Only one task emits at a time (stage k emits block k − 1 in one task, the caller's
        // thread the rest after the stages), so the closure is never called concurrently.
        endedAt = withoutActuallyEscaping(emit) { emit in
            run(emitter: Emitter(emit: emit, pipeline: self), progress: progress)
        }
    }

    private struct Emitter: @unchecked Sendable {
        let emit: (UnsafeRawBufferPointer) -> Bool
        let pipeline: CSVPipeline
        func callAsFunction(_ bytes: UnsafeRawBufferPointer) {
            if !pipeline.stopped && !emit(bytes) { pipeline.stopped = true }
        }
    }

    private func run(emitter emit: Emitter, progress: ((Int) -> Void)?) -> (step: Int, schedule: Int, value: Double)? {
        let blockCount = (steps + blockRows - 1) / blockRows
        guard blockCount > 0 else { return nil }
        compute(block: 0)
        for k in 0..<blockCount {
            if stopped { return nil }
            progress?(k * blockRows)
            let rows = min(blockRows, steps - k * blockRows)
            let bad = firstNonFinite(block: k)
            let limit = bad?.row ?? rows
            let computeTasks = bad == nil && k + 1 < blockCount ? cursors.count : 0
            let formatTasks = (limit + chunkRows - 1) / chunkRows
            let emitTasks = k > 0 ? 1 : 0
            let current = chunks(of: k)
            for c in current.indices { current[c].removeAll() }
            // The emission first (it waits on the kernel), then the longest tasks (formatting),
            // then the shorter ones (a schedule's block), which fill the gaps at the end.
            DispatchQueue.concurrentPerform(iterations: emitTasks + formatTasks + computeTasks) { index in
                let task = index - emitTasks
                if task < 0 {
                    for chunk in self.chunks(of: k - 1) where chunk.count > 0 { emit(chunk.bytes) }
                } else if task < formatTasks {
                    self.format(block: k, rows: (task * chunkRows) ..< min(limit, (task + 1) * chunkRows), chunk: task)
                } else {
                    self.compute(block: k + 1, cursor: task - formatTasks)
                }
            }
            if let bad {
                for chunk in current where chunk.count > 0 { emit(chunk.bytes) }
                return (k * blockRows + bad.row, bad.schedule, bad.value)
            }
        }
        for chunk in chunks(of: blockCount - 1) where chunk.count > 0 { emit(chunk.bytes) }
        return nil
    }

    private func compute(block k: Int) {
        DispatchQueue.concurrentPerform(iterations: cursors.count) { compute(block: k, cursor: $0) }
    }

    private func compute(block k: Int, cursor i: Int) {
        let block = scratch.baseAddress.unsafelyUnwrapped + i
        cursors[i].next(blockRows, into: &block.pointee)
        let slot = (k % 2) * cursors.count + i
        let base = matrix.baseAddress.unsafelyUnwrapped + (k % 2) * blockRows * columns + firstColumn[i]
        let stride = columns
        let rates = block.pointee.learningRates
        filled[slot] = rates.count
        // The cursor notes its first non-finite learning rate; rows of earlier blocks were fine.
        if let bad = cursors[i].nonFinite, bad.step >= k * blockRows {
            firstBad[slot] = bad.step - k * blockRows
        } else {
            firstBad[slot] = .max
        }
        rates.withUnsafeBufferPointer { values in
            for (r, v) in values.enumerated() { base[r * stride] = v }
        }
        if momentumColumns[i] {
            block.pointee.momenta.withUnsafeBufferPointer { values in
                for (r, v) in values.enumerated() { base[r * stride + 1] = v ?? Self.noMomentum }
            }
        }
    }

    private func firstNonFinite(block k: Int) -> NonFinite? {
        var best: NonFinite?
        for i in cursors.indices {
            let row = firstBad[(k % 2) * cursors.count + i]
            if row < (best?.row ?? .max) {
                let v = matrix[(k % 2) * blockRows * columns + row * columns + firstColumn[i]]
                best = NonFinite(row: row, schedule: i, value: v)
            }
        }
        return best
    }

    private func format(block k: Int, rows: Range<Int>, chunk c: Int) {
        let n = cursors.count
        let counts = UnsafeBufferPointer(rebasing: filled[((k % 2) * n)..<((k % 2 + 1) * n)])
        let values = matrix.baseAddress.unsafelyUnwrapped + (k % 2) * blockRows * columns
        let firstStep = k * blockRows
        let slot = chunks(of: k).baseAddress.unsafelyUnwrapped + c
        // The buffer is a value holding a pointer it may replace when it grows: work on a copy
        // and store it back.
        var out = slot.pointee
        defer { slot.pointee = out }
        let rowLength = 42 + columns * (1 + FieldCache.maximumLength)
        var fields = [FieldCache](repeating: FieldCache(), count: columns)
        fields.withUnsafeMutableBufferPointer { fields in
            for r in rows {
                out.reserve(rowLength)
                out.advance(ShortestDecimal.write(firstStep + r, to: out.end))
                if let stepsPerEpoch {
                    out.append(UInt8(ascii: ","))
                    out.advance(ShortestDecimal.write((firstStep + r) / stepsPerEpoch, to: out.end))
                }
                let row = values + r * columns
                for i in 0..<n {
                    let present = r < counts[i]
                    let column = firstColumn[i]
                    out.append(UInt8(ascii: ","))
                    if present { fields[column].write(row[column], to: &out) }
                    if momentumColumns[i] {
                        out.append(UInt8(ascii: ","))
                        let m = row[column + 1]
                        if present, m.bitPattern != Self.noMomentum.bitPattern {
                            fields[column + 1].write(m, to: &out)
                        }
                    }
                }
                out.append(UInt8(ascii: "\n"))
            }
        }
    }
}
