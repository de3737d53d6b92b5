/// The single parameter group of the optimizer that torch schedulers drive: an
/// `torch.optim.SGD(params, lr=lr, momentum=0.9)` group with the keys schedulers add to it.
///
/// A reference type because torch's schedulers share and mutate the same group: building
/// several schedulers on one optimizer (as `SequentialLR` and `ChainedScheduler` children are)
/// changes its `lr` in order, and `initial_lr` is set by the first of them only.
final class TorchParamGroup {
    /// `group["lr"]`.
    var lr: Double
    /// `group["initial_lr"]` (set with `setdefault` by `LRScheduler.__init__`, overwritten by
    /// `OneCycleLR`).
    var initialLR: Double?
    /// `group["momentum"]` (SGD's momentum, 0.9 unless a cycling scheduler sets it).
    var momentum: Double
    /// `group["max_momentum"]`, `group["base_momentum"]` (CyclicLR, OneCycleLR).
    var maxMomentum: Double?
    var baseMomentum: Double?
    /// `group["max_lr"]`, `group["min_lr"]` (OneCycleLR).
    var maxLR: Double?
    var minLR: Double?
    /// `group["swa_lr"]` (SWALR).
    var swaLR: Double?

    init(lr: Double, momentum: Double = 0.9) {
        self.lr = lr
        self.momentum = momentum
    }
}
