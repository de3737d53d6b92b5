import Foundation

// RangeExtrema conformances of the Keras schedules whose pieces are monotone as computed
// (float32 steps included: rounding a monotone double to float32 keeps it monotone).
// CosineDecayRestarts and cycling PolynomialDecay restart where a float32-rounded index
// changes; those steps are found by bisection on the index itself, so they are exactly
// Keras's (late or early) restarts, not the real-valued ones.

extension KerasExponentialDecay: RangeExtrema {
    /// None: `lr · rate^p` with `p = t / decay_steps` (floored with `staircase`) is monotone.
    public func criticalSteps(in range: Range<Int>) -> [Int]? { decaySteps > 0 && decayRate >= 0 ? [] : nil }
}

extension KerasInverseTimeDecay: RangeExtrema {
    /// None: `lr / (1 + rate · p)` is monotone while the denominator keeps its sign, which
    /// `decay_rate ≥ 0` and `decay_steps > 0` ensure; `nil` otherwise.
    public func criticalSteps(in range: Range<Int>) -> [Int]? { decaySteps > 0 && decayRate >= 0 ? [] : nil }
}

extension KerasPiecewiseConstantDecay: RangeExtrema {
    /// The step after each boundary (values change at `boundary + 1`) and the one before it;
    /// `nil` when the boundaries do not ascend.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
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
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
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
    /// previous step's, found by bisection on Keras's own index) and the step before it.
    ///
    /// Within a period the index `i` is constant, the fraction `f` rises (a division or a
    /// subtraction and a division by constants), so `float32(π · f)` rises, and glibc's float32
    /// `cosf` is non-increasing over `[−2⁻¹², π₃₂ + 2⁻¹³]` (checked exhaustively over every
    /// float32 there: it is exactly 1 on the negative part and −1 just past π₃₂); the rest
    /// (`0.5 · m_mul^i · …`, `(1 − alpha) · … + alpha`, `· initial_learning_rate`) applies a
    /// monotone map that is fixed for the period, whatever the signs of `m_mul` and `alpha`.
    /// With an `alpha` floor the period still falls from its peak to its floor, so its two
    /// ends bound it; across periods the extremes are among those ends.
    ///
    /// `nil` when `t_mul < 1` (the logarithm's argument eventually turns negative: NaN), for
    /// non-finite parameters, when a period's fraction in the range takes the float32 cosine
    /// outside that interval (the float32 index lags or leads the real one by a sizeable
    /// fraction, e.g. with `t_mul = 1` beyond ~10^6 periods), when `m_mul^i` overflows, when
    /// one step moves the logarithm's argument by fewer than 16 ulps (its rounding might then
    /// make the index non-monotone), or past 4096 restarts in the range.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
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
        var out: [Int] = []
        for run in CriticalSteps.runs(between: restarts, in: range) {
            let (i, low) = period(at: run.first), high = period(at: run.last).fraction
            guard Float(Double.pi * low) >= -0x1p-12, Float(Double.pi * high) <= Float.pi + 0x1p-13,
                  pow(mMul, i).isFinite else { return nil }
            out += [run.first, run.last]
        }
        return out
    }
}

extension KerasCosineDecay: RangeExtrema {
    /// The end of warm-up and of the decay (the first whole steps at or past them), each with
    /// the step before it: linear warm-up, then a falling cosine, then constant.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        let warmup = warmupTarget == nil ? 0 : max(warmupSteps, 0)
        guard decaySteps > 0, warmup + decaySteps < 1e15 else { return nil }
        return CriticalSteps.pieces([Int(saturating: warmup.rounded(.up)), Int(saturating: (warmup + decaySteps).rounded(.up))], in: range)
    }
}
