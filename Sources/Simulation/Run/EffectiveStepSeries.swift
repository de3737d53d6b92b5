/// The spread of an adaptive optimizer's per-parameter effective learning rate, step by step.
///
/// At step t each parameter i has an effective learning rate ηᵢ — the factor the optimizer
/// applies to that parameter's (first-moment or raw) gradient at this step:
/// Adam/AdamW lr_t / (√v̂ᵢ + eps) with v̂ = v / (1 − β₂ᵗ); RMSprop lr_t / (√(s − a²) or √s, + eps);
/// Adagrad clr_t / (√sumᵢ + eps). For SGD it would be lr_t for every parameter, which the
/// learning-rate series already shows. `median[t]`, `p10[t]`, `p90[t]` are the 50th, 10th and
/// 90th percentiles of ηᵢ (see ``Quantiles``), measured in the update of step t, over the
/// parameters that have received a non-zero gradient at some step ≤ t: the others (on
/// digits, the weights of pixels blank in every image so far) have a second moment of 0 and
/// an effective step of lr / eps (10⁵ for Adam at 10⁻³), which says nothing about training.
public struct EffectiveStepSeries: Sendable, Equatable {
    public var median: [Double] = []
    public var p10: [Double] = []
    public var p90: [Double] = []

    public init(median: [Double] = [], p10: [Double] = [], p90: [Double] = []) {
        self.median = median
        self.p10 = p10
        self.p90 = p90
    }
}
