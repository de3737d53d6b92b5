import RunCheck
import RunLogs
import ScheduleCore

/// The output of `lrplot check`: a short report per logged series, or every compared point as
/// CSV or JSON. (Errors and warnings are not output: the executable words those.)
public enum CheckText {
    /// The report of one log, a few lines.
    public static func report(_ result: CheckJob.Result) -> String {
        let r = result.report
        var lines: [String] = []
        let verdict: String
        switch r.verdict {
        case .matches: verdict = "matches its plan"
        case .explained: verdict = "departs from its plan"
        case .unexplained: verdict = "departs from its plan: no simple explanation"
        }
        lines.append("\(result.log.label): \"\(r.key)\" of \(result.log.fileAsWritten) (\(r.format)) vs \"\(result.planLabel)\": \(verdict)")
        var compared = "  \(r.pointsCompared) points compared (\(r.convention.summary); \(r.precision) values)"
        if r.pointsOutsidePlan > 0 { compared += ", \(r.pointsOutsidePlan) outside the plan" }
        lines.append(compared)
        if let largest = r.largestError {
            lines.append("  largest relative error \(number(largest.relativeError)) at step \(largest.step)")
        }
        if let first = r.firstDifference {
            lines.append("  first difference at step \(first.step): logged \(number(first.logged)), planned \(number(first.planned)) (plan step \(first.planStep)); \(r.pointsDiffering) of \(r.pointsCompared) points differ")
        }
        for e in r.explanations { lines.append("  explained by: " + explanation(e)) }
        for n in r.notes { lines.append("  note: " + note(n)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One explanation in words.
    public static func explanation(_ e: Explanation) -> String {
        switch e {
        case .offset(let k) where k == 1: return "off by one step: the logger records the next step's value"
        case .offset(let k) where k == -1: return "off by one step: the logger records the previous step's value"
        case .offset(let k): return "off by \(k) steps (plan step = logged step \(k > 0 ? "+" : "−") \(abs(k))), as a run resumed at an offset"
        case .restarted(let step, let shift): return "the schedule restarted at step \(step) (plan step = logged step − \(shift)): a resumed run that did not restore its scheduler"
        case .stepScale(let k, let phase):
            let tail = phase == 0 ? "" : " \(phase > 0 ? "+" : "−") \(abs(phase))"
            return "the scheduler stepped \(k) times per logged step (plan step = \(k) · step\(tail)): per micro-batch under gradient accumulation, or once per process"
        case .stepDivisor(let k): return "the scheduler stepped once every \(k) steps (plan step = ⌊step / \(k)⌋)"
        case .steppedPerEpoch(let spe): return "a per-step schedule stepped once per epoch of \(spe) steps"
        case .steppedPerStep(let spe): return "a per-epoch schedule stepped every step (epochs of \(spe) steps)"
        case .parameter(let fit):
            let planned = fit.planned.map(number) ?? "unset"
            switch fit.warmupChange {
            case .missing?: return "no warm-up: \(fit.name) = 0 explains the log (planned \(planned))"
            case .longer?: return "a longer warm-up: \(fit.name) = \(number(fit.fitted)) explains the log (planned \(planned))"
            case .shorter?: return "a shorter warm-up: \(fit.name) = \(number(fit.fitted)) explains the log (planned \(planned))"
            case nil:
                let what = fit.role == .total ? "a different total" : fit.role == .peak ? "a different peak rate" : "a different final rate"
                return "\(what): \(fit.name) = \(number(fit.fitted)) explains the log (planned \(planned))"
            }
        case .growingLag(let initial, let growth):
            let steps = growth.prefix(8).map { "\($0.step) (\($0.lag))" }.joined(separator: ", ") + (growth.count > 8 ? ", …" : "")
            return "a lag that grows, from \(initial) step\(initial == 1 ? "" : "s") to \(growth.last?.lag ?? initial) at steps \(steps): optimizer steps skipped (fp16 loss scaling) do not step the scheduler"
        }
    }

    /// A log reader's note in words (the check report's and the executable's warnings).
    public static func note(_ n: LogNote) -> String {
        switch n {
        case let .repeatedSteps(count, first, last, resumes):
            return "\(count) points at steps \(first)–\(last) were logged again after the step went back (\(resumes) resume\(resumes == 1 ? "" : "s")); the last values are kept"
        case .reordered: return "points were sorted by step"
        case .multipleFiles(let count): return "read \(count) event files in name order"
        case .otherParameterGroups(let keys): return "other parameter groups: " + keys.joined(separator: ", ")
        }
    }

    /// A value as the shortest decimal that reads back to it.
    static func number(_ v: Double) -> String { JSONWriter.format(v) }

    /// The CSV header of `--format csv`.
    public static let csvHeader = "log,step,plan_step,logged,planned,relative_error\n"

    /// One CSV row.
    public static func csvRow(_ label: String, _ p: ComparedPoint) -> String {
        "\(csvField(label)),\(p.step),\(p.planStep),\(number(p.logged)),\(number(p.planned)),\(number(p.relativeError))\n"
    }

    private static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// One point as a JSON object.
    public static func jsonPoint(_ p: ComparedPoint) -> String {
        "{\"step\": \(p.step), \"plan_step\": \(p.planStep), \"logged\": \(number(p.logged)), \"planned\": \(number(p.planned)), \"relative_error\": \(number(p.relativeError))}"
    }

    /// A result's summary as JSON members (without the points).
    public static func jsonSummary(_ result: CheckJob.Result) -> String {
        let r = result.report
        var members = [
            "\"label\": \(JSONWriter.quote(result.log.label))",
            "\"file\": \(JSONWriter.quote(result.log.fileAsWritten))",
            "\"key\": \(JSONWriter.quote(r.key))",
            "\"plan\": \(JSONWriter.quote(result.planLabel))",
            "\"verdict\": \"\(r.verdict.rawValue)\"",
            "\"convention\": \(JSONWriter.quote(r.convention.name))",
            "\"points_compared\": \(r.pointsCompared)",
            "\"points_differing\": \(r.pointsDiffering)",
        ]
        if let first = r.firstDifference { members.append("\"first_difference\": \(jsonPoint(first))") }
        members.append("\"explanations\": [" + r.explanations.map { "{\"kind\": \"\($0.kind)\", \"text\": \(JSONWriter.quote(explanation($0)))}" }.joined(separator: ", ") + "]")
        return members.joined(separator: ", ")
    }
}
