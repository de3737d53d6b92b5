import Foundation
import Testing
import ScheduleCore
import TestSupport

/// Every case of `Fixtures/reference/*.json`, written by `tools/reference/generate.py` from the
/// real PyTorch, transformers, timm, optax and Keras (versions in each file's `generated_by`):
/// values per parameter group to a relative error of 1e-9, the step and words where the
/// framework raises mid-run, and a spec error where its constructor raises. The cases were
/// chosen to take every branch of the frameworks' scheduler code that lrplot offers
/// (`tools/REFERENCE.md`).
@Suite struct FrameworkReferenceTests {
    static let cases: [FrameworkCase] = {
        guard let url = Bundle.module.url(forResource: "reference", withExtension: nil, subdirectory: "Fixtures"),
              let cases = try? FrameworkCase.loadAll(directory: url) else { return [] }
        return cases
    }()

    @Test func fixturesLoaded() {
        let frameworks = Set(Self.cases.map { $0.typeName.split(separator: ".").first.map(String.init) ?? "" })
        #expect(frameworks.isSuperset(of: ["torch"]))
        #expect(Self.cases.count >= 200)
    }

    /// Whether lrplot's error `message` says what the framework raised: it quotes the
    /// framework's words (those after the exception's type), or, for a missing argument
    /// (transformers' "`<Type>` requires `name`, please provide that argument."), it names the
    /// parameter the way lrplot names every missing one ("needs \"name\"").
    static func says(_ message: String, _ raised: String) -> Bool {
        let words = raised.split(separator: ":", maxSplits: 1).dropFirst().first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if words.isEmpty || message.contains(words) { return true }
        if let start = words.range(of: " requires `"), let end = words[start.upperBound...].firstIndex(of: "`") {
            return message.contains("needs \"\(words[start.upperBound..<end])\"")
        }
        return false
    }

    @Test(arguments: cases)
    func matchesFramework(_ reference: FrameworkCase) throws {
        switch reference.expectation {
        case .error(let raised):
            do {
                let groups = try ScheduleCatalog.standard.makeGroups(reference.schedule, path: reference.id)
                Issue.record("\(reference.id): accepted (\(groups.count) groups), but the framework raises \(raised)")
            } catch let error as ScheduleError {
                #expect(Self.says(error.message, raised), "\(reference.id): \(error) does not say \(raised)")
            }
        case .points(let points):
            let schedule = try ScheduleCatalog.standard.make(reference.schedule, path: reference.id)
            guard let closed = schedule as? any ClosedFormSchedule else {
                Issue.record("\(reference.id): not a closed form")
                return
            }
            for point in points {
                let mismatch = Closeness.mismatch(closed.value(at: point.step), point.value)
                #expect(mismatch == nil, "\(reference.id) at step \(point.step): \(mismatch ?? "")")
            }
        case .series(let steps, let values, let momenta, let stop):
            let groups = try ScheduleCatalog.standard.makeGroups(reference.schedule, path: reference.id)
            try #require(groups.count == values.count, "\(reference.id): \(groups.count) groups, expected \(values.count)")
            for (g, schedule) in groups.enumerated() {
                let series = try schedule.evaluate(steps: steps)
                let mismatch = Closeness.firstMismatch(series.learningRates, values[g])
                #expect(mismatch == nil, "\(reference.id) group \(g): \(mismatch ?? "")")
                #expect(schedule.setsMomentum == (momenta != nil), "\(reference.id): setsMomentum \(schedule.setsMomentum)")
                if let momenta {
                    let m = Closeness.firstMismatch(series.momenta ?? [], momenta[g])
                    #expect(m == nil, "\(reference.id) group \(g) momentum: \(m ?? "")")
                }
                #expect(series.stop?.step == stop?.step, "\(reference.id) group \(g): stop \(String(describing: series.stop)), expected \(String(describing: stop))")
                if let expected = stop?.message {
                    #expect(series.stop?.message.hasPrefix(expected) == true, "\(reference.id): \(String(describing: series.stop))")
                }
            }
        }
    }
}
