import RunLogs

/// One logged value next to its planned value.
public struct ComparedPoint: Sendable, Equatable {
    /// The logged step (the producer's unit).
    public var step: Int
    /// The plan step it was compared with.
    public var planStep: Int
    public var logged: Double
    public var planned: Double
    /// |logged − planned| / max(|logged|, |planned|) (0 when both are 0): symmetric, at most 2,
    /// and finite where the plan is 0 (a warm-up from 0).
    public var relativeError: Double
    /// The largest |logged − planned| the log's precision allows here.
    public var tolerance: Double

    /// Whether the logged value is the planned one, within the log's precision.
    public var agrees: Bool { abs(logged - planned) <= tolerance }

    public init(step: Int, planStep: Int, logged: Double, planned: Double, tolerance: Double) {
        self.step = step
        self.planStep = planStep
        self.logged = logged
        self.planned = planned
        self.tolerance = tolerance
        let scale = max(abs(logged), abs(planned))
        self.relativeError = scale == 0 ? 0 : abs(logged - planned) / scale
    }
}

/// A named reason that accounts for every compared point of a log that departs from its plan.
public enum Explanation: Sendable, Equatable {
    /// The log matches with plan step = (the convention's step) + `k`: `k = +1` is a logger that
    /// records the next step's value, `k = −1` one that records the previous step's; other `k`
    /// a run resumed at an offset.
    case offset(k: Int)
    /// The log matches the plan until `step`, and from there the plan shifted back by
    /// `shift` steps: a resumed run that restarted its schedule (the scheduler's state was not
    /// restored), `shift` = the resumed step when it restarted from 0.
    case restarted(atStep: Int, shift: Int)
    /// The plan stepped `factor` times per logged step (plan step = factor · step + phase):
    /// the scheduler stepped per micro-batch under gradient accumulation, or once per process
    /// (accelerate). `phase` (|phase| < factor) is where the logging sits among those steps:
    /// −1 when the logger ran before the last of them.
    case stepScale(factor: Int, phase: Int)
    /// The plan stepped once per `divisor` logged steps (plan step = ⌊step / divisor⌋).
    case stepDivisor(divisor: Int)
    /// A per-step schedule stepped once per epoch: plan step = ⌊step / steps_per_epoch⌋.
    case steppedPerEpoch(stepsPerEpoch: Int)
    /// A per-epoch schedule stepped every step.
    case steppedPerStep(stepsPerEpoch: Int)
    /// One parameter of the plan, set to `fitted`, explains the log.
    case parameter(ParameterFit)
    /// The log lags the plan by a growing number of steps, as when fp16 loss scaling skips
    /// optimizer steps (which do not step the scheduler): `initialLag` at the first point,
    /// then `growth` lists the logged steps at which the lag grew and the lag from there.
    case growingLag(initialLag: Int, growth: [LagChange])

    /// A short identifier ("offset", "step-scale", …), for machine-readable output.
    public var kind: String {
        switch self {
        case .offset: return "offset"
        case .restarted: return "restarted"
        case .stepScale: return "step-scale"
        case .stepDivisor: return "step-divisor"
        case .steppedPerEpoch: return "stepped-per-epoch"
        case .steppedPerStep: return "stepped-per-step"
        case .parameter(let fit): return fit.role.rawValue
        case .growingLag: return "growing-lag"
        }
    }
}

/// Where a growing lag grew.
public struct LagChange: Sendable, Equatable {
    /// The first logged step that shows the new lag (the skipped step is between the previous
    /// logged step and this one).
    public var step: Int
    /// The lag, in plan steps, from this step on.
    public var lag: Int
}

/// A plan parameter refitted to the log.
public struct ParameterFit: Sendable, Equatable {
    /// What the parameter is.
    public enum Role: String, Sendable, Equatable {
        /// `num_training_steps`, `T_max`, `decay_steps`, `total_steps`, `t_initial`, `total_iters`.
        case total = "different-total"
        /// `num_warmup_steps`, `warmup_steps`, `warmup_t`, `warmup_iters`, `pct_start`.
        case warmup = "different-warmup"
        /// `lr`, `max_lr`, `initial_learning_rate`, `init_value`, `peak_value`, `learning_rate`.
        case peak = "different-peak"
        /// `eta_min`, `lr_min`, `min_lr`, `end_value`, `alpha`, `min_lr_ratio`, `final_div_factor`.
        case floor = "different-floor"
    }
    public var role: Role
    /// The parameter's name in the plan's type.
    public var name: String
    /// The plan's value (`nil` when the plan left it out and the type has no default).
    public var planned: Double?
    public var fitted: Double

    /// For a warm-up: whether the run had none, a longer or a shorter one.
    public var warmupChange: WarmupChange? {
        guard role == .warmup else { return nil }
        if fitted == 0 { return .missing }
        guard let planned else { return .longer }
        return fitted > planned ? .longer : .shorter
    }

    public enum WarmupChange: String, Sendable { case missing, longer, shorter }
}

/// What a check found.
public struct CheckReport: Sendable, Equatable {
    public var file: String
    public var key: String
    public var format: LogFormat
    /// The producer convention the log was aligned with (the one it matches, or the most likely).
    public var convention: StepConvention
    /// How precisely the log stores values.
    public var precision: ValuePrecision
    /// Points compared with the plan.
    public var pointsCompared: Int
    /// Logged points that have no planned value (before plan step 0, or past where the plan
    /// stops), not compared.
    public var pointsOutsidePlan: Int
    /// The point with the largest relative error.
    public var largestError: ComparedPoint?
    /// The first point whose logged value is not the planned one; `nil` when the run matches.
    public var firstDifference: ComparedPoint?
    /// Points that differ.
    public var pointsDiffering: Int
    /// The explanations that account for the whole log, simplest first (empty when the run
    /// matches, or when none does: "no simple explanation").
    public var explanations: [Explanation]
    /// What the reader noticed (repeated steps of a resumed run, several files).
    public var notes: [LogNote]
    /// Run settings the log records.
    public var run: RunInfo

    /// Whether every compared point is the planned value.
    public var matches: Bool { firstDifference == nil }

    /// The verdict in one word.
    public var verdict: Verdict {
        if matches { return .matches }
        return explanations.isEmpty ? .unexplained : .explained
    }

    public enum Verdict: String, Sendable { case matches, explained, unexplained }
}
