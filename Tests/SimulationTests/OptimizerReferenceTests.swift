import Foundation
import Testing
import ScheduleCore
import Simulation
import TestSupport

/// One run of `Fixtures/optimizers.json`: a real torch optimizer under a real torch scheduler.
struct OptimizerReferenceCase: Sendable, CustomStringConvertible {
    var id: String
    var steps: Int
    var problem: JSONValue
    var optimizer: JSONValue
    var schedule: JSONValue
    var losses: [Double]
    var description: String { id }

    static let all: [OptimizerReferenceCase] = {
        guard let url = Bundle.module.url(forResource: "optimizers", withExtension: "json", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let document = try? JSONParser.parse(text),
              case .array(let cases)? = document["cases"] else { return [] }
        return cases.compactMap { c in
            guard case .string(let id)? = c["id"], case .integer(let steps)? = c["steps"],
                  let problem = c["problem"], let optimizer = c["optimizer"], let schedule = c["schedule"],
                  case .array(let raw)? = c["losses"] else { return nil }
            return OptimizerReferenceCase(id: id, steps: steps, problem: problem, optimizer: optimizer,
                                          schedule: schedule, losses: raw.compactMap(\.doubleValue))
        }
    }()
}

/// Every run of `Fixtures/optimizers.json` (computed by torch 2.15 in float64, `foreach=False`)
/// is reproduced loss for loss to a relative error of 1e-9 (absolute floor 1e-15).
@Suite struct OptimizerReferenceTests {
    @Test func fixturesLoaded() {
        #expect(OptimizerReferenceCase.all.count == 40)
        #expect(OptimizerReferenceCase.all.allSatisfy { $0.losses.count == $0.steps })
    }

    @Test(arguments: OptimizerReferenceCase.all)
    func matchesTorch(_ reference: OptimizerReferenceCase) throws {
        let spec = try SimulationSpec.decode(
            .object([("optimizer", reference.optimizer), ("problem", reference.problem)]), path: reference.id)
        let schedule = try spec.makeSchedule(reference.schedule, path: "\(reference.id).schedule")
        let run = try simulate(schedule: schedule, spec: spec, steps: reference.steps)
        #expect(run.divergedAt == nil)
        #expect(run.stop == nil)
        #expect(run.losses.count == reference.steps)
        let mismatch = Closeness.firstMismatch(run.losses, reference.losses)
        #expect(mismatch == nil, "\(reference.id): \(mismatch ?? "")")
    }
}
