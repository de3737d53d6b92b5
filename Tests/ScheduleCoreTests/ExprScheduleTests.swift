import Testing
import ScheduleCore
import TestSupport

/// The `expr` family: a Python expression of `step`.
@Suite struct ExprScheduleTests {
    @Test func evaluatesPythonOfStep() throws {
        let s = try makeSchedule(#"{"type": "expr", "expr": "0.1 * 0.5 ** (step // 3)"}"#)
        #expect(try s.evaluate(steps: 7).learningRates == [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    @Test func stopsWherePythonWouldRaise() throws {
        let stop = try makeSchedule(#"{"type": "expr", "expr": "1 / (3 - step)"}"#).evaluate(steps: 6)
        #expect(stop.learningRates.count == 3)
        #expect(stop.stop?.step == 3)
    }

    @Test func failingAtStepZeroIsASpecError() {
        #expect(buildError(#"{"type": "expr", "expr": "1 / step"}"#)?.hasPrefix("expr: fails at step 0:") == true)
    }

    @Test func unknownNamesAreRejected() {
        let message = buildError(#"{"type": "expr", "expr": "open(1)"}"#)
        #expect(message != nil)
        #expect(message?.contains("open") == true)
    }
}
