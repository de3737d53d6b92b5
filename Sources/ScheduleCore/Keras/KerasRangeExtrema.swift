import Foundation

// RangeExtrema conformances of the Keras schedules whose pieces are monotone as computed
// (float32 steps included: rounding a monotone double to float32 keeps it monotone).
// CosineDecayRestarts and cycling PolynomialDecay restart where a float32-rounded index
// changes; those steps are found by bisection on the index itself, so they are exactly
// Keras's (late or early) restarts, not the real-valued ones.

extension KerasExponentialDecay: RangeExtrema {
    /// None: `lr · rate^p` with `p = t / decay_steps` (floored with `staircase`) is monotone.
    func criticalSteps(in range: Range<Int>) -> [Int]? { decaySteps > 0 && decayRate >= 0 ? [] : nil }
}

extension KerasInverseTimeDecay: RangeExtrema {
    /// None: `lr / (1 + rate · p)` is monotone while the denominator keeps its sign, which
    /// `decay_rate ≥ 0` and `decay_steps > 0` ensure; `nil` otherwise.
    func criticalSteps(in range: Range<Int>) -> [Int]? { decaySteps > 0 && decayRate >= 0 ? [] : nil }
}

extension KerasPiecewiseConstantDecay: RangeExtrema {
    /// The step after each boundary (values change at `boundary + 1`) and the one before it;
    /// `nil` when the boundaries do not ascend.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 <= $1 }),
              boundaries.allSatisfy({ $0 < Int.max }) else { return nil }
        return CriticalSteps.pieces(boundaries.map { $0 + 1 }, in: range)
    }
}

extension KerasPolynomialDecay: RangeExtrema {
    /// Without `cycle`: the first step at or past `decay_steps` (where the step is clamped)
    /// and the step before it.
    ///
    /// With `cycle`: each restart (the first step whose multiplier
    /// `ceil(float32(step / decay_steps))` exceeds the previous step's) and the step before
    /// it. Between restarts the multiplier is constant, so `p = step / (decay_steps · m)`
    /// rises, and `(1 − p)^power` falls while `0 ≤ 1 − p` and `power ≥ 0`. `nil` when
    /// `power < 0` (`0^power` is infinite at each multiple, NaN times a zero span), when
    /// `p > 1` at the end of a piece in the range (float32's ceil lags beyond ~10^7 steps per
    /// `decay_steps`: `1 − p < 0` gives NaN for fractional powers and need not be monotone), or
    /// past 4096 restarts in the range.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard decaySteps > 0, decaySteps < 1e15 else { return nil }
        guard cycle else {
            return CriticalSteps.pieces([Int(saturating: decaySteps.rounded(.up))], in: range)
        }
        guard power >= 0, power.isFinite else { return nil }
        func multiplier(_ step: Int) -> Double { step == 0 ? 1 : KerasFloat32.ceil(Double(step) / decaySteps) }
        guard let restarts = CriticalSteps.indexChanges(in: range, index: multiplier) else { return nil }
        var out: [Int] = []
        for run in CriticalSteps.runs(between: restarts, in: range) {
            // p is largest at the run's last step (the multiplier is constant over the run).
            guard Double(run.last) / (decaySteps * multiplier(run.last)) <= 1 else { return nil }
            out += [run.first, run.last]
        }
        return out
    }
}

extension KerasCosineDecayRestarts: RangeExtrema {
    /// Each restart in the range (the first step whose float32 restart index exceeds the
    /// previous step's, found by bisection on Keras's own index) and the step before it, plus,
    /// within a period, the steps where the float32 cosine argument crosses 0 and `π₃₂`.
    ///
    /// Within a period the index `i` is constant and the fraction `f` rises (a division or a
    /// subtraction and a division by constants), so the argument `a = float32(π · f)` rises.
    /// glibc's float32 `cosf` is non-decreasing on `[−π₃₂, 0]`, non-increasing on `[0, π₃₂]`
    /// and non-decreasing on `[π₃₂, 2π₃₂]` (checked exhaustively over every float32 there).
    /// `a` normally stays in `[0, π₃₂]`; the float32 index may start a period early (`f < 0`)
    /// or end it late (`f > 1`) — by up to a step per period beyond ~10^7 periods — so the
    /// first step with `a ≥ 0` and the first with `a > π₃₂` (each with the step before it,
    /// found by bisection) split the period into monotone pieces. The rest (`0.5 · m_mul^i ·
    /// …`, `(1 − alpha) · … + alpha`, `· initial_learning_rate`) is a monotone map fixed for the
    /// period, whatever the signs of `m_mul` and `alpha`; with an `alpha` floor a period still
    /// falls from its peak to its floor, so the pieces' ends bound it.
    ///
    /// `nil` when `t_mul < 1` (the logarithm's argument eventually turns negative: NaN), for
    /// non-finite parameters, when `a` leaves `[−π₃₂, 2π₃₂]` in a period of the range (the
    /// float32 index off by more than half a period, beyond ~2^24 periods), when `m_mul^i`
    /// overflows, when one step moves the logarithm's argument by fewer than 16 ulps (its
    /// rounding might then make the index non-monotone), or past 4096 restarts in the range.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard firstDecaySteps > 0, firstDecaySteps.isFinite, tMul >= 1, tMul.isFinite, mMul.isFinite,
              alpha.isFinite, initialLearningRate.isFinite else { return nil }
        if tMul != 1 {
            // log(1 + f · (t_mul − 1)) must rise at every step: one step adds (t_mul − 1) /
            // first_decay_steps to an argument of at most its value at the range's end.
            let largest = 1 + Double(range.upperBound) / firstDecaySteps * (tMul - 1)
            guard largest.isFinite, (tMul - 1) / firstDecaySteps > largest * 0x1p-48 else { return nil }
        }
        guard let restarts = CriticalSteps.indexChanges(in: range, index: { period(at: $0).restart }) else {
            return nil
        }
        func argument(_ step: Int) -> Float { Float(Double.pi * period(at: step).fraction) }
        var out: [Int] = []
        for run in CriticalSteps.runs(between: restarts, in: range) {
            guard argument(run.first) >= -Float.pi, argument(run.last) <= 2 * Float.pi,
                  pow(mMul, period(at: run.first).restart).isFinite else { return nil }
            out += [run.first, run.last]
            let steps = run.first...run.last
            for split in [CriticalSteps.firstStep(in: steps) { argument($0) >= 0 },
                          CriticalSteps.firstStep(in: steps) { argument($0) > Float.pi }] {
                if let s = split, s > run.first { out += [s - 1, s] }
            }
        }
        return out
    }
}

extension KerasCosineDecay: RangeExtrema {
    /// The end of warm-up and of the decay (the first whole steps at or past them), each with
    /// the step before it: linear warm-up, then a falling cosine, then constant.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        let warmup = warmupTarget == nil ? 0 : max(warmupSteps, 0)
        guard decaySteps > 0, warmup + decaySteps < 1e15 else { return nil }
        return CriticalSteps.pieces([Int(saturating: warmup.rounded(.up)), Int(saturating: (warmup + decaySteps).rounded(.up))], in: range)
    }
}
