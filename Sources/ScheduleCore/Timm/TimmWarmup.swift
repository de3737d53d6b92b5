/// timm's linear warmup: `warmup_lr_init + t * s` with
/// `s = (base_lr - warmup_lr_init) / warmup_t` (or `s = 1` when `warmup_t` is 0, unused).
struct TimmWarmup: Sendable {
    /// `warmup_t`: steps `t < warmup_t` are in warmup.
    let length: Int
    /// `warmup_lr_init`.
    let initialLR: Double
    /// `warmup_steps[0]`.
    let increment: Double

    /// A warmup from `warmup_lr_init` to `target` (the base lr, or the schedule's value at
    /// `warmup_t` for timm's `TanhLRScheduler` without `warmup_prefix`).
    init(length: Int, initialLR: Double, target: Double) {
        self.length = length
        self.initialLR = initialLR
        self.increment = length != 0 ? (target - initialLR) / Double(length) : 1
    }

    /// The lr the constructor leaves in the optimizer: `warmup_lr_init` if `warmup_t` else `base`.
    func initialValue(base: Double) -> Double { length != 0 ? initialLR : base }

    /// `warmup_lr_init + t * s`.
    func value(at t: Int) -> Double { initialLR + Double(t) * increment }
}
