import Testing
import ScheduleCore
import Simulation

/// `simulate` estimates its work before it starts and refuses a run past the budget unless
/// the spec says `"allow_long": true`.
@Suite struct BudgetTests {
    func spec(_ text: String) throws -> SimulationSpec { try SimulationSpec.decode(try json(text), path: "simulate") }
    let constant = #"{"type": "constant", "lr": 0.01}"#

    /// The documented formula on the default digits model (P = 64·32 + 32 + 32·10 + 10 = 2410
    /// parameters, batch 32, validated every 10 steps of 1000 and at the last: 101 times).
    @Test func estimateFollowsTheDocumentedFormula() throws {
        let digits = try spec(#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits"}"#)
        let perStep: Double = 3 * 32 * 2410 + 16 * 2410 + 500
        let validation: Double = 297 * 2410
        #expect(digits.estimatedWork(steps: 1000, metricDriven: false) == 1000 * perStep + 101 * validation)
        // A metric-driven schedule validates after every update.
        #expect(digits.estimatedWork(steps: 1000, metricDriven: true) == 1000 * perStep + 1000 * validation)
        // Inline: full batch of N = 3 rows, P = d · classes = 2 · 4.
        let inline = try spec(#"{"optimizer": {"type": "torch.Adam"}, "problem": {"loss": "softmax", "features": [[1, 2], [3, 4], [5, 6]], "targets": [0, 3, 1]}}"#)
        let inlineStep: Double = 3 * 3 * 8 + 16 * 8 + 500
        #expect(inline.estimatedWork(steps: 10, metricDriven: false) == 10 * inlineStep)
    }

    /// The issue's example: a 4096-unit model with batch 1500 for 10⁶ steps would run for days.
    @Test func refusesARunOfDaysAndSaysHowToAllowIt() throws {
        let big = try spec(#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits", "hidden": 4096, "batch_size": 1500}"#)
        #expect(big.estimatedWork(steps: 1_000_000, metricDriven: false) > 1e15)
        let schedule = try big.makeSchedule(try json(constant), path: "schedules[0]")
        do {
            _ = try simulate(schedule: schedule, spec: big, steps: 1_000_000)
            Issue.record("ran past the budget")
        } catch {
            #expect(error.kind == .budget)
            #expect(error.message.contains("this run would take about 1.5·10¹⁵ multiply-adds (about 17 days), over the 10¹² a simulation may take unless asked"), "\(error.message)")
            #expect(error.message.contains("\"allow_long\": true"), "\(error.message)")
        }
        // Allowed explicitly, the check passes (the run itself is not started here).
        var allowed = big
        allowed.allowLong = true
        try allowed.checkBudget(steps: 1_000_000, schedules: [schedule])
    }

    /// The runs of several schedules count together; the default model's longest simulation
    /// (10⁶ steps) fits three times, not four.
    @Test func runsCountTogether() throws {
        let digits = try spec(#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits"}"#)
        let schedule = try digits.makeSchedule(try json(constant), path: "schedules[0]")
        try digits.checkBudget(steps: 1_000_000, schedules: Array(repeating: schedule, count: 3))
        #expect(throws: SimulationError.self) {
            try digits.checkBudget(steps: 1_000_000, schedules: Array(repeating: schedule, count: 4))
        }
    }

    /// Every example's simulation is far inside the budget.
    @Test func shortRunsPass() throws {
        let run = try run(#"{"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": "digits"}"#, schedule: constant, steps: 5)
        #expect(run.losses.count == 5)
    }
}
