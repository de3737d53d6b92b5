import RunLogs
import ScheduleCore

/// Settings of a check.
public struct CheckOptions: Sendable {
    /// Optimizer steps per epoch: needed by per-epoch plans, per-epoch logs (Keras), and the
    /// "stepped per epoch" explanation.
    public var stepsPerEpoch: Int?
    /// lrplot's agreement with the frameworks, relative (the reference tests hold 1e-9), added
    /// to the log's own precision.
    public var planRelativeTolerance: Double = 1e-9
    /// The largest |k| tried for "off by k steps".
    public var maxOffset: Int = 8
    /// The largest k tried for "stepped k times per step" and "once every k steps".
    public var maxScale: Int = 16
    /// Points kept in memory for refitting a parameter (the log is streamed; the sample is
    /// spread evenly over it).
    public var sampleSize: Int = 2048
    /// Conventions to align with, overriding the reader's.
    public var conventions: [StepConvention]?

    public init(stepsPerEpoch: Int? = nil) {
        self.stepsPerEpoch = stepsPerEpoch
    }
}

/// Compares a logged series with its plan at every logged step and, when they differ, tests
/// named explanations, keeping those that account for the whole log.
///
/// The log is read in at most two passes after the reader's own scan, each streaming the
/// points through every hypothesis at once, so memory does not grow with the log:
///
/// 1. the base comparison under each producer convention the reader names (for a
///    `trainer_state.json`, transformers before and since 4.51), together with: off by k
///    steps (|k| ≤ ``CheckOptions/maxOffset``), a step scale k and 1/k (k ≤
///    ``CheckOptions/maxScale``), per-epoch stepping of a per-step plan and the reverse, a lag
///    that only grows (skipped fp16 steps), and, spawned at the first difference, a schedule
///    restarted by a resumed run; an even sample of ``CheckOptions/sampleSize`` points is kept;
/// 2. when the base differs: one plan parameter (total, warm-up, peak, floor) refitted on the
///    sample, and the refits that fit the sample verified on every point.
public enum RunChecker {
    /// Checks `source` against `plan`.
    ///
    /// - Throws: ``CheckError`` when the log cannot be read, a per-epoch log or plan lacks
    ///   `stepsPerEpoch`, or no point can be compared.
    public static func check(_ source: CheckSource, against plan: CheckPlan, options: CheckOptions = CheckOptions()) throws(CheckError) -> CheckReport {
        let conventions = options.conventions ?? (source.traits.conventions.isEmpty ? [.nextStepRate] : source.traits.conventions)
        let spe = options.stepsPerEpoch ?? plan.stepsPerEpoch
        if spe == nil, let c = conventions.first(where: { $0.perEpoch }) {
            throw .needsStepsPerEpoch(reason: "\(source.file) is logged per epoch (\(c.name))")
        }
        let tol = options.planRelativeTolerance

        // Pass 1: base comparisons, step-map hypotheses, growing lag, restarts; the sample.
        var bases = conventions.map { c in
            StepHypothesis(explanation: nil, convention: c, plan: plan) { c.planStep(forLogged: $0, stepsPerEpoch: spe) }
        }
        var reports = conventions.map { _ in BaseTally() }
        var hypotheses: [StepHypothesis] = []
        var lags: [GrowingLagHypothesis] = []
        for c in conventions {
            hypotheses += stepMapHypotheses(convention: c, plan: plan, stepsPerEpoch: spe, options: options)
            lags.append(GrowingLagHypothesis(convention: c, stepsPerEpoch: spe))
        }
        var restarts: [[RestartHypothesis]] = conventions.map { _ in [] }
        var sample = EvenSample(capacity: options.sampleSize)
        var index = 0
        var precision: ValuePrecision?
        var lastPoint: CheckPoint?
        var notes: [LogNote] = []
        do {
            notes = try source.pass { point in
                sample.add(point)
                index += 1
                lastPoint = point
                precision = precision ?? point.precision
                for i in bases.indices {
                    let compared = bases[i].observe(point, planRelative: tol)
                    let previous = reports[i].lastStep
                    reports[i].add(compared, logged: point)
                    if let first = reports[i].firstDifference, first.step == point.step, reports[i].differing == 1, reports[i].compared > 1,
                       let previous {
                        restarts[i] = restartCandidates(for: first, since: previous, convention: conventions[i], plan: plan, stepsPerEpoch: spe,
                                                        precision: point.precision, planRelative: tol, arithmeticUnits: conventions[i].arithmeticUnits)
                    }
                    for r in restarts[i].indices { restarts[i][r].observe(point, planRelative: tol) }
                    if lags[i].alive { lags[i].observe(point, planRelative: tol, probe: &bases[i].probe) }
                }
                // Hypotheses that fail are dropped at once: a matching log of 10⁶ points keeps
                // only the few that stay alive past its first points.
                var died = false
                for h in hypotheses.indices {
                    _ = hypotheses[h].observe(point, planRelative: tol)
                    if !hypotheses[h].alive { died = true }
                }
                if died { hypotheses.removeAll { !$0.alive } }
            }
        } catch is CheckSource.StepsWentBack {
            // A resumed run: read again with the resume filter (two passes).
            return try check(try source.filteringResumes(), against: plan, options: options)
        } catch let error as LogError {
            throw .log(error)
        } catch {
            throw .log(.cannotRead(file: source.file, reason: "\(error)"))
        }
        var sampled = sample.points
        if let last = lastPoint, sampled.last?.step != last.step { sampled.append(last) }
        guard let bestIndex = chooseConvention(reports) else {
            throw .nothingToCompare(file: source.file, key: source.key,
                                    reason: "every logged step falls before the plan's step 0 or after it stops")
        }
        let best = reports[bestIndex]
        var report = CheckReport(
            file: source.file, key: source.key, format: source.format, convention: conventions[bestIndex],
            precision: precision ?? .float64, pointsCompared: best.compared, pointsOutsidePlan: bases[bestIndex].outside,
            largestError: best.largest, firstDifference: best.firstDifference, pointsDiffering: best.differing,
            explanations: [], notes: notes, run: source.run)
        if report.matches { return report }

        // Explanations, per convention; the report keeps the first convention that has any.
        var found: [[Explanation]] = conventions.map { _ in [] }
        for h in hypotheses where h.accountsForLog {
            if let e = h.explanation, let c = conventions.firstIndex(of: h.convention) { found[c].append(e) }
        }
        for (c, list) in restarts.enumerated() {
            for r in list where r.alive && r.compared >= 1 {
                found[c].append(.restarted(atStep: r.atStep, shift: r.shift))
            }
        }
        for l in lags where l.accountsForLog {
            if let c = conventions.firstIndex(of: l.convention) { found[c].append(.growingLag(initialLag: l.initialLag ?? 0, growth: l.growth)) }
        }
        // Pass 2: refits, under each convention that differs.
        for (c, convention) in conventions.enumerated() where reports[c].differing > 0 {
            let fits = ParameterRefit.candidates(plan: plan, sample: sampled, convention: convention, stepsPerEpoch: spe,
                                                 planRelative: tol)
            if !fits.isEmpty {
                let verified = try verify(fits, source: source, convention: convention, stepsPerEpoch: spe, planRelative: tol)
                found[c] += verified.map { .parameter($0) }
            }
        }
        // The convention whose simplest explanation is simplest (ties: the one chosen above,
        // then the reader's order); without any, the one chosen above.
        let explained = found.indices.filter { !found[$0].isEmpty }
        let chosen = explained.min { a, b in
            let (ra, rb) = (found[a].map(rank).min() ?? .max, found[b].map(rank).min() ?? .max)
            return ra != rb ? ra < rb : (a == bestIndex && b != bestIndex)
        } ?? bestIndex
        if chosen != bestIndex {
            let tally = reports[chosen]
            report.convention = conventions[chosen]
            report.pointsCompared = tally.compared
            report.pointsOutsidePlan = bases[chosen].outside
            report.largestError = tally.largest
            report.firstDifference = tally.firstDifference
            report.pointsDiffering = tally.differing
        }
        report.explanations = found[chosen].sorted { rank($0) < rank($1) }
        return report
    }

