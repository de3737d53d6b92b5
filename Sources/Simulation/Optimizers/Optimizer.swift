/// One PyTorch optimizer with its state, stepping a flat vector of float64 parameters.
///
/// Implementations mirror the single-tensor (`foreach=False`) code path of
/// `torch/optim/<name>.py` operation by operation, so that a run matches the real optimizer
/// to rounding. State (moment buffers, step counts) is created on the first step, as torch
/// creates it lazily in `_init_group`.
public protocol Optimizer: Sendable {
    /// The torch name, e.g. `torch.Adam`.
    var typeName: String { get }

    /// The learning rate the optimizer was configured with (`group["lr"]` before any
    /// scheduler touched it).
    var learningRate: Double { get }

    /// `true` when the optimizer scales its step per parameter (Adam, AdamW, RMSprop,
    /// Adagrad); those report ``step(parameters:gradient:learningRate:momentum:effectiveRates:)``'s
    /// effective per-parameter learning rates.
    var isAdaptive: Bool { get }

    /// `true` when a cycling scheduler can set its momentum: `"momentum"` or `"betas"` is among
    /// the optimizer's defaults (torch's `CyclicLR`/`OneCycleLR` raise otherwise).
    var supportsMomentumCycling: Bool { get }

    /// One `optimizer.step()`.
    ///
    /// - Parameters:
    ///   - parameters: the parameters, updated in place.
    ///   - gradient: `param.grad` (same count as `parameters`).
    ///   - learningRate: `group["lr"]` at this step (set by the scheduler).
    ///   - momentum: when a scheduler cycles momentum, the value it wrote into the group:
    ///     `group["momentum"]` (SGD, RMSprop) or `group["betas"][0]` (Adam, AdamW). From then on
    ///     the optimizer keeps that value, as the group does.
    ///   - effectiveRates: for adaptive optimizers, filled with each parameter's effective
    ///     learning rate at this step (see each type); left untouched by SGD.
    mutating func step(
        parameters: inout [Double], gradient: [Double], learningRate: Double, momentum: Double?,
        effectiveRates: inout [Double])
}
