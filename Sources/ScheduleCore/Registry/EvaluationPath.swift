/// How a schedule type's values are computed over a long run: what `lrplot list` and
/// `lrplot describe` tell users about the cost of 10⁸–10⁹ steps.
///
/// The path follows from the schedule a type builds: ``fastPath`` when it conforms to
/// ``RangeExtrema`` (and is not metric-driven and sets no momentum, see
/// ``ColumnSampler/takesClosedFormPath(_:)``), ``closedForm`` for other
/// ``ClosedFormSchedule``s, ``stepByStep`` otherwise. ``ScheduleType/evaluationPath``
/// declares it per type; a test builds every type's reference cases and checks the
/// declaration against what is built.
public enum EvaluationPath: String, Sendable, CaseIterable {
    /// A closed form that knows where its extremes are: a chart of 10⁹ steps evaluates a few
    /// steps per pixel column, and `values --at` / `--every` compute only the steps printed.
    case fastPath = "fast path"
    /// A closed form (each step computed on its own, e.g. from a Python expression): values
    /// jump to the steps printed, but a chart evaluates every step.
    case closedForm = "closed form"
    /// Walked step by step, like the framework's own recursive scheduler or a
    /// reduce-on-plateau fed its metrics: time grows with the steps.
    case stepByStep = "step by step"
    /// As its nested schedules (`sequence`, `warmup`, `product`, torch's `SequentialLR`, …):
    /// the fast path only when every part has it. A `product` of several schedules has no
    /// fast path (its closed form is evaluated at every step of a chart); a `product` of one
    /// is that schedule.
    case nested = "as its parts"

    /// The one-letter code `lrplot list` shows.
    public var code: Character {
        switch self {
        case .fastPath: return "F"
        case .closedForm: return "C"
        case .stepByStep: return "S"
        case .nested: return "N"
        }
    }

    /// What the path means for a long run, in a sentence.
    public var explanation: String {
        switch self {
        case .fastPath:
            return "closed form with the fast path: a chart of 10⁹ steps evaluates a few steps per pixel column, and `values --at`/`--every` compute only the steps printed"
        case .closedForm:
            return "closed form: each step is computed on its own, so `values --at`/`--every` compute only the steps printed, but a chart evaluates every step"
        case .stepByStep:
            return "walked step by step, as the framework steps it (recursive state or metrics): time grows with the steps, about 10⁸ steps a second"
        case .nested:
            return "as its nested schedules: the fast path when every part has it (for `product`, only a product of one schedule; a product of several closed forms computes every step of a chart), walked step by step when one part must be"
        }
    }

    /// The path a built schedule takes.
    public static func of(_ schedule: any Schedule) -> EvaluationPath {
        if ColumnSampler.takesClosedFormPath(schedule) { return .fastPath }
        if schedule is any ClosedFormSchedule && !schedule.usesMetrics && !schedule.setsMomentum { return .closedForm }
        return .stepByStep
    }
}

extension ScheduleType {
    /// How this type is evaluated over long runs (``EvaluationPath``); `nil` for a type the
    /// table does not declare (a type added to a catalog from outside).
    public var evaluationPath: EvaluationPath? {
        EvaluationPath.declared[name]
    }
}