    /// Reads a log (any format) and checks one key against `plan`, streaming the points:
    /// memory does not grow with the log.
    public static func check(log path: String, key: String? = nil, against plan: CheckPlan,
                             options: CheckOptions = CheckOptions()) throws(CheckError) -> CheckReport {
        let stream: LoggedPointStream
        do { stream = try LogReader.stream(path, key: key) } catch { throw .log(error) }
        return try check(CheckSource.stream(stream), against: plan, options: options)
    }

    /// Streams every compared point of `source` under `convention` (the report's), for
    /// `--format csv|json`: logged step, plan step, logged and planned values, relative error.
    ///
    /// A streamed log is read through the resume filter from the start (a scan, then the
    /// points), so no point is given twice.
    public static func forEachComparedPoint(_ source: CheckSource, against plan: CheckPlan, convention: StepConvention,
                                            options: CheckOptions = CheckOptions(),
                                            _ body: (ComparedPoint) throws -> Void) throws(CheckError) {
        let spe = options.stepsPerEpoch ?? plan.stepsPerEpoch
        var base = StepHypothesis(explanation: nil, convention: convention, plan: plan) {
            convention.planStep(forLogged: $0, stepsPerEpoch: spe)
        }
        let filtered = try source.filteringResumes()
        do {
            _ = try filtered.pass { point in
                if let compared = base.observe(point, planRelative: options.planRelativeTolerance) { try body(compared) }
            }
        } catch let error as LogError {
            throw .log(error)
        } catch let error as CheckError {
            throw error
        } catch {
            throw .log(.cannotRead(file: source.file, reason: "\(error)"))
        }
    }

