import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// Extreme parameters: every numeric parameter of every schedule type set to 0, ±1, 2⁶²,
/// Int64 min/max, ±1e308 and 5e-324 gives values or a clear error, never a trap; and where
/// Python's unbounded ints meet step counts the value (or the raise) is the framework's own.
@Suite struct ExtremeValueTests {
    /// Every base × leaf × extreme value (see ``ExtremeValues``): building either fails with a
    /// message or gives a schedule that walks the same step by step and in blocks, samples
    /// into exact columns, and — when closed-form — evaluates near `Int.max` with critical
    /// steps inside their range that hold every extreme. A trap fails the whole test run.
    @Test func everyNumericParameterAtExtremeValues() throws {
        let bases = try ExtremeValues.bases(fixtures: ExtremeValues.fixtureFiles())
        let typesCovered = Set(bases.compactMap { base -> String? in
            if case .string(let s)? = base["type"] { return s } else { return nil }
        })
        #expect(typesCovered == Set(ScheduleCatalog.standard.types.map(\.name)), "a type without a base object")

        var built: [String: Int] = [:]
        var variants = 0
        for base in bases {
            // The base itself (some have extreme numbers inside expressions).
            if case .evaluated(let problems) = ExtremeValues.check(base) {
                #expect(problems.isEmpty, "\(JSONWriter.write(base)): \(problems.joined(separator: "; "))")
            }
            for variant in ExtremeValues.variants(of: base) {
                variants += 1
                switch ExtremeValues.check(variant.object) {
                case .refused(let message):
                    #expect(!message.isEmpty && !message.contains("internal error"), "\(variant): \(message)")
                case .evaluated(let problems):
                    built[variant.typeName, default: 0] += 1
                    #expect(problems.isEmpty, "\(variant): \(problems.joined(separator: "; "))")
                }
            }
        }
        #expect(variants > 10_000)
        // Each type with a numeric parameter builds at some extreme value (the test
        // evaluates, not only refuses).
        for type in ScheduleCatalog.standard.types where type.parameters.contains(where: { $0.kind == .number || $0.kind == .integer }) {
            #expect(built[type.name, default: 0] > 0, "\(type.name) refused every extreme value")
        }
    }

    /// The issue's reported specs: values, no trap.
    @Test(arguments: [
        #"{"type": "cyclic", "base_lr": 0.0001, "max_lr": 0.001, "step_size_up": 4611686018427387904}"#,
        #"{"type": "torch.CosineAnnealingLR", "lr": 0.0101, "T_max": 4611686018427387904}"#,
        #"{"type": "hf.cosine", "lr": 0.00224, "num_warmup_steps": -9223372036854775808, "num_training_steps": 294}"#,
        #"{"type": "wsd", "lr": 1, "total_steps": 20, "warmup_steps": 9223372036854775807}"#,
    ])
    func reportedSpecs(_ json: String) throws {
        guard let schedule = try? makeSchedule(json) else {
            // wsd with warm-up longer than total_steps is refused with a message.
            #expect(buildError(json)?.contains("warmup_steps") == true)
            return
        }
        let series = try schedule.evaluate(steps: 2)
        #expect(series.learningRates.count == 2 && series.learningRates.allSatisfy(\.isFinite))
    }

    /// The real libraries at extreme parameters and steps (`extremes.json`, written by
    /// `tools/extreme_values.py`): lrplot gives the same values at 1e-9, raises at the same
    /// steps with the same Python exception, and refuses to build exactly what the framework
    /// refuses to construct.
    @Test func matchesTheFrameworksAtExtremeValues() throws {
        guard let url = Bundle.module.url(forResource: "extremes", withExtension: "json", subdirectory: "Fixtures") else {
            Issue.record("extremes.json is missing")
            return
        }
        let document = try JSONParser.parse(try String(contentsOf: url, encoding: .utf8))
        guard case .array(let cases)? = document["cases"] else {
            Issue.record("no cases")
            return
        }
        #expect(cases.count > 100)
        for c in cases {
            guard case .string(let id)? = c["id"], let object = c["schedule"], case .string(let kind)? = c["kind"],
                  case .array(let stepValues)? = c["steps"] else {
                Issue.record("malformed case \(c)")
                continue
            }
            let steps = stepValues.compactMap { v -> Int? in if case .integer(let i) = v { return i } else { return nil } }
            let schedule: any Schedule
            do {
                schedule = try ScheduleCatalog.standard.make(object, path: "s")
            } catch {
                // A framework that computes lazily (optax) raising at step 0: lrplot has no
                // value to show and refuses the spec, naming the same exception.
                var raisesAtStepZero = false
                if steps.first == 0, case .array(let errors)? = c["errors"], case .string(let first)? = errors.first {
                    raisesAtStepZero = "\(error)".contains(Self.exceptionType(first))
                }
                #expect(c["construct"] != nil || raisesAtStepZero, "\(id): lrplot refuses what the framework builds: \(error)")
                continue
            }
            if case .string(let refusal)? = c["construct"] {
                Issue.record("\(id): the framework refuses to build (\(refusal)), lrplot builds it")
                continue
            }
            guard case .array(let expectedValues)? = c["values"] else { continue }
            let expected = expectedValues.map(Self.number)
            if kind == "walk" {
                let series = try schedule.evaluate(steps: steps.count)
                let raise = c["raises"]
                let stopStep: Int?
                if case .integer(let s)? = raise?["step"] { stopStep = s } else { stopStep = nil }
                #expect(series.stop?.step == stopStep, "\(id): stops at \(String(describing: series.stop)), expected \(String(describing: raise))")
                if case .string(let error)? = raise?["error"], let stop = series.stop {
                    #expect(stop.message.contains(Self.exceptionType(error)), "\(id): \(stop.message) vs \(error)")
                }
                #expect(Closeness.firstMismatch(series.learningRates, expected.compactMap { $0 }) == nil,
                        "\(id): \(Closeness.firstMismatch(series.learningRates, expected.compactMap { $0 }) ?? "")")
            } else {
                guard case .array(let errors)? = c["errors"] else { continue }
                for (i, t) in steps.enumerated() {
                    let got: Result<Double, PythonRaise>
                    if let raising = schedule as? any RaisingClosedFormSchedule {
                        got = Result { () throws(PythonRaise) -> Double in try raising.checkedValue(at: t) }
                    } else if let closed = schedule as? any ClosedFormSchedule {
                        got = .success(closed.value(at: t))
                    } else {
                        Issue.record("\(id): not closed-form")
                        break
                    }
                    switch (got, errors[i]) {
                    case (.success(let v), .null):
                        let e = expected[i] ?? .nan
                        #expect(Closeness.firstMismatch([v], [e]) == nil || (v.isNaN && e.isNaN),
                                "\(id) at step \(t): \(v), expected \(e)")
                    case (.failure(let raise), .string(let error)):
                        #expect(raise.message.hasPrefix(Self.exceptionType(error)), "\(id) at step \(t): \(raise) vs \(error)")
                    case (.success(let v), let error):
                        Issue.record("\(id) at step \(t): lrplot gives \(v), the framework raises \(error)")
                    case (.failure(let raise), _):
                        Issue.record("\(id) at step \(t): lrplot raises \(raise), the framework gives \(String(describing: expected[i]))")
                    }
                }
            }
        }
    }

    /// A JSON number, or "nan" / "inf" / "-inf" as written by the generator; `nil` for null.
    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        case .string(let s): return Double(s)
        default: return nil
        }
    }

    /// `"OverflowError"` of `"OverflowError: …"`.
    static func exceptionType(_ error: String) -> String {
        String(error.prefix { $0 != ":" })
    }
}
