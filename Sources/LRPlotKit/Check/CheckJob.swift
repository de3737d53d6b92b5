import Foundation
import RunCheck
import RunLogs
import ScheduleCore

/// `lrplot check SPEC`: each logged series of a spec compared with its plan (RunCheck), with
/// the spec's errors and the logs' errors as ``LRPlotError``s.
public enum CheckJob {
    /// One log's check.
    public struct Result: Sendable {
        public var log: LogEntry
        /// The label of the schedule it was compared with.
        public var planLabel: String
        public var report: CheckReport
        /// The log in memory, when the check was asked to keep it (a chart draws its points):
        /// the compared points then come from it, not from another read of the file.
        public var series: LoggedSeries?
    }

    /// Checks every log of `spec`.
    ///
    /// - Parameter keepingLogs: read each log into memory once and keep it in its result
    ///   (for a chart, which draws every point anyway); otherwise each log is streamed, in
    ///   memory independent of its length, and read again by ``forEachComparedPoint(of:in:_:)``.
    ///   Both give the same reports.
    /// - Throws: ``LRPlotError``: `.spec` when the spec has no log or a plan cannot be
    ///   checked, `.input` when a log cannot be read.
    public static func run(_ spec: Spec, keepingLogs: Bool = false) throws(LRPlotError) -> [Result] {
        guard !spec.logs.isEmpty else {
            throw LRPlotError(.spec, file: spec.file, path: "schedules",
                              "nothing to check: add a logged series like {\"type\": \"log\", \"file\": \"run/trainer_state.json\"}")
        }
        var results: [Result] = []
        for log in spec.logs {
            let (plan, options) = try setUp(log, in: spec)
            let report: CheckReport
            var series: LoggedSeries?
            do throws(CheckError) {
                if keepingLogs {
                    let read: LoggedSeries
                    do { read = try LogReader.read(log.file, key: log.key) } catch { throw CheckError.log(error) }
                    series = read
                    report = try RunChecker.check(.series(read), against: plan, options: options)
                } else {
                    report = try RunChecker.check(log: log.file, key: log.key, against: plan, options: options)
                }
            } catch {
                throw Self.error(error, log: log, spec: spec)
            }
            results.append(Result(log: log, planLabel: spec.schedules[log.planIndex].label, report: report, series: series))
        }
        return results
    }

    /// The compared points of one result (for `--format csv|json` and the residual panel):
    /// from the result's series when it kept one, else streamed from the log again.
    public static func forEachComparedPoint(of result: Result, in spec: Spec, _ body: (ComparedPoint) -> Void) throws(LRPlotError) {
        let (plan, options) = try setUp(result.log, in: spec)
        let source: CheckSource
        if let series = result.series {
            source = .series(series)
        } else {
            do { source = .stream(try LogReader.stream(result.log.file, key: result.report.key)) } catch {
                throw Self.error(.log(error), log: result.log, spec: spec)
            }
        }
        do {
            try RunChecker.forEachComparedPoint(source, against: plan, convention: result.report.convention,
                                                options: options, body)
        } catch {
            throw Self.error(error, log: result.log, spec: spec)
        }
    }

    private static func setUp(_ log: LogEntry, in spec: Spec) throws(LRPlotError) -> (CheckPlan, CheckOptions) {
        let entry = spec.schedules[log.planIndex]
        let plan: CheckPlan
        do {
            plan = try CheckPlan(entry.object, path: entry.path, stepsPerEpoch: spec.stepsPerEpoch)
        } catch {
            throw Self.error(error, log: log, spec: spec)
        }
        return (plan, CheckOptions(stepsPerEpoch: spec.stepsPerEpoch))
    }

    /// The ``LRPlotError`` for a check error: the log's file and place for a log error, the
    /// spec's path otherwise; the message ends with the fix.
    static func error(_ error: CheckError, log: LogEntry, spec: Spec) -> LRPlotError {
        switch error {
        case .log(let e):
            var line: Int?, column: Int?, path: String?
            var message = e.problem
            switch e.location {
            case .line(let l, let c)?: line = l; column = c
            case .jsonPath(let p)?: path = p
            case .recordOffset?, nil: message = e.message  // the place is in the message only
            }
            return LRPlotError(.input, file: e.file, path: path, line: line, column: column, "\(message); \(e.fix)")
        case .plan(let path, let message):
            return LRPlotError(.spec, file: spec.file, path: path, message)
        case .needsStepsPerEpoch(let reason):
            return LRPlotError(.spec, file: spec.file, path: log.path, "needs a top-level \"steps_per_epoch\": \(reason)")
        case .nothingToCompare(_, _, let reason):
            // The spec's entry at its JSON path; the log is named in the message.
            return LRPlotError(.input, file: spec.file, path: log.path, "no point of \(log.file) to compare: \(reason)")
        }
    }
}