    // MARK: - Pieces

    /// The fixed-map hypotheses under one convention.
    static func stepMapHypotheses(convention c: StepConvention, plan: CheckPlan, stepsPerEpoch spe: Int?,
                                  options: CheckOptions) -> [StepHypothesis] {
        var list: [StepHypothesis] = []
        let base: (Int) -> Int? = { c.planStep(forLogged: $0, stepsPerEpoch: spe) }
        for k in 1...max(1, options.maxOffset) {
            for signed in [k, -k] {
                list.append(StepHypothesis(explanation: .offset(k: signed), convention: c, plan: plan) { base($0).map { $0 + signed } })
            }
        }
        if options.maxScale >= 2 {
            for k in 2...options.maxScale {
                // Stepped k times per logged step; where the logger sits among those k steps
                // shifts the plan step by less than k.
                for phase in -(k - 1)...(k - 1) {
                    list.append(StepHypothesis(explanation: .stepScale(factor: k, phase: phase), convention: c, plan: plan) {
                        base($0).map { $0 * k + phase }
                    })
                }
                if k != spe {
                    list.append(StepHypothesis(explanation: .stepDivisor(divisor: k), convention: c, plan: plan) {
                        base($0).flatMap { $0 >= 0 ? $0 / k : nil }
                    })
                }
            }
        }
        if let spe, spe >= 2, plan.interval == .step {
            list.append(StepHypothesis(explanation: .steppedPerEpoch(stepsPerEpoch: spe), convention: c, plan: plan) {
                base($0).flatMap { $0 >= 0 ? $0 / spe : nil }
            })
        }
        if let spe, let perStep = plan.steppedPerStep {
            list.append(StepHypothesis(explanation: .steppedPerStep(stepsPerEpoch: spe), convention: c, plan: perStep, map: base))
        }
        return list
    }

    /// At the first difference, the shifts that make its value the plan value of a step the
    /// restarted schedule can have reached since the previous logged step (`since`): a
    /// scheduler that started again from step 0 somewhere after it. At most 8, the largest
    /// shift first. (A value one or two plan steps back is a skipped step, which the growing
    /// lag names.)
    static func restartCandidates(for first: ComparedPoint, since previous: Int, convention: StepConvention, plan: CheckPlan, stepsPerEpoch: Int?,
                                  precision: ValuePrecision, planRelative: Double, arithmeticUnits: Int) -> [RestartHypothesis] {
        var probe = PlanProbe(plan.schedule)
        var shifts: [Int] = []
        var planStep = 0
        let previousPlanStep = convention.planStep(forLogged: previous, stepsPerEpoch: stepsPerEpoch) ?? 0
        let reachable = min(first.planStep - 1, max(0, first.planStep - previousPlanStep))
        while planStep <= reachable {
            if let v = probe.value(at: planStep),
               abs(first.logged - v) <= tolerance(logged: first.logged, planned: v, precision: precision, planRelative: planRelative,
                                                  arithmeticUnits: arithmeticUnits) {
                shifts.append(first.planStep - planStep)
            }
            planStep += 1
        }
        // The largest shift first (a restart from 0 is the common case), at most 8.
        return shifts.prefix(8).map {
            RestartHypothesis(atStep: first.step, shift: $0, convention: convention, plan: plan, stepsPerEpoch: stepsPerEpoch)
        }
    }

