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

    /// Writes the values through `emit` (called with chunks of UTF-8 bytes) and returns the
    /// warnings for schedules that stopped early. The bytes are those ``write(_:)`` emits.
    ///
    /// CSV is built directly as bytes: each number is formatted by `Double`'s own
    /// shortest round-trip algorithm (the text of `description`) through
    /// ``ByteStream`` without creating a `String`, and a value equal to the one above it in
    /// the same column reuses that text.
    ///
    /// - Throws: ``LRPlotError`` when a schedule lacks metrics or yields NaN or infinity.
    public func writeBytes(_ emit: ([UInt8]) -> Void) throws(LRPlotError) -> [String] {
        guard format == .csv else {
            return try write { emit(Array($0.utf8)) }
        }
        var cursors = try makeCursors()
        let momentumColumns = spec.schedules.map(\.schedule.setsMomentum)
        var out = ByteStream()
        out.bytes.reserveCapacity(1 << 17)
        var header = "step"
        for (entry, hasMomentum) in zip(spec.schedules, momentumColumns) {
            header += "," + Self.csvField(entry.label)
            if hasMomentum { header += "," + Self.csvField(entry.label + ":momentum") }
        }
        out.write(header + "\n")
        let columnCount = momentumColumns.reduce(0) { $0 + ($1 ? 2 : 1) }
        var fields = [FieldCache](repeating: FieldCache(), count: columnCount)
        for step in 0..<spec.steps {
            out.appendDecimal(step)
            var column = 0
            for i in cursors.indices {
                let sample = cursors[i].next()
                if let sample, !sample.learningRate.isFinite {
                    throw nonFinite(entry: spec.schedules[i], step: step, value: sample.learningRate)
                }
                out.bytes.append(UInt8(ascii: ","))
                if let sample { fields[column].write(sample.learningRate, to: &out) }
                column += 1
                if momentumColumns[i] {
                    out.bytes.append(UInt8(ascii: ","))
                    if let m = sample?.momentum { fields[column].write(m, to: &out) }
                    column += 1
                }
            }
            out.bytes.append(UInt8(ascii: "\n"))
            if out.bytes.count > 1 << 18 {
                emit(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        emit(out.bytes)
        return zip(spec.schedules, cursors).compactMap { entry, cursor in
            cursor.stop.map { Self.stopWarning(entry: entry, stop: $0, file: file) }
        }
    }

    /// Writes the values through `emit` (called with chunks of text) and returns the
    /// warnings for schedules that stopped early.
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
        return zip(spec.schedules, cursors).compactMap { entry, cursor in
            cursor.stop.map { Self.stopWarning(entry: entry, stop: $0, file: file) }
        }
    }

    func makeCursors() throws(LRPlotError) -> [ScheduleCursor] {
        var cursors: [ScheduleCursor] = []
        for entry in spec.schedules {
            do {
                cursors.append(try ScheduleCursor(entry.schedule, steps: spec.steps))
            } catch {
                throw LRPlotError(.badInput, file: file, path: entry.path, "\(error)")
            }
        }
        return cursors
    }

    func nonFinite(entry: ScheduleEntry, step: Int, value: Double) -> LRPlotError {
        LRPlotError(.badInput, file: file, path: entry.path,
                    "\(entry.label) produced \(value.isNaN ? "NaN" : "infinity") at step \(step); check its parameters")
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
