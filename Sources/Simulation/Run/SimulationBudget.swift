import ScheduleCore

/// What a simulation costs, estimated before it runs, and how much it may cost unless the
/// spec asks for a long run (`"allow_long": true` in `"simulate"`).
///
/// The unit is one multiply-add of the model's arithmetic. A run of `steps` steps costs, with
/// P the model's parameters:
/// - digits: `steps · 3 · batch_size · P` for the forward and backward passes, plus
///   `297 · P` for each validation (every `eval_every` steps and at the last step; every step
///   with a metric-driven schedule);
/// - inline problems (full batch, N rows): `steps · 3 · N · P` (`P = d`, or `d · classes`), and
///   `N · P` more a step with a metric-driven schedule;
/// - either: `16 · P` a step for the optimizer update (and the quantiles of an adaptive
///   optimizer's effective step) and 500 a step for the rest of the loop.
///
/// Measured in a release build, 10⁹ of them take about a second on one core (0.7–2.5·10⁹ a
/// second across models, optimizers and batch sizes on the machine lrplot is developed on):
/// the estimate is within a factor of about 3 of the time.
public enum SimulationBudget {
    /// The most work a spec's runs may do together without `"allow_long": true`: 10¹²
    /// multiply-adds, about a quarter of an hour. The default digits model (mlp, 32 hidden
    /// units, batch 32) trains about 3.5 million steps in it, so three schedules of the
    /// longest simulation (10⁶ steps) fit; a 4096-unit model with batch 1500 for 10⁶ steps
    /// (1.5·10¹⁵, more than two weeks) does not.
    public static let maximumWork = 1e12

    /// The fixed cost of one step of the training loop, in multiply-adds.
    static let perStepOverhead = 500.0
}

extension SimulationSpec {
    /// The multiply-adds of one ``simulate(schedule:spec:steps:progress:)`` run of `steps`
    /// steps (see ``SimulationBudget``); `metricDriven` when the schedule reacts to a metric
    /// (then the metric is measured after every update).
    public func estimatedWork(steps: Int, metricDriven: Bool) -> Double {
        let steps = Double(Swift.max(steps, 0))
        switch problem {
        case .digits(let digits):
            let p = Double(digits.network.parameterCount)
            let evaluations = metricDriven
                ? steps : (steps / Double(digits.evalInterval(steps: Int(steps))) + 1).rounded(.up)
            return steps * (3 * Double(digits.batchSize) * p + 16 * p + SimulationBudget.perStepOverhead)
                + evaluations * Double(DigitsProblem.validationCount) * p
        case .inline(let inline):
            let p = Double(inline.initialWeights.count)
            let n = Double(inline.rowCount)
            let perStep = 3 * n * p + (metricDriven ? n * p : 0) + 16 * p + SimulationBudget.perStepOverhead
            return steps * perStep
        }
    }

    /// Throws unless the runs of `schedules` (one each, `steps` steps) fit in
    /// ``SimulationBudget/maximumWork`` or the spec allows a long run.
    ///
    /// - Throws: ``SimulationError`` of kind ``SimulationError/Kind/budget`` with the estimate,
    ///   the budget and the ways out.
    public func checkBudget(steps: Int, schedules: [any Schedule]) throws(SimulationError) {
        try SimulationBudget.check(schedules.map { (self, $0) }, steps: steps, allowLong: allowLong)
    }
}

extension SimulationBudget {
    /// Throws unless `runs` (each a simulation spec, which may carry its own optimizer, and the
    /// schedule it trains under, `steps` steps each) fit in ``maximumWork`` together, or
    /// `allowLong`: a spec's runs are checked at once, before the first one starts.
    ///
    /// - Throws: ``SimulationError`` of kind ``SimulationError/Kind/budget`` with the estimate,
    ///   the budget and the ways out.
    public static func check(_ runs: [(spec: SimulationSpec, schedule: any Schedule)], steps: Int,
                             allowLong: Bool) throws(SimulationError) {
        guard !allowLong else { return }
        let work = runs.reduce(0.0) { $0 + $1.spec.estimatedWork(steps: steps, metricDriven: $1.schedule.usesMetrics) }
        guard work > SimulationBudget.maximumWork else { return }
        let runs = runs.count == 1 ? "this run" : "these \(runs.count) runs"
        throw SimulationError(
            .budget,
            "\(runs) would take about \(SimulationBudget.describe(work)) multiply-adds (\(SimulationBudget.describeTime(work))), over the \(SimulationBudget.describe(SimulationBudget.maximumWork)) a simulation may take unless asked: add \"allow_long\": true to \"simulate\" to run it anyway, or use fewer steps, a smaller batch_size or fewer hidden units")
    }
}

extension SimulationBudget {
    /// `2.3e11` as "2.3·10¹¹" (one decimal).
    static func describe(_ work: Double) -> String {
        guard work.isFinite, work >= 10 else { return work.isFinite ? "\(Int(work))" : "\(work)" }
        var mantissa = work, exponent = 0
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        var tenths = (mantissa * 10).rounded()
        if tenths >= 100 {
            tenths = 10
            exponent += 1
        }
        let text = tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths) / 10)" : "\(Int(tenths) / 10).\(Int(tenths) % 10)"
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let power = "10" + String(String(exponent).compactMap { $0.wholeNumberValue.map { superscripts[$0] } })
        return text == "1" ? power : text + "·" + power
    }

    /// A rough duration at 10⁹ multiply-adds a second.
    static func describeTime(_ work: Double) -> String {
        let seconds = work / 1e9
        if seconds < 120 { return "about \(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "about \(Int((seconds / 60).rounded())) minutes" }
        if seconds < 172_800 { return "about \(Int((seconds / 3600).rounded())) hours" }
        return "about \(Int((seconds / 86_400).rounded())) days"
    }
}
