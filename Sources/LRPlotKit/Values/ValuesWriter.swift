import Foundation
import ScheduleCore

/// Streams the exact values of a spec's schedules as CSV or JSON.
///
/// All schedules are walked in lockstep, so memory stays constant however many steps there
/// are. Numbers are printed as the shortest text that reads back as the same `Double`.
public struct ValuesWriter {
    public var spec: Spec
    public var format: ValuesFormat
    /// The spec's file name, for messages.
    public var file: String

    public init(spec: Spec, format: ValuesFormat, file: String) {
        self.spec = spec
        self.format = format
        self.file = file
    }

    /// Writes the values through `emit` (called with chunks of UTF-8 bytes, valid during the
    /// call) and returns the warnings for schedules that stopped early. The bytes are those
    /// ``write(_:)`` emits; memory stays constant however many steps there are.
    ///
    /// Both formats are built directly as bytes, each number written by ``ShortestDecimal``
    /// (the text of `description`) without creating a `String`; a value equal to the one
    /// before it in its column reuses that text. CSV goes through a ``CSVPipeline`` (blocks
    /// of steps computed, formatted and emitted concurrently; rows before a NaN are written),
    /// JSON through a ``JSONPipeline`` (one schedule at a time; a NaN is found before anything
    /// is written).
    ///
    /// - Throws: ``LRPlotError`` when a schedule lacks metrics or yields NaN or infinity.
    public func writeBytes(_ emit: (UnsafeRawBufferPointer) -> Void) throws(LRPlotError) -> [String] {
        func emitText(_ text: String) {
            var text = text
            text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
        guard format == .csv else {
            let pipeline = JSONPipeline(
                entries: spec.schedules, momentumColumns: spec.schedules.map(\.schedule.setsMomentum),
                steps: spec.steps, makeCursor: { i throws(LRPlotError) in try makeCursor(spec.schedules[i]) })
            let survey = try pipeline.survey()
            if let bad = survey.nonFinite {
                throw nonFinite(entry: spec.schedules[bad.schedule], step: bad.step, value: bad.value)
            }
            try pipeline.write(stops: survey.stops, emit: emit)
            return warnings(for: survey.stops)
        }
        let cursors = try makeCursors()
        let momentumColumns = spec.schedules.map(\.schedule.setsMomentum)
        var header = "step"
        for (entry, hasMomentum) in zip(spec.schedules, momentumColumns) {
            header += "," + Self.csvField(entry.label)
            if hasMomentum { header += "," + Self.csvField(entry.label + ":momentum") }
        }
        emitText(header + "\n")
        let pipeline = CSVPipeline(cursors: cursors, momentumColumns: momentumColumns, steps: spec.steps)
        if let bad = pipeline.run(emit: emit) {
            throw nonFinite(entry: spec.schedules[bad.schedule], step: bad.step, value: bad.value)
        }
        return warnings(for: pipeline.stops)
    }

    /// Writes the values through `emit` (called with chunks of text) and returns the
    /// warnings for schedules that stopped early.
    ///
    /// The plain reference for ``writeBytes(_:)``, which gives the same bytes: one step at a
    /// time through `String`, holding every value in memory for JSON. Use `writeBytes` for
    /// long runs.
    ///
    /// - Throws: ``LRPlotError`` when a schedule lacks metrics or yields NaN or infinity.
    public func write(_ emit: (String) -> Void) throws(LRPlotError) -> [String] {
        var cursors = try makeCursors()
        let momentumColumns = spec.schedules.map(\.schedule.setsMomentum)
        var buffer = ""
        buffer.reserveCapacity(1 << 16)
        func flushIfLarge() {
            if buffer.utf8.count > 1 << 15 { emit(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        var rows: [[Double?]] = []   // JSON: per series; CSV: unused
        var momenta: [[Double?]] = []
        if format == .csv {
            var header = "step"
            for (entry, hasMomentum) in zip(spec.schedules, momentumColumns) {
                header += "," + Self.csvField(entry.label)
                if hasMomentum { header += "," + Self.csvField(entry.label + ":momentum") }
            }
            buffer += header + "\n"
        } else {
            rows = Array(repeating: [], count: cursors.count)
            momenta = Array(repeating: [], count: cursors.count)
        }
        for step in 0..<spec.steps {
            if format == .csv { buffer += String(step) }
            for i in cursors.indices {
                let sample = cursors[i].next()
                if let sample, !sample.learningRate.isFinite {
                    throw nonFinite(entry: spec.schedules[i], step: step, value: sample.learningRate)
                }
                if format == .csv {
                    buffer += "," + (sample.map { JSONWriter.format($0.learningRate) } ?? "")
                    if momentumColumns[i] { buffer += "," + (sample?.momentum.map(JSONWriter.format) ?? "") }
                } else {
                    rows[i].append(sample?.learningRate)
                    if momentumColumns[i] { momenta[i].append(sample?.momentum) }
                }
            }
            if format == .csv { buffer += "\n"; flushIfLarge() }
        }
        if format == .json {
            emit("{\"steps\": [")
            var first = true
            for step in 0..<spec.steps {
                buffer += (first ? "" : ", ") + String(step)
                first = false
                flushIfLarge()
            }
            buffer += "],\n \"series\": ["
            for i in cursors.indices {
                let entry = spec.schedules[i]
                buffer += (i == 0 ? "\n  " : ",\n  ") + "{\"label\": " + JSONWriter.quote(entry.label)
                buffer += ", \"type\": " + JSONWriter.quote(entry.typeName) + ", \"values\": ["
                for (j, v) in rows[i].enumerated() {
                    buffer += (j == 0 ? "" : ", ") + (v.map(JSONWriter.format) ?? "null")
                    flushIfLarge()
                }
                buffer += "]"
                if momentumColumns[i] {
                    buffer += ", \"momentum\": ["
                    for (j, v) in momenta[i].enumerated() {
                        buffer += (j == 0 ? "" : ", ") + (v.map(JSONWriter.format) ?? "null")
                        flushIfLarge()
                    }
                    buffer += "]"
                }
                if let stop = cursors[i].stop {
                    buffer += ", \"stopped\": {\"step\": \(stop.step), \"message\": " + JSONWriter.quote(stop.message) + "}"
                }
                buffer += "}"
            }
            buffer += "\n]}\n"
        }
        emit(buffer)
        return warnings(for: cursors.map(\.stop))
    }

    func makeCursors() throws(LRPlotError) -> [ScheduleCursor] {
        var cursors: [ScheduleCursor] = []
        for entry in spec.schedules { cursors.append(try makeCursor(entry)) }
        return cursors
    }

    func makeCursor(_ entry: ScheduleEntry) throws(LRPlotError) -> ScheduleCursor {
        do {
            return try ScheduleCursor(entry.schedule, steps: spec.steps)
        } catch {
            throw LRPlotError(.badInput, file: file, path: entry.path, "\(error)")
        }
    }

    func nonFinite(entry: ScheduleEntry, step: Int, value: Double) -> LRPlotError {
        LRPlotError(.badInput, file: file, path: entry.path,
                    "\(entry.label) produced \(value.isNaN ? "NaN" : "infinity") at step \(step); check its parameters")
    }

    /// The warnings for the schedules that stopped early, given each schedule's stop.
    func warnings(for stops: [ScheduleStop?]) -> [String] {
        zip(spec.schedules, stops).compactMap { entry, stop in
            stop.map { Self.stopWarning(entry: entry, stop: $0, file: file) }
        }
    }

    /// The warning printed when a schedule ends early, as the framework would raise there.
    static func stopWarning(entry: ScheduleEntry, stop: ScheduleStop, file: String) -> String {
        "warning: \(file): \(entry.path) (\(entry.label)): the framework raises at step \(stop.step): \(stop.message); the series ends there"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
