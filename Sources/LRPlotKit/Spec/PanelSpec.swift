import Plot

/// What a panel of a chart plots (`"show"`).
public enum PanelKind: String, Sendable, CaseIterable, SpecChoice {
    /// Every schedule's learning rate.
    case lr
    /// The momentum (or β₁) of schedules that set one (torch CyclicLR, OneCycleLR).
    case momentum
    /// The `metrics` lists fed to reduce-on-plateau schedules, at the step they were measured.
    case metric
    /// With `"simulate"`: the training loss of each run.
    case loss
    /// With `"simulate"` on digits: the validation accuracy of each run.
    case accuracy
    /// With `"simulate"`: the adaptive optimizers' effective per-parameter step size.
    case effectiveStep = "effective_step"
    /// With logged series (`{"type": "log"}`): each logged value's signed relative difference
    /// from its plan, (logged − planned) / max(|logged|, |planned|), at the step it is compared
    /// at (`lrplot check`'s comparison, its step convention included).
    case residual

    /// Whether the panel shows a simulation's results (and so needs `"simulate"`).
    public var isSimulation: Bool {
        switch self {
        case .loss, .accuracy, .effectiveStep: return true
        case .lr, .momentum, .metric, .residual: return false
        }
    }

    /// The axis scale when the spec sets none.
    var defaultScale: AxisScale {
        switch self {
        case .loss, .effectiveStep: return .log
        case .lr, .momentum, .metric, .accuracy, .residual: return .linear
        }
    }

    /// The relative height when the spec sets none.
    var defaultWeight: Double {
        switch self {
        case .lr, .loss: return 1
        case .accuracy, .effectiveStep: return 0.7
        case .momentum, .metric, .residual: return 0.5
        }
    }
}

/// One panel of a chart (`"panels": [...]`): what it shows and how its y axis reads.
///
/// Panels stack vertically and share the x axis: the learning rate on top, and below it the
/// momentum the schedules set, the metric fed to reduce-on-plateau schedules, or a
/// simulation's loss, accuracy and effective step size.
public struct PanelSpec: Sendable, Equatable {
    public var kind: PanelKind
    /// Axis title; `nil` for the kind's default ("learning rate", "momentum", …).
    public var label: String?
    /// Linear or logarithmic y axis.
    public var scale: AxisScale
    /// Whether the spec chose ``scale`` (else the learning-rate panel may switch to a log
    /// axis by itself, see ``Plot/AxisScale/automatic(forPeaksOf:ratio:)``).
    public var scaleChosen: Bool
    /// Relative height (default 1 for the learning rate and the loss, 0.7 for accuracy and
    /// effective step, 0.5 for momentum, metric and residual).
    public var weight: Double

    public init(kind: PanelKind, label: String? = nil, scale: AxisScale? = nil, weight: Double? = nil) {
        self.kind = kind
        self.label = label
        self.scale = scale ?? kind.defaultScale
        self.scaleChosen = scale != nil
        self.weight = weight ?? kind.defaultWeight
    }
}
