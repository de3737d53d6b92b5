import RunLogs
import ScheduleCore

/// The tolerance of one comparison: what the log's storage can change (half a unit in the
/// last place of the logged value and, for a binary format, of the planned value in the log's
/// precision; a printed decimal is the exact value rounded once to its last printed place, so
/// only that half unit) plus lrplot's own agreement with the frameworks
/// (``CheckOptions/planRelativeTolerance``).
///
/// `arithmeticUnits` (from the producer's ``StepConvention/arithmeticUnits``) adds that many
/// units in the last place for a producer that computes in the log's precision.
func tolerance(logged: Double, planned: Double, precision: ValuePrecision, planRelative: Double, arithmeticUnits: Int = 0) -> Double {
    precision.halfUnit(at: logged) + (precision.isBinary ? precision.halfUnit(at: planned) * Double(1 + 2 * arithmeticUnits) : 0)
        + planRelative * max(abs(logged), abs(planned))
}

/// A way logged steps could map to plan steps, tested against every point in one pass:
/// it stays alive while every point it can place agrees with the plan.
struct StepHypothesis {
    /// What it means when it accounts for the log (`nil`: the base comparison).
    let explanation: Explanation?
    let convention: StepConvention
    /// Logged step → plan step (`nil`: the point has no plan step under this hypothesis).
    let map: (Int) -> Int?
    var probe: PlanProbe
    var alive = true
    var compared = 0
    var outside = 0

    init(explanation: Explanation?, convention: StepConvention, plan: CheckPlan, map: @escaping (Int) -> Int?) {
        self.explanation = explanation
        self.convention = convention
        self.map = map
        self.probe = PlanProbe(plan.schedule)
    }

    /// Tests one point; returns the comparison (for the base hypothesis' report).
    mutating func observe(_ point: CheckPoint, planRelative: Double) -> ComparedPoint? {
        guard alive else { return nil }
        guard let planStep = map(point.step), let planned = probe.value(at: planStep) else {
            outside += 1
            return nil
        }
        compared += 1
        let compared = ComparedPoint(step: point.step, planStep: planStep, logged: point.value, planned: planned,
                                     tolerance: tolerance(logged: point.value, planned: planned, precision: point.precision,
                                                          planRelative: planRelative, arithmeticUnits: convention.arithmeticUnits))
        if !compared.agrees && explanation != nil { alive = false }
        return compared
    }

    /// Whether it accounts for the whole log: alive, and it placed most points.
    var accountsForLog: Bool { alive && compared >= 2 && compared >= outside }
}

/// "The log lags the plan by a lag that only grows": fp16 loss scaling that skips optimizer
/// steps, which then do not step the scheduler.
///
/// At each point the smallest lag ≥ the current one that makes the point agree is taken (a
/// lag can only grow, by at most the optimizer steps since the previous logged step); where
/// the plan is flat any lag agrees, so a growth shows at the first logged step where the
/// schedule moves again. The lag may already be above 0 at the first point (dynamic loss
/// scaling skips the first steps of a run while it calibrates).
///
/// It reads the plan through the base comparison's probe of the same convention (passed to
/// ``observe(_:planRelative:probe:)``), whose walk has just reached this point's plan step, so
/// the steps behind it come from the probe's cache instead of a second walk.
struct GrowingLagHypothesis {
    let convention: StepConvention
    let stepsPerEpoch: Int?
    var lag = 0
    var alive = true
    var compared = 0
    /// Where the lag grew after the first compared point.
    var growth: [LagChange] = []
    /// The lag at the first compared point.
    var initialLag: Int?
    var previousStep: Int?

    init(convention: StepConvention, stepsPerEpoch: Int?) {
        self.convention = convention
        self.stepsPerEpoch = stepsPerEpoch
    }

    mutating func observe(_ point: CheckPoint, planRelative: Double, probe: inout PlanProbe) {
        guard alive, let base = convention.planStep(forLogged: point.step, stepsPerEpoch: stepsPerEpoch), base >= 0 else { return }
        // Since the previous logged step at most (gap) optimizer steps can have been skipped;
        // before the first, at most all of them.
        let gap = previousStep.map { max(1, point.step - $0) } ?? base
        previousStep = point.step
        // At most the probe's cache behind the base step (skipping more than 255 optimizer
        // steps between two logged points is not a loss scaler calibrating).
        let maxLag = min(lag + gap, base, lag + PlanProbe.cacheSize - 1)
        // Ascending plan steps keep a recursive schedule's walk forward (or in its cache).
        var found: Int?
        var planStep = base - maxLag
        while planStep <= base - lag {
            if let planned = probe.value(at: planStep),
               abs(point.value - planned) <= tolerance(logged: point.value, planned: planned, precision: point.precision,
                                                       planRelative: planRelative, arithmeticUnits: convention.arithmeticUnits) {
                found = base - planStep  // keep the last: the smallest lag
            }
            planStep += 1
        }
        guard let newLag = found else { alive = false; return }
        compared += 1
        if initialLag == nil {
            initialLag = newLag
        } else if newLag > lag {
            growth.append(LagChange(step: point.step, lag: newLag))
        }
        lag = newLag
    }

    /// Alive, grown at least once after the first point (else it is a constant offset), and
    /// grown at no more than a quarter of the points: skipped steps are rare events (a lag that
    /// grows at almost every point is a different stepping, which the step-map hypotheses name).
    var accountsForLog: Bool {
        alive && compared >= 2 && !growth.isEmpty && growth.count <= max(1, compared / 4)
    }
}

/// "The run restarted its schedule": spawned at the base comparison's first difference, it
/// tests plan step = base step − shift for that point and every later one.
struct RestartHypothesis {
    let atStep: Int
    let shift: Int
    let convention: StepConvention
    let stepsPerEpoch: Int?
    var probe: PlanProbe
    var alive = true
    var compared = 0

    init(atStep: Int, shift: Int, convention: StepConvention, plan: CheckPlan, stepsPerEpoch: Int?) {
        self.atStep = atStep
        self.shift = shift
        self.convention = convention
        self.stepsPerEpoch = stepsPerEpoch
        self.probe = PlanProbe(plan.schedule)
    }

    mutating func observe(_ point: CheckPoint, planRelative: Double) {
        guard alive, let base = convention.planStep(forLogged: point.step, stepsPerEpoch: stepsPerEpoch),
              let planned = probe.value(at: base - shift) else { return }
        compared += 1
        if abs(point.value - planned) > tolerance(logged: point.value, planned: planned, precision: point.precision,
                                                  planRelative: planRelative, arithmeticUnits: convention.arithmeticUnits) {
            alive = false
        }
    }
}
