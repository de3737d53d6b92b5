import Foundation
import Testing
import ScheduleCore
import TestSupport

/// Every case of `Fixtures/frameworks.json` (values computed by the real PyTorch,
/// transformers, timm, optax and Keras) is reproduced to a relative error of 1e-9.
@Suite struct ReferenceParityTests {
    static let cases: [ReferenceCase] = {
        guard let url = Bundle.module.url(forResource: "frameworks", withExtension: "json", subdirectory: "Fixtures"),
              let cases = try? ReferenceCase.load(from: url) else { return [] }
        return cases
    }()

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 165)
    }

    @Test(arguments: cases)
    func matchesFramework(_ reference: ReferenceCase) throws {
        let schedule = try ScheduleCatalog.standard.make(reference.schedule, path: reference.id)
        let series = try schedule.evaluate(steps: reference.steps)
        #expect(series.stop == nil, "\(reference.id): \(String(describing: series.stop))")
        let mismatch = Closeness.firstMismatch(series.learningRates, reference.values)
        #expect(mismatch == nil, "\(reference.id): \(mismatch ?? "")")
    }
}
