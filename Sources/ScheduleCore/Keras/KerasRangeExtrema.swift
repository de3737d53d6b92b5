import Foundation

// RangeExtrema conformances of the Keras schedules whose pieces are monotone as computed
// (float32 steps included: rounding a monotone double to float32 keeps it monotone).
// CosineDecayRestarts and cycling PolynomialDecay have float restart positions and are
// walked step by step.

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
    /// and the step before it. With `cycle`: `nil`.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard !cycle, decaySteps > 0, decaySteps < 1e15 else { return nil }
        return CriticalSteps.pieces([Int(saturating: decaySteps.rounded(.up))], in: range)
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
