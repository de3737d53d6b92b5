import Foundation
import Testing
import RunLogs
import ScheduleCore
@testable import RunCheck

/// A W&B panel export that prints few digits. W&B exports are written by its web UI only (no
/// offline writer, no published learning-rate export was found), so this small CSV is typed
/// here in the documented shape of the export (`Step`, then `"<run> - <metric>"`; the header of a
/// real export is tested in RunLogsTests' WandbHeaderTests). Its values are the plan's own,
/// rounded to two decimals as the export prints them.
@Suite struct PrintedPrecisionTests {
    static let csv = """
        Step,"run - train/learning_rate"
        0,0.1
        1,0.09
        2,0.08
        3,0.07
        4,0.06
        5,0.05

        """

    func checkExport(lr: Double) throws -> CheckReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-wandb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("wandb.csv").path
        try Self.csv.write(toFile: file, atomically: true, encoding: .utf8)
        let plan = try CheckPlan(JSONParser.parse(#"{"type":"hf.linear","lr":\#(lr),"num_warmup_steps":0,"num_training_steps":10}"#))
        return try RunChecker.check(log: file, against: plan)
    }

    /// The log is the plan at the same step: every point, step 0 included, is compared under
    /// that convention, not under the shifted one that drops step 0.
    @Test func samePlanMatchesAtTheSameStep() throws {
        let report = try checkExport(lr: 0.1)
        #expect(report.matches, "\(report)")
        #expect(report.convention == .transformersBefore451, "\(report.convention.summary)")
        #expect(report.pointsCompared == 6)
        #expect(report.pointsOutsidePlan == 0)
        #expect((report.largestError?.relativeError ?? 1) < 1e-12)
    }

    /// lr 0.11 gives 0.099 at step 1, which "0.09" (0.085 … 0.095) cannot be: not a match.
    @Test func aTenPercentDifferentRateDoesNotMatch() throws {
        let report = try checkExport(lr: 0.11)
        #expect(!report.matches, "\(report)")
        #expect(report.convention == .transformersBefore451, "\(report.convention.summary)")
    }

    /// The rule behind both: the tolerance of a printed value is half a unit in its last place.
    @Test func toleranceIsHalfTheLastPrintedPlace() {
        let p = ValuePrecision.printedDecimal(lastPlace: -2)
        #expect(abs(tolerance(logged: 0.09, planned: 0.09, precision: p, planRelative: 0) - 0.005) < 1e-15)
        #expect(abs(tolerance(logged: 0.1, planned: 0.1, precision: .printedDecimal(lastPlace: -1), planRelative: 0) - 0.05) < 1e-15)
    }

    /// Of two conventions that both match, the one comparing more points is reported.
    @Test func chooseConventionPrefersMorePointsThenSmallerError() {
        func tally(_ compared: Int, _ differing: Int, _ error: Double) -> BaseTally {
            var t = BaseTally()
            t.compared = compared
            t.differing = differing
            t.largest = ComparedPoint(step: 1, planStep: 1, logged: 1 + error, planned: 1, tolerance: 1)
            return t
        }
        #expect(RunChecker.chooseConvention([tally(5, 0, 0.1), tally(6, 0, 0.1)]) == 1)
        #expect(RunChecker.chooseConvention([tally(6, 0, 0.1), tally(6, 0, 0.01)]) == 1)
        #expect(RunChecker.chooseConvention([tally(6, 0, 0.1), tally(6, 0, 0.1)]) == 0)
        #expect(RunChecker.chooseConvention([tally(6, 1, 0), tally(6, 0, 0.1)]) == 1)
        #expect(RunChecker.chooseConvention([tally(4, 1, 0), tally(6, 1, 0)]) == 1)
        // 5 of 5 differing is no better than 6 of 6: the one comparing more points.
        #expect(RunChecker.chooseConvention([tally(5, 5, 0.2), tally(6, 6, 0.1)]) == 1)
        #expect(RunChecker.chooseConvention([tally(5, 1, 0.2), tally(6, 2, 0.1)]) == 0)
    }
}