    /// The convention to report: of those that match, the one that compares the most points,
    /// then the one with the smallest largest relative error; else the one with the smallest
    /// share of differing points, then the most compared. Remaining ties: the reader's order.
    /// `nil` when nothing was compared.
    ///
    /// A coarse log (a W&B export printing `0.09`) can fit two conventions; the one that
    /// places more logged points on the plan, closer, is the better account of the log.
    static func chooseConvention(_ tallies: [BaseTally]) -> Int? {
        let usable = tallies.indices.filter { tallies[$0].compared > 0 }
        func error(_ i: Int) -> Double { tallies[i].largest?.relativeError ?? 0 }
        let matching = usable.filter { tallies[$0].differing == 0 }
        if !matching.isEmpty {
            // `min` keeps the first of equals: the reader's order breaks ties.
            return matching.min { a, b in
                tallies[a].compared != tallies[b].compared ? tallies[a].compared > tallies[b].compared : error(a) < error(b)
            }
        }
        // Fewest differing as a share of those compared (a convention that places fewer points
        // does not win by that alone), then the most compared.
        return usable.min { a, b in
            let (da, db) = (tallies[a].differing * tallies[b].compared, tallies[b].differing * tallies[a].compared)
            return da != db ? da < db : tallies[a].compared > tallies[b].compared
        }
    }

    /// Verifies refit candidates on every point (one more pass).
    static func verify(_ fits: [(ParameterFit, CheckPlan)], source: CheckSource, convention: StepConvention, stepsPerEpoch: Int?,
                       planRelative: Double) throws(CheckError) -> [ParameterFit] {
        var hypotheses = fits.map { fit, plan in
            StepHypothesis(explanation: .parameter(fit), convention: convention, plan: plan) {
                convention.planStep(forLogged: $0, stepsPerEpoch: stepsPerEpoch)
            }
        }
        do {
            _ = try source.pass { point in
                for h in hypotheses.indices where hypotheses[h].alive { _ = hypotheses[h].observe(point, planRelative: planRelative) }
            }
        } catch let error as LogError {
            throw .log(error)
        } catch {
            throw .log(.cannotRead(file: source.file, reason: "\(error)"))
        }
        return hypotheses.compactMap { h in
            guard h.accountsForLog, case .parameter(let fit)? = h.explanation else { return nil }
            return fit
        }
    }

    /// Simplest first.
    static func rank(_ e: Explanation) -> Int {
        switch e {
        case .offset(let k): return abs(k)
        case .restarted: return 20
        case .stepScale(let k, let phase): return 30 + 2 * k + abs(phase)
        case .steppedPerEpoch: return 50
        case .steppedPerStep: return 51
        case .stepDivisor(let k): return 60 + k
        case .parameter(let fit):
            switch fit.role {
            case .total: return 80
            case .warmup: return 81
            case .peak: return 82
            case .floor: return 83
            }
        case .growingLag: return 90
        }
    }
}

/// Every k-th point of a stream of unknown length, k doubling whenever `2 · capacity` points
/// are kept: between `capacity` and `2 · capacity` points spread evenly over the stream.
struct EvenSample {
    let capacity: Int
    private(set) var points: [CheckPoint] = []
    private var stride = 1
    private var seen = 0

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    mutating func add(_ point: CheckPoint) {
        defer { seen += 1 }
        guard seen % stride == 0 else { return }
        points.append(point)
        if points.count >= 2 * capacity {
            points = points.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            stride *= 2
        }
    }
}

/// The base comparison's running tally.
struct BaseTally {
    var compared = 0
    var differing = 0
    var largest: ComparedPoint?
    var firstDifference: ComparedPoint?
    var lastStep: Int?

    mutating func add(_ point: ComparedPoint?, logged: CheckPoint) {
        lastStep = logged.step
        guard let point else { return }
        compared += 1
        if largest.map({ point.relativeError > $0.relativeError }) ?? true { largest = point }
        if !point.agrees {
            differing += 1
            if firstDifference == nil { firstDifference = point }
        }
    }
}
