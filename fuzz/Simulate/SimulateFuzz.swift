// libFuzzer target over "simulate" specs: the spec decoder with its "simulate" block (the
// optimizer, the problem, inline problems' features and targets, "allow_long", per-schedule
// optimizers), the work estimate and budget, training itself, and the chart of the runs
// (rendered to a small PNG). Built by fuzz/run.sh.
//
// Bounded in the harness so that an input costs a few milliseconds at most: at most 3 steps a
// run (enough for every optimizer's state, a validation, a plateau's closed loop and a
// divergence to be taken), only specs whose runs' estimated work is below 4·10⁶
// multiply-adds (the default digits model's 3 steps and 4 validations: 3.7·10⁶), charts of at
// most 200 × 150 at scale 1. The budget check itself runs on the spec's own steps. Checks (a failure traps, so libFuzzer keeps the
// input as a crash):
// - the budget refuses exactly the runs over SimulationBudget.maximumWork (without allow_long);
// - a run has at most the steps asked, one learning rate and one loss per step, and ends
//   early only with a reason (a stop, divergence or a non-finite learning rate).
@testable import LRPlotKit
import Plot
import ScheduleCore
import Simulation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSimulate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard var spec = try? SpecDecoder().decode(text, file: "fuzz.json"), spec.simulation != nil, spec.logs.isEmpty else {
        return 0
    }
    var work = 0.0
    for entry in spec.schedules {
        guard let simulation = entry.simulation else { continue }
        let full = simulation.estimatedWork(steps: spec.steps, metricDriven: entry.schedule.usesMetrics)
        precondition(full.isFinite && full >= 0, "work estimate \(full)")
        do {
            try simulation.checkBudget(steps: spec.steps, schedules: [entry.schedule])
            precondition(simulation.allowLong || full <= SimulationBudget.maximumWork, "budget let \(full) through")
        } catch {
            precondition(!simulation.allowLong && full > SimulationBudget.maximumWork && error.kind == .budget,
                         "budget refused \(full): \(error)")
        }
        work += simulation.estimatedWork(steps: min(spec.steps, 3), metricDriven: entry.schedule.usesMetrics)
    }
    spec.steps = min(spec.steps, 3)
    guard work < 4e6 else { return 0 }
    guard let outcome = try? SimulationJob.run(spec) else { return 0 }
    for result in outcome.results {
        let run = result.run
        precondition(run.losses.count <= spec.steps && run.learningRates.count == run.losses.count, "series lengths")
        if run.losses.count < spec.steps {
            precondition(run.stop != nil || run.divergedAt != nil || run.nonFiniteLearningRate != nil,
                         "ended at \(run.losses.count) of \(spec.steps) without a reason")
        }
    }
    spec.width = min(spec.width, 200)
    spec.height = spec.height.map { min($0, 150) }
    spec.scale = 1
    let built = ChartBuilder(spec: spec).build(simulation: outcome)
    do {
        let png = try built.render(.png)
        precondition(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
    } catch {
        preconditionFailure("rendering the simulation failed: \(error)")
    }
    return 0
}