extension EvaluationPath {
    /// The path of every built-in type, by name, for its default settings; checked against
    /// the schedules the types build by `EvaluationPathTests`. A type declared step by step
    /// may build a closed form for other settings (DeepSpeed's `OneCycle` without
    /// `cycle_momentum` sets no momentum): the declaration is then an upper bound on the cost.
    static let declared: [String: EvaluationPath] = [
        "constant": .fastPath, "step": .fastPath, "multistep": .fastPath, "exponential": .fastPath,
        "time_based": .fastPath, "linear": .fastPath, "polynomial": .fastPath, "cosine": .fastPath,
        "cosine_restarts": .fastPath, "cyclic": .fastPath, "one_cycle": .fastPath, "plateau": .stepByStep,
        "inverse_sqrt": .fastPath, "wsd": .fastPath, "rex": .fastPath, "tanh": .fastPath,
        "piecewise": .fastPath, "expr": .closedForm, "warmup": .nested, "sequence": .nested,
        "product": .nested,
        "torch.LambdaLR": .stepByStep, "torch.MultiplicativeLR": .stepByStep, "torch.StepLR": .stepByStep,
        "torch.MultiStepLR": .stepByStep, "torch.ConstantLR": .stepByStep, "torch.LinearLR": .stepByStep,
        "torch.ExponentialLR": .stepByStep, "torch.PolynomialLR": .stepByStep,
        "torch.CosineAnnealingLR": .stepByStep, "torch.CosineAnnealingWarmRestarts": .stepByStep,
        "torch.CyclicLR": .stepByStep, "torch.OneCycleLR": .stepByStep,
        "torch.ReduceLROnPlateau": .stepByStep, "torch.SequentialLR": .stepByStep,
        "torch.ChainedScheduler": .stepByStep, "torch.SWALR": .stepByStep,
        "hf.linear": .fastPath, "hf.cosine": .fastPath, "hf.cosine_with_restarts": .fastPath,
        "hf.polynomial": .fastPath, "hf.constant": .fastPath, "hf.constant_with_warmup": .fastPath,
        "hf.inverse_sqrt": .fastPath, "hf.reduce_lr_on_plateau": .stepByStep,
        "hf.cosine_with_min_lr": .fastPath, "hf.cosine_warmup_with_min_lr": .fastPath,
        "hf.warmup_stable_decay": .fastPath, "hf.greedy": .stepByStep,
        "timm.CosineLRScheduler": .fastPath, "timm.TanhLRScheduler": .fastPath,
        "timm.PolyLRScheduler": .fastPath, "timm.StepLRScheduler": .fastPath,
        "timm.MultiStepLRScheduler": .fastPath, "timm.PlateauLRScheduler": .stepByStep,
        "timm.WSDLRScheduler": .fastPath,
        "optax.constant_schedule": .fastPath, "optax.linear_schedule": .fastPath,
        "optax.polynomial_schedule": .fastPath, "optax.exponential_decay": .fastPath,
        "optax.cosine_decay_schedule": .fastPath, "optax.warmup_cosine_decay_schedule": .fastPath,
        "optax.warmup_exponential_decay_schedule": .fastPath, "optax.warmup_constant_schedule": .fastPath,
        "optax.piecewise_constant_schedule": .fastPath, "optax.piecewise_interpolate_schedule": .fastPath,
        "optax.cosine_onecycle_schedule": .fastPath, "optax.linear_onecycle_schedule": .fastPath,
        "optax.sgdr_schedule": .fastPath, "optax.join_schedules": .fastPath,
        "keras.ExponentialDecay": .fastPath, "keras.PiecewiseConstantDecay": .fastPath,
        "keras.PolynomialDecay": .fastPath, "keras.InverseTimeDecay": .fastPath,
        "keras.CosineDecay": .fastPath, "keras.CosineDecayRestarts": .fastPath,
        "deepspeed.WarmupLR": .fastPath, "deepspeed.WarmupDecayLR": .fastPath, "deepspeed.WarmupCosineLR": .fastPath,
        "deepspeed.LRRangeTest": .fastPath, "deepspeed.OneCycle": .stepByStep,
        "mmengine.LinearLR": .stepByStep, "mmengine.ConstantLR": .stepByStep, "mmengine.StepLR": .stepByStep,
        "mmengine.MultiStepLR": .stepByStep, "mmengine.ExponentialLR": .stepByStep,
        "mmengine.CosineAnnealingLR": .stepByStep, "mmengine.PolyLR": .stepByStep, "mmengine.OneCycleLR": .stepByStep,
        "mmengine.CosineRestartLR": .stepByStep, "mmengine.param_scheduler": .stepByStep,
        "timm.create_scheduler_v2": .stepByStep,
    ]
}
