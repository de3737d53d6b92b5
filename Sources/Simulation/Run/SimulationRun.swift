import ScheduleCore

/// The outcome of training one problem under one schedule.
///
/// All series are indexed by step t = 0 … ``steps`` − 1 (the steps actually run).
public struct SimulationRun: Sendable, Equatable {
    /// `losses[t]`: the training loss at step t, on that step's batch, before the update of
    /// step t (full batch for inline problems). Always finite.
    public var losses: [Double]
    /// `learningRates[t]`: the learning rate the update of step t used.
    public var learningRates: [Double]
    /// `momenta[t]`: the momentum (or Adam's β₁) the schedule set for step t, when it cycles it.
    public var momenta: [Double]?
    /// `validationLoss[t]`: loss on the validation images of the weights before update t, where
    /// measured (see ``DigitsProblem``); empty for inline problems.
    public var validationLoss: [Double?]
    /// `validationAccuracy[t]`: fraction of validation images classified right, beside
    /// ``validationLoss``; empty for inline problems.
    public var validationAccuracy: [Double?]
    /// Percentiles of the per-parameter effective learning rate (adaptive optimizers only).
    public var effectiveStep: EffectiveStepSeries?
    /// The step whose loss was NaN or infinite: the run stopped there, and that loss is not in
    /// ``losses`` (so `losses.count == divergedAt`).
    public var divergedAt: Int?
    /// Set when the schedule raised (as torch's `OneCycleLR` does past `total_steps`) before
    /// the requested number of steps; the run ends at `stop.step`.
    public var stop: ScheduleStop?
    /// Set when the schedule yielded a NaN or infinite learning rate: the run ends before
    /// that step (no update is made with it).
    public var nonFiniteLearningRate: SamplePoint?

    public init(losses: [Double] = [], learningRates: [Double] = [], momenta: [Double]? = nil,
                validationLoss: [Double?] = [], validationAccuracy: [Double?] = [],
                effectiveStep: EffectiveStepSeries? = nil, divergedAt: Int? = nil, stop: ScheduleStop? = nil) {
        self.losses = losses
        self.learningRates = learningRates
        self.momenta = momenta
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.effectiveStep = effectiveStep
        self.divergedAt = divergedAt
        self.stop = stop
    }

    /// Number of steps run.
    public var steps: Int { losses.count }
}
