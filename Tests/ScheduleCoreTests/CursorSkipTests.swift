import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// ``ScheduleCursor/skip(to:)``: closed forms jump (their skipped steps are not computed),
/// stateful schedules are walked through every step up to the target and no further, and
/// either way the values after a skip are those of the full walk.
@Suite struct CursorSkipTests {
    /// A closed form that counts the steps it is evaluated at.
    struct CountingClosedForm: ClosedFormSchedule {
        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var count = 0
            func add() { lock.lock(); count += 1; lock.unlock() }
            var value: Int { lock.lock(); defer { lock.unlock() }; return count }
        }
        let calls = Counter()
        func value(at step: Int) -> Double {
            calls.add()
            return 1 / Double(step + 1)
        }
        var evaluations: Int { calls.value }
    }

    /// A stateful schedule that counts its moves.
    struct CountingStateful: Schedule {
        final class Counter: @unchecked Sendable { var moves = 0 }
        let counter = Counter()
        struct State: ScheduleState {
            let counter: Counter
            var learningRate = 1.0
            mutating func advance(metric: Double?) throws {
                counter.moves += 1
                learningRate *= 0.5
            }
        }
        func start() -> any ScheduleState { State(counter: counter) }
    }

    @Test func closedFormsJump() throws {
        let schedule = CountingClosedForm()
        var cursor = try ScheduleCursor(schedule, steps: 1_000_000_000)
        cursor.skip(to: 999_999_990)
        let after = cursor.next()
        let next = try #require(after)
        #expect(next.step == 999_999_990)
        #expect(next.learningRate == 1 / 999_999_991.0)
        // Step 0 when the state starts, the step before the target, and the target.
        #expect(schedule.evaluations <= 3)
    }

    @Test func statefulSchedulesAreWalkedUpToTheTargetOnly() throws {
        let schedule = CountingStateful()
        var cursor = try ScheduleCursor(schedule, steps: 1_000)
        cursor.skip(to: 100)
        #expect(schedule.counter.moves == 99)
        let after = cursor.next()
        let next = try #require(after)
        #expect(next.step == 100 && next.learningRate == pow(0.5, 100))
        #expect(schedule.counter.moves == 100)
    }

    @Test(arguments: [
        #"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 37}"#,
        #"{"type": "hf.cosine", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 300}"#,
        #"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.5, "total_steps": 250}"#,
        #"{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 2, "metrics": [3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}"#,
        #"{"type": "expr", "expr": "1 / (150 - step)"}"#,
    ])
    func valuesAfterSkipsAreTheFullWalks(_ json: String) throws {
        let schedule = try makeSchedule(json)
        let steps = schedule.usesMetrics ? 20 : 300
        let full = try schedule.evaluate(steps: steps)
        var cursor = try ScheduleCursor(schedule, steps: steps)
        var seen: [(Int, Double)] = []
        for target in stride(from: 0, to: steps, by: 7) {
            cursor.skip(to: target)
            guard let (step, lr, _) = cursor.next() else { break }
            seen.append((step, lr))
        }
        #expect(!seen.isEmpty)
        for (step, lr) in seen {
            #expect(step < full.learningRates.count)
            #expect(lr.bitPattern == full.learningRates[step].bitPattern, "step \(step)")
        }
        // A schedule that stops stops at the same step.
        #expect(cursor.stop?.step == full.stop?.step || cursor.stop == nil)
    }

    @Test func skippingPastTheEndEndsTheWalk() throws {
        var cursor = try ScheduleCursor(makeSchedule(#"{"type": "constant", "lr": 0.1}"#), steps: 10)
        cursor.skip(to: 50)
        #expect(cursor.next() == nil)
    }

    // MARK: one metric per epoch

    static let plateau = #"{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 1, "factor": 0.5}"#

    func perEpoch(metrics count: Int, steps: Int = 3_000, stepsPerEpoch: Int = 100) throws -> ScheduleCursor {
        let inner = try makeSchedule(Self.plateau)
        let wrapped = EpochIntervalSchedule.wrap(inner, stepsPerEpoch: stepsPerEpoch)
        let metrics = (0..<count).map { Double(count - $0 / 3) }
        return try ScheduleCursor(wrapped, steps: steps, metrics: metrics)
    }

    @Test func aPerEpochScheduleTakesOneMetricPerEpoch() throws {
        // 3,000 steps of 100: 30 epochs, 29 moves to a new epoch.
        var with29 = try perEpoch(metrics: 29)
        var with30 = try perEpoch(metrics: 30)
        var block29 = ScheduleBlock(), block30 = ScheduleBlock()
        with29.next(3_000, into: &block29)
        with30.next(3_000, into: &block30)
        #expect(block29.count == 3_000)
        #expect(block29.learningRates != Array(repeating: 0.1, count: 3_000), "the metrics must change the rate")
        // Epoch e's value holds for its 100 steps.
        #expect(block29.learningRates[2_900] == block29.learningRates[2_999])
        // The 30th metric would be fed after the last step: the same values.
        let metrics29 = (0..<29).map { Double(29 - $0 / 3) }
        let metrics30 = metrics29 + [0]
        var a = try ScheduleCursor(EpochIntervalSchedule.wrap(makeSchedule(Self.plateau), stepsPerEpoch: 100), steps: 3_000, metrics: metrics29)
        var b = try ScheduleCursor(EpochIntervalSchedule.wrap(makeSchedule(Self.plateau), stepsPerEpoch: 100), steps: 3_000, metrics: metrics30)
        var blockA = ScheduleBlock(), blockB = ScheduleBlock()
        a.next(3_000, into: &blockA)
        b.next(3_000, into: &blockB)
        #expect(blockA.learningRates == blockB.learningRates)
        #expect(block30.count == 3_000)
    }

    @Test(arguments: [
        (28, "takes one metric per epoch (\"interval\": \"epoch\"): 29 or 30 values for the 30 epochs of 100 steps (3000 steps); got 28"),
        (31, "takes one metric per epoch (\"interval\": \"epoch\"): 29 or 30 values for the 30 epochs of 100 steps (3000 steps); got 31"),
        (2_999, "takes one metric per epoch (\"interval\": \"epoch\"): 29 or 30 values for the 30 epochs of 100 steps (3000 steps); got 2999; these look like one per step: give one per epoch, or drop \"interval\": \"epoch\""),
    ])
    func aListOfTheWrongLengthIsRefused(_ count: Int, _ message: String) {
        #expect(throws: EvaluationError(message)) { try perEpoch(metrics: count) }
    }

    @Test func aPartialLastEpochCounts() {
        // 3,050 steps of 100: 31 epochs, the last partial.
        #expect(throws: EvaluationError("takes one metric per epoch (\"interval\": \"epoch\"): 30 or 31 values for the 31 epochs of 100 steps (3050 steps, the last epoch partial); got 29")) {
            try perEpoch(metrics: 29, steps: 3_050)
        }
        #expect(throws: Never.self) { try perEpoch(metrics: 30, steps: 3_050) }
    }
}
