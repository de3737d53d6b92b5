import Foundation
import ScheduleCore

/// One case of a fixture file written by a `tools/reference` script: a schedule object, the
/// learning rates the real framework produced, and optionally the momenta it set and the step
/// where it raised.
///
/// File shape: `{"generated_by": …, "cases": [{"id", "steps", "schedule", "values",
/// "momenta"?, "stop"?: {"step", "message"}}]}`.
public struct SteppedReferenceCase: Sendable, CustomStringConvertible {
    public var id: String
    public var steps: Int
    public var schedule: JSONValue
    public var values: [Double]
    public var momenta: [Double]?
    /// The first step without a value and the framework's message, when it raised.
    public var stop: (step: Int, message: String)?

    public var description: String { id }

    /// Every case of the fixture `name.json` in `bundle`'s `Fixtures` folder (empty when the
    /// file is missing, which the callers' count checks catch).
    public static func load(_ name: String, in bundle: Bundle) -> [SteppedReferenceCase] {
        guard let url = bundle.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let document = try? JSONParser.parse(text),
              case .array(let cases)? = document["cases"] else { return [] }
        return cases.compactMap { c in
            guard case .string(let id)? = c["id"], case .integer(let steps)? = c["steps"], let schedule = c["schedule"],
                  case .array(let raw)? = c["values"] else { return nil }
            var result = SteppedReferenceCase(id: id, steps: steps, schedule: schedule, values: raw.compactMap(\.doubleValue))
            if case .array(let m)? = c["momenta"] { result.momenta = m.compactMap(\.doubleValue) }
            if case .integer(let s)? = c["stop"]?["step"], case .string(let message)? = c["stop"]?["message"] {
                result.stop = (s, message)
            }
            return result
        }
    }

    /// Builds the case's schedule through the standard catalog and compares every value (and
    /// momentum, and the stop) with the framework's; the description of the first difference,
    /// or `nil`.
    public func firstDifference(catalog: ScheduleCatalog = .standard) throws -> String? {
        let schedule = try catalog.make(self.schedule, path: id)
        let series = try schedule.evaluate(steps: steps)
        if let mismatch = Closeness.firstMismatch(series.learningRates, values) { return "lr: \(mismatch)" }
        if let momenta {
            guard schedule.setsMomentum else { return "the framework set momenta, the schedule sets none" }
            if let mismatch = Closeness.firstMismatch(series.momenta ?? [], momenta) { return "momentum: \(mismatch)" }
        }
        if series.stop?.step != stop?.step { return "stop: \(String(describing: series.stop)), expected \(String(describing: stop))" }
        if let expected = stop?.message, series.stop?.message.hasPrefix(expected) != true {
            return "stop message: \(String(describing: series.stop?.message)), expected \(expected)"
        }
        return nil
    }
}
