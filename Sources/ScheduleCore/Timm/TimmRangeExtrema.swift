import Foundation

// RangeExtrema conformances of the timm schedulers whose values cannot raise for the given
// parameters (otherwise they answer nil and are walked step by step, stopping where timm
// raises). Step 0 is its own piece (timm's constructor value), then the warm-up line, then
// the scheduler's pieces.

extension TimmStepLRScheduler: RangeExtrema {
    /// Step 1 and the end of warm-up, each with the step before it: after warm-up
    /// `lr · decay_rate^⌊t / decay_t⌋` is monotone when `0 ≤ decay_rate ≤ 1` (which also rules
    /// out overflow); `nil` otherwise or when `decay_t ≤ 0` (ZeroDivisionError).
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard tInEpochs else { return [] }
        guard decayT > 0, decayRate >= 0, decayRate <= 1 else { return nil }
        return CriticalSteps.pieces([1, warmup.length], in: range)
    }
}

extension TimmMultiStepLRScheduler: RangeExtrema {
    /// Step 1 and the end of warm-up, each with the step before it: the number of decays
    /// (`bisect_right(decay_t, t + 1)`) never decreases, so the value is monotone after warm-up
    /// when `0 ≤ decay_rate ≤ 1`; `nil` otherwise.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard tInEpochs else { return [] }
        guard decayRate >= 0, decayRate <= 1 else { return nil }
        return CriticalSteps.pieces([1, warmup.length], in: range)
    }
}

extension TimmCycles {
    /// Cycle starts (offset by `offset`) in `range`, each with the step before it, when
    /// cycles have a fixed length (`cycle_mul = 1`, integer arithmetic) and `t_initial^k` is
    /// finite; `nil` otherwise.
    func fixedCycleBoundaries(offset: Int, kDecay: Double, in range: Range<Int>) -> [Int]? {
        guard cycleMul == 1, tInitial > 0, kDecay > 0, pow(Double(tInitial), kDecay).isFinite,
              abs(cycleDecay) <= 1 else { return nil }
        return CriticalSteps.periodic(period: tInitial, offsets: [0], origin: offset, in: range)
    }
}

extension TimmCosineLRScheduler: RangeExtrema {
    /// Step 1, the end of warm-up and every cycle start: within a cycle the cosine of
    /// `π · t_curr^k / t_i^k` is monotone. Only for `cycle_mul = 1`, `k_decay > 0` and
    /// `|cycle_decay| ≤ 1` (no overflow or division by zero is possible then); else `nil`.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard tInEpochs else { return [] }
        guard let cycleStarts = cycles.fixedCycleBoundaries(
            offset: warmupPrefix ? warmup.length : 0, kDecay: kDecay, in: range) else { return nil }
        return CriticalSteps.pieces([1, warmup.length], in: range) + cycleStarts
    }
}

extension TimmPolyLRScheduler: RangeExtrema {
    /// As ``TimmCosineLRScheduler``, with `(1 − t_curr^k / t_i^k)^power` monotone within a
    /// cycle; also requires `power ≥ 0` (a negative power could overflow).
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard tInEpochs else { return [] }
        guard power >= 0, let cycleStarts = cycles.fixedCycleBoundaries(
            offset: warmupPrefix ? warmup.length : 0, kDecay: kDecay, in: range) else { return nil }
        return CriticalSteps.pieces([1, warmup.length], in: range) + cycleStarts
    }
}
