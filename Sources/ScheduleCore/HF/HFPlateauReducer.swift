/// The decision rule of `torch.optim.lr_scheduler.ReduceLROnPlateau`, as used by
/// `hf.reduce_lr_on_plateau` and `timm.PlateauLRScheduler`.
///
/// Each `step(metric)`: the metric is *better* than the best so far when
/// (`min`, `rel`) `a < best * (1 - threshold)`, (`min`, `abs`) `a < best - threshold`,
/// (`max`, `rel`) `a > best * (threshold + 1)`, (`max`, `abs`) `a > best + threshold`.
/// A better metric becomes the best and resets the bad-epoch count, otherwise the count grows;
/// during cooldown the cooldown counter falls by one and the count is reset; when the count
/// exceeds `patience`, `new = max(lr * factor, min_lr)` replaces `lr` if `lr - new > eps`,
/// the cooldown restarts and the count is reset. `best` starts at `inf` (`min`) or `-inf`.
struct HFPlateauReducer: Sendable {
    enum Mode: String, Sendable { case min, max }
    enum ThresholdMode: String, Sendable { case rel, abs }

    let mode: Mode
    let factor: Double
    /// Ints in torch's signature, unchecked: floats work as in Python.
    let patience: Double
    let threshold: Double
    let thresholdMode: ThresholdMode
    let cooldown: Double
    let minLR: Double
    let eps: Double

    private(set) var best: Double
    private(set) var numBadEpochs = 0
    private(set) var cooldownCounter = 0.0

    init(mode: Mode, factor: Double, patience: Double, threshold: Double, thresholdMode: ThresholdMode,
         cooldown: Double, minLR: Double, eps: Double) {
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minLR = minLR
        self.eps = eps
        self.best = mode == .min ? .infinity : -.infinity
    }

    func isBetter(_ a: Double, than best: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): return a < best * (1.0 - threshold)
        case (.min, .abs): return a < best - threshold
        case (.max, .rel): return a > best * (threshold + 1.0)
        case (.max, .abs): return a > best + threshold
        }
    }

    /// One `scheduler.step(metric)` acting on the optimizer's learning rate `lr`.
    mutating func step(metric current: Double, lr: inout Double) {
        if isBetter(current, than: best) {
            best = current
            numBadEpochs = 0
        } else {
            numBadEpochs += 1
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            numBadEpochs = 0
        }
        if Double(numBadEpochs) > patience {
            let newLR = PythonMath.max(lr * factor, minLR)
            if lr - newLR > eps { lr = newLR }
            cooldownCounter = cooldown
            numBadEpochs = 0
        }
    }
}
