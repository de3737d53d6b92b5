import Foundation
import ScheduleCore

/// One case of the reference data computed by the real frameworks (`frameworks.json`).
public struct ReferenceCase: Sendable, CustomStringConvertible {
    /// e.g. `torch.StepLR#0`.
    public var id: String
    public var steps: Int
    /// The schedule object as an lrplot spec writes it.
    public var schedule: JSONValue
    /// `values[t]`: the framework's learning rate at step `t`.
    public var values: [Double]

    public var description: String { id }

    /// The schedule type named in the case.
    public var typeName: String {
        if case .string(let s)? = schedule["type"] { return s }
        return "?"
    }

    /// Loads every case of a `frameworks.json` file.
    public static func load(from url: URL) throws -> [ReferenceCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let document = try JSONParser.parse(text)
        guard case .array(let cases)? = document["cases"] else { throw ReferenceError("no \"cases\" array in \(url.path)") }
        return try cases.map { c in
            guard case .string(let id)? = c["id"], case .integer(let steps)? = c["steps"],
                  let schedule = c["schedule"], case .array(let raw)? = c["values"] else {
                throw ReferenceError("malformed case in \(url.path)")
            }
            let values = try raw.map { v -> Double in
                guard let d = v.doubleValue else { throw ReferenceError("non-number value in \(id)") }
                return d
            }
            return ReferenceCase(id: id, steps: steps, schedule: schedule, values: values)
        }
    }
}

/// A malformed fixture.
public struct ReferenceError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Compares computed values with reference values at a relative tolerance.
public enum Closeness {
    /// `nil` when every `actual[t]` is within `relative` of `expected[t]` (or within `absolute`
    /// of it, for values near zero; infinities and NaN only match themselves) and the counts
    /// agree; otherwise a description of the first mismatch.
    public static func firstMismatch(
        _ actual: [Double], _ expected: [Double], relative: Double = 1e-9, absolute: Double = 1e-15
    ) -> String? {
        for t in 0..<min(actual.count, expected.count) {
            if let mismatch = mismatch(actual[t], expected[t], relative: relative, absolute: absolute) {
                return "step \(t): \(mismatch)"
            }
        }
        if actual.count != expected.count {
            return "got \(actual.count) values, expected \(expected.count)"
        }
        return nil
    }

    /// `nil` when `actual` is within `relative` of `expected` (or within `absolute`; a
    /// non-finite `expected` only matches itself), else a description of the difference.
    public static func mismatch(_ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 1e-15) -> String? {
        if !expected.isFinite {
            let same = expected.isNaN ? actual.isNaN : actual == expected
            return same ? nil : "got \(actual), expected \(expected)"
        }
        let tolerance = max(absolute, relative * abs(expected))
        if abs(actual - expected) <= tolerance { return nil }
        return "got \(actual), expected \(expected) (relative error \(abs(actual - expected) / max(abs(expected), 1e-300)))"
    }
}
