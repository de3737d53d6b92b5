import Foundation

// RangeExtrema conformances of the transformers schedules (lr · lr_lambda(t)). A schedule
// that could raise inside the range answers nil, so the sampler evaluates it step by step
// and stops where transformers would raise.

/// Steps around each extremum of `cos(2π · cycles · (s − origin) / span)` for `s` in
/// `range` (where `2 · cycles · (s − origin) / span` is a whole number), or `nil` past
/// `limit` of them.
func cosineExtrema(origin: Int128, span: Int128, cycles: Double, in range: Range<Int>, limit: Int = 4096) -> [Int]? {
    guard cycles.isFinite, span > 0 else { return nil }
    if cycles == 0 { return [] }
    let per = PythonMath.float(span) / (2 * abs(cycles))   // steps between extrema
    // With a vanishing `cycles` the only extremum is at the origin.
    let k0 = per.isFinite ? (PythonMath.float(Int128(range.lowerBound) - origin) / per).rounded(.down) - 1 : 0
    let k1 = per.isFinite ? (PythonMath.float(Int128(range.upperBound) - origin) / per).rounded(.up) + 1 : 0
    // k counts in doubles: past 2⁵² they no longer step by one.
    guard k1 - k0 <= Double(limit), abs(k0) < 0x1p52, abs(k1) < 0x1p52 else { return nil }
    var out: [Int] = []
    var k = max(k0, 0)
    while k <= k1 {
        let s = k == 0 ? PythonMath.float(origin) : PythonMath.float(origin) + k * per
        k += 1
        // Steps are within ±2⁶³: an extremum farther out is in no range.
        guard abs(s) < 0x1p64 else { continue }
        let base = Int128(s.rounded(.down))
        for c in (base - 1)...(base + 2) where c >= Int128(range.lowerBound) && c < Int128(range.upperBound) { out.append(Int(c)) }
    }
    return out
}

/// `max(1, T − W)` as a Python int.
func hfSpan(_ training: Int, _ warmup: Int) -> Int128 { max(1, Int128(training) - Int128(warmup)) }

extension HFConstantSchedule: RangeExtrema {
    /// None: constant.
    func criticalSteps(in range: Range<Int>) -> [Int]? { [] }
}

extension HFConstantWithWarmupSchedule: RangeExtrema {
    /// The end of warm-up and the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces([numWarmupSteps], in: range) }
}

extension HFLinearSchedule: RangeExtrema {
    /// The end of warm-up and `num_training_steps`, each with the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces([numWarmupSteps, numTrainingSteps], in: range)
    }
}

extension HFCosineSchedule: RangeExtrema {
    /// The end of warm-up, and around every peak and trough of the cosine (past
    /// `num_training_steps` it keeps going).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard let extrema = cosineExtrema(origin: Int128(numWarmupSteps), span: hfSpan(numTrainingSteps, numWarmupSteps),
                                          cycles: numCycles, in: range) else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range) + extrema
    }
}

extension HFCosineWithMinLRSchedule: RangeExtrema {
    /// As ``HFCosineSchedule``.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard let extrema = cosineExtrema(origin: Int128(numWarmupSteps), span: hfSpan(numTrainingSteps, numWarmupSteps),
                                          cycles: numCycles, in: range) else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range) + extrema
    }
}

extension HFCosineWarmupWithMinLRSchedule: RangeExtrema {
    /// The end of warm-up, and around every peak and trough of the cosine, whose progress
    /// is `(t − warmup + 1) / max(1, training − warmup)`.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard numTrainingSteps < 1 << 52 else { return nil }
        guard let extrema = cosineExtrema(origin: Int128(numWarmupSteps) - 1, span: hfSpan(numTrainingSteps, numWarmupSteps),
                                          cycles: numCycles, in: range) else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range) + extrema
    }
}

extension HFCosineWithRestartsSchedule: RangeExtrema {
    /// The end of warm-up, `num_training_steps`, and every restart (the first step of each
    /// cosine), each with the step before it; `nil` past a few thousand restarts.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        var marks = [numWarmupSteps, numTrainingSteps]
        let lo = max(range.lowerBound, numWarmupSteps)
        let hi = min(range.upperBound, numTrainingSteps)
        if lo < hi, Int128(numTrainingSteps) - Int128(numWarmupSteps) > 0 {
            guard numCycles.isFinite, numCycles >= 0 else { return nil }
            let first = cycle(Int128(lo)), last = cycle(Int128(hi - 1))
            // k counts in doubles: past 2⁵² they no longer step by one.
            guard last - first <= 4096, last < 0x1p52 else { return nil }
            var k = first + 1
            while k <= last {
                marks.append(Int(restart(k, from: Int128(lo), to: Int128(hi))))
                k += 1
            }
        }
        return CriticalSteps.pieces(marks, in: range)
    }
}

extension HFInverseSqrtSchedule: RangeExtrema {
    /// The end of warm-up and the step before it; `nil` unless `timescale > 0` (which
    /// rules out transformers' errors).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard timescale > 0 else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range)
    }
}

extension HFPolynomialSchedule: RangeExtrema {
    /// The end of warm-up and the step after `num_training_steps`, each with the step
    /// before it; `nil` when transformers could raise (`lr = 0`, no decay steps, or a
    /// negative `power`).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard lr != 0, numTrainingSteps > numWarmupSteps, power >= 0, numTrainingSteps < Int.max else { return nil }
        // (T > W also keeps T − W within Int128, and the exact division of `lambda` positive.)
        return CriticalSteps.pieces([numWarmupSteps, numTrainingSteps + 1], in: range)
    }
}

extension HFWarmupStableDecaySchedule: RangeExtrema {
    /// The ends of warm-up, of the stable phase and of the decay (each with the step before
    /// it), and around every peak and trough of a cosine decay with several cycles. The
    /// square roots never see a negative number, so it never raises.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        let decayStart = decayStart, decayEnd = decayEnd
        var out = CriticalSteps.pieces([numWarmupSteps, decayStart.clampedToInt, decayEnd.clampedToInt], in: range)
        if decayType == .cosine {
            let lo = max(Int128(range.lowerBound), decayStart), hi = min(Int128(range.upperBound), decayEnd)
            if lo < hi {
                guard let extrema = cosineExtrema(origin: decayStart, span: Int128(max(1, numDecaySteps)),
                                                  cycles: numCycles, in: Int(lo)..<Int(hi)) else { return nil }
                out += extrema
            }
        }
        return out
    }
}
