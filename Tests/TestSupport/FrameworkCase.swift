import Foundation
import ScheduleCore

/// One case of the fixtures written by `tools/reference/generate.py` from the real libraries
/// (`Fixtures/reference/<framework>.json`).
///
/// A case is one schedule object and what the framework did with it: the values of each
/// parameter group at steps `0 ..< steps` (and the momentum, for schedulers that cycle it) with
/// the step where it raised, if it did; the values at chosen steps (closed forms at huge steps);
/// or the error its constructor raised.
public struct FrameworkCase: Sendable, CustomStringConvertible {
    /// What the framework produced.
    public enum Expectation: Sendable {
        /// `values[g][t]`: parameter group `g` at step `t`; `stop`: where the framework raised.
        case series(steps: Int, values: [[Double]], momenta: [[Double]]?, stop: ScheduleStop?)
        /// `(step, value)` pairs of a closed-form schedule.
        case points([SamplePair])
        /// The constructor raised, in Python's words (`"ValueError: …"`).
        case error(String)
    }

    /// A step and the framework's value there.
    public struct SamplePair: Sendable {
        public var step: Int
        public var value: Double
    }

    /// e.g. `torch.StepLR/step-size-0`.
    public var id: String
    /// The schedule object as an lrplot spec writes it.
    public var schedule: JSONValue
    public var expectation: Expectation

    public var description: String { id }

    /// The schedule type named in the case.
    public var typeName: String {
        if case .string(let s)? = schedule["type"] { return s }
        return "?"
    }

    /// The cases of every `*.json` file in `directory`, in file-name order.
    public static func loadAll(directory: URL) throws -> [FrameworkCase] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.flatMap { try load(from: $0) }
    }

    /// The cases of one fixture file.
    public static func load(from url: URL) throws -> [FrameworkCase] {
        let document = try JSONParser.parse(try String(contentsOf: url, encoding: .utf8))
        guard case .array(let cases)? = document["cases"] else { throw ReferenceError("no \"cases\" array in \(url.path)") }
        return try cases.map { try FrameworkCase(parsing: $0, file: url.lastPathComponent) }
    }

    init(parsing c: JSONValue, file: String) throws {
        guard case .string(let id)? = c["id"], let schedule = c["schedule"] else {
            throw ReferenceError("a case without id or schedule in \(file)")
        }
        self.id = id
        self.schedule = schedule
        if case .string(let message)? = c["error"] {
            expectation = .error(message)
        } else if case .array(let raw)? = c["points"] {
            expectation = .points(try raw.map { pair in
                guard case .array(let p) = pair, p.count == 2, case .integer(let step) = p[0] else {
                    throw ReferenceError("malformed point in \(id)")
                }
                return SamplePair(step: step, value: try Self.number(p[1], in: id))
            })
        } else if case .integer(let steps)? = c["steps"], let values = c["values"] {
            var stop: ScheduleStop?
            if case .integer(let step)? = c["stop"]?["step"], case .string(let message)? = c["stop"]?["message"] {
                stop = ScheduleStop(step: step, message)
            }
            expectation = .series(steps: steps, values: try Self.groups(values, in: id),
                                  momenta: try c["momenta"].map { try Self.groups($0, in: id) }, stop: stop)
        } else {
            throw ReferenceError("case \(id) has neither values, points nor error")
        }
    }

    /// One list per parameter group: `[v, …]` is one group, `[[v, …], …]` several.
    static func groups(_ value: JSONValue, in id: String) throws -> [[Double]] {
        guard case .array(let items) = value else { throw ReferenceError("values of \(id) are not a list") }
        if case .array? = items.first {
            return try items.map { group in
                guard case .array(let g) = group else { throw ReferenceError("mixed values in \(id)") }
                return try g.map { try number($0, in: id) }
            }
        }
        return [try items.map { try number($0, in: id) }]
    }

    /// A number, or one of the strings `"nan"`, `"inf"`, `"-inf"` (JSON has no literal for them).
    static func number(_ value: JSONValue, in id: String) throws -> Double {
        switch value {
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default:
            guard let d = value.doubleValue else { throw ReferenceError("non-number value in \(id)") }
            return d
        }
    }
}
