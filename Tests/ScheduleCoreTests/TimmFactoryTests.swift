import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// `timm.create_scheduler_v2` against timm 1.0.31's factory stepped as train.py steps it
/// (`tools/reference/make_timm_factory.py`), and `t_in_epochs = false` on the scheduler types:
/// stepped per optimizer update through `step_update`, no longer a flat line.
@Suite struct TimmFactoryTests {
    static let cases = SteppedReferenceCase.load("timm_factory", in: .module)

    /// The factory's own run length per case (its returned num_epochs, in the case's steps).
    static let planned: [String: Int] = {
        guard let url = Bundle.module.url(forResource: "timm_factory", withExtension: "json", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8), let document = try? JSONParser.parse(text),
              case .array(let cases)? = document["cases"] else { return [:] }
        var out: [String: Int] = [:]
        for c in cases { if case .string(let id)? = c["id"], case .integer(let n)? = c["planned_steps"] { out[id] = n } }
        return out
    }()

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 60)
        #expect(Self.cases.contains { $0.schedule["step_on_epochs"] == .bool(false) })
    }

    @Test(arguments: cases)
    func matchesTimm(_ reference: SteppedReferenceCase) throws {
        let difference = try reference.firstDifference()
        #expect(difference == nil, "\(reference.id): \(difference ?? "")")
        let schedule = try ScheduleCatalog.standard.make(reference.schedule, path: reference.id)
        #expect((schedule as? any PlannedLength)?.plannedSteps == Self.planned[reference.id], "\(reference.id)")
    }

    @Test func perUpdateSchedulerIsNotFlat() throws {
        // create_scheduler_v2(sched="cosine", num_epochs=2, warmup_epochs=1, step_on_epochs=False, updates_per_epoch=4)
        // builds CosineLRScheduler(t_initial=8, warmup_t=4, t_in_epochs=False); train.py calls step_update(u).
        let s = try makeSchedule(#"{"type": "timm.CosineLRScheduler", "lr": 0.1, "t_initial": 8, "warmup_t": 4, "warmup_lr_init": 0.0, "t_in_epochs": false}"#)
        let v = try s.evaluate(steps: 8).learningRates
        #expect(v[0] == 0 && abs(v[2] - 0.05) < 1e-15 && abs(v[4] - 0.05 * (1 + cos(Double.pi * 4 / 8))) < 1e-15)
        #expect(Set(v).count > 4)
    }

    @Test func rejectsWhatTimmRejects() {
        #expect(buildError(#"{"type": "timm.create_scheduler_v2", "lr": 0.1, "step_on_epochs": false}"#)?.contains("updates_per_epoch must be set") == true)
        #expect(buildError(#"{"type": "timm.create_scheduler_v2", "lr": 0.1, "sched": "plateau", "step_on_epochs": false, "updates_per_epoch": 3}"#)?.contains("Plateau LR only supports step per epoch") == true)
        #expect(buildError(#"{"type": "timm.create_scheduler_v2", "lr": 0.1, "sched": "wsd", "num_epochs": 10, "decay_epochs": 20}"#)?.contains("wsd schedule requires 0 < decay_epochs <= epochs - warmup_epochs, got decay 20") == true)
        #expect(buildError(#"{"type": "timm.create_scheduler_v2", "lr": 0.1, "noise": [0.4, 0.9]}"#)?.contains("set it to null") == true)
        #expect(buildError(#"{"type": "timm.create_scheduler_v2", "lr": 0.1, "num_epochs": 0}"#)?.contains("create_scheduler_v2 builds timm.CosineLRScheduler, which rejects t_initial") == true)
        #expect(buildError(#"{"type": "timm.create_scheduler_v2", "lr": 0.1, "updates_per_epoch": 5}"#)?.contains("used only with step_on_epochs false") == true)
    }

    @Test func noneKeepsTheOptimizersRate() throws {
        let s = try makeSchedule(#"{"type": "timm.create_scheduler_v2", "lr": 0.3, "sched": "none", "num_epochs": 4, "warmup_epochs": 2, "warmup_prefix": true}"#)
        #expect(try s.evaluate(steps: 3).learningRates == [0.3, 0.3, 0.3])
        #expect((s as? any PlannedLength)?.plannedSteps == 6)
    }
}
