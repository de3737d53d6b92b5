import Foundation

// RangeExtrema conformances of the transformers schedules (lr · lr_lambda(t)). A schedule
// that could raise inside the range answers nil, so the sampler evaluates it step by step
// and stops where transformers would raise.

/// Steps around each extremum of `cos(2π · cycles · (s − origin) / span)` for `s` in
/// `range` (where `2 · cycles · (s − origin) / span` is a whole number), or `nil` past
/// `limit` of them.
func cosineExtrema(origin: Int, span: Int, cycles: Double, in range: Range<Int>, limit: Int = 4096) -> [Int]? {
    guard cycles.isFinite, span > 0 else { return nil }
    if cycles == 0 { return [] }
    let per = Double(span) / (2 * abs(cycles))   // steps between extrema
    let k0 = ((Double(range.lowerBound - origin)) / per).rounded(.down) - 1
    let k1 = ((Double(range.upperBound - origin)) / per).rounded(.up) + 1
    guard k1 - k0 <= Double(limit) else { return nil }
    var out: [Int] = []
    var k = max(k0, 0)
    while k <= k1 {
        let s = Double(origin) + k * per
        let base = Int(saturating: s.rounded(.down))
        for c in (base - 1)...(base + 2) where range.contains(c) { out.append(c) }
        k += 1
    }
    return out
}

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
        guard let extrema = cosineExtrema(origin: numWarmupSteps, span: max(1, numTrainingSteps - numWarmupSteps),
                                          cycles: numCycles, in: range) else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range) + extrema
    }
}

extension HFCosineWithMinLRSchedule: RangeExtrema {
    /// As ``HFCosineSchedule``.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard let extrema = cosineExtrema(origin: numWarmupSteps, span: max(1, numTrainingSteps - numWarmupSteps),
                                          cycles: numCycles, in: range) else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range) + extrema
    }
}

extension HFCosineWarmupWithMinLRSchedule: RangeExtrema {
    /// The end of warm-up, and around every peak and trough of the cosine, whose progress
    /// is `(t − warmup + 1) / max(1, training − warmup)`.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard numTrainingSteps < 1 << 52 else { return nil }
        guard let extrema = cosineExtrema(origin: numWarmupSteps - 1, span: max(1, numTrainingSteps - numWarmupSteps),
                                          cycles: numCycles, in: range) else { return nil }
        return CriticalSteps.pieces([numWarmupSteps], in: range) + extrema
    }
}

extension HFCosineWithRestartsSchedule: RangeExtrema {
    /// The end of warm-up, `num_training_steps`, and every restart (the first step of each
    /// cosine), each with the step before it; `nil` past a few thousand restarts.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        var marks = [numWarmupSteps, numTrainingSteps]
        let span = numTrainingSteps - numWarmupSteps
        let lo = max(range.lowerBound, numWarmupSteps)
        let hi = min(range.upperBound, numTrainingSteps)
        if lo < hi, span > 0 {
            guard numCycles.isFinite, numCycles >= 0 else { return nil }
            func cycle(_ s: Int) -> Double {
                (numCycles * (Double(s - numWarmupSteps) / Double(span))).rounded(.down)
            }
            let first = cycle(lo), last = cycle(hi - 1)
            guard last - first <= 4096 else { return nil }
            var k = first + 1
            while k <= last {
                var s = numWarmupSteps + Int((k * Double(span) / numCycles).rounded(.up))
                s = min(max(s, lo), hi)
                while s > lo && cycle(s - 1) >= k { s -= 1 }
                while s < hi && cycle(s) < k { s += 1 }
                marks.append(s)
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
        return CriticalSteps.pieces([numWarmupSteps, numTrainingSteps + 1], in: range)
    }
}

extension HFWarmupStableDecaySchedule: RangeExtrema {
    /// The ends of warm-up, of the stable phase and of the decay (each with the step before
    /// it), and around every peak and trough of a cosine decay with several cycles. The
    /// square roots never see a negative number, so it never raises.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        let decayStart = numWarmupSteps + numStableSteps
        var out = CriticalSteps.pieces([numWarmupSteps, decayStart, decayStart + numDecaySteps], in: range)
        if decayType == .cosine {
            let lo = max(range.lowerBound, decayStart), hi = min(range.upperBound, decayStart + numDecaySteps)
            if lo < hi {
                guard let extrema = cosineExtrema(origin: decayStart, span: max(1, numDecaySteps),
                                                  cycles: numCycles, in: lo..<hi) else { return nil }
                out += extrema
            }
        }
        return out
    }
}
