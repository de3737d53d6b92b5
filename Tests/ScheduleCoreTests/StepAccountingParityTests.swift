import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// Step accounting against the real trainers (`tools/configs/accounting/make_accounting.py`):
/// transformers' Trainer (also with DeepSpeed "auto" values), Lightning, an accelerate loop,
/// timm's loader and factory, Keras fit, a mmengine Runner and a DeepSpeed engine, on one to
/// three processes. The counts agree exactly and the rates to 1e-9.
@Suite struct StepAccountingParityTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var training: JSONValue
        var schedule: JSONValue
        var real: JSONValue
        var interval: ScheduleInterval?
        var frequency: Int
        var compareValues: Bool
        var description: String { id }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "step_accounting", withExtension: "json", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8), let document = try? JSONParser.parse(text),
              case .array(let items)? = document["cases"] else { return [] }
        return items.compactMap { c in
            guard case .string(let id)? = c["id"], let training = c["training"], let schedule = c["schedule"], let real = c["real"] else { return nil }
            var interval: ScheduleInterval?
            if case .string(let s)? = c["interval"] { interval = ScheduleInterval(rawValue: s) }
            var frequency = 1
            if case .integer(let f)? = c["frequency"] { frequency = f }
            return Case(id: id, training: training, schedule: schedule, real: real, interval: interval,
                        frequency: frequency, compareValues: c["compare_values"] != .bool(false))
        }
    }()

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 29)
        #expect(Set(Self.cases.map { $0.id.split(separator: "#")[0] }) == ["transformers", "transformers+deepspeed", "lightning", "accelerate", "timm", "keras", "mmengine", "deepspeed"])
    }

    @Test(arguments: cases)
    func countsAsTheTrainer(_ c: Case) throws {
        let training = try TrainingSetup(json: c.training)
        let r = try TrainingResolver(training: training).resolve(c.schedule, path: c.id, interval: c.interval, frequency: c.frequency)
        let d = r.derivation
        let realSteps = c.real["steps"]?.doubleValue.map { Int($0) }
        #expect(d.steps == realSteps, "\(c.id): steps \(String(describing: d.steps)) vs \(String(describing: realSteps)); \(d.rules.map(\.rule))")
        if case .integer(let spe)? = c.real["steps_per_epoch"], d.axis != .epoch {
            #expect(d.stepsPerEpoch == spe, "\(c.id): steps per epoch \(String(describing: d.stepsPerEpoch)) vs \(spe)")
        }
        if case .integer(let bpe)? = c.real["batches_per_epoch"] {
            #expect(d.batchesPerEpoch == bpe, "\(c.id): batches per epoch \(String(describing: d.batchesPerEpoch)) vs \(bpe)")
        }
        if case .integer(let w)? = c.real["warmup_steps"] {
            #expect(d.warmupSteps == w, "\(c.id): warm-up \(String(describing: d.warmupSteps)) vs \(w)")
        }
        if case .integer(let e)? = c.real["estimated_stepping_batches"] {
            #expect(d.steps == e, "\(c.id): estimated_stepping_batches \(e)")
        }
        guard c.compareValues, case .array(let raw)? = c.real["values"] else { return }
        let expected = raw.compactMap(\.doubleValue)
        let series = try r.schedule.evaluate(steps: expected.count)
        let mismatch = Closeness.firstMismatch(series.learningRates, expected)
        #expect(mismatch == nil, "\(c.id): \(mismatch ?? "")")
    }
}
