import Foundation

// RangeExtrema conformances of the generic families: where, inside a range of steps, each
// schedule's minimum and maximum can be. Each piece named below is monotone as computed
// (a chain of monotone, correctly rounded operations on the step); the property tests in
// RangeExtremaTests compare every answer with a brute-force scan.

/// At most this many pieces are listed per range; past it a piecewise-constant monotone
/// schedule lists none (its ends suffice) and others stream.
private let pieceLimit = 256

extension ConstantSchedule: RangeExtrema {
    /// None: the value never changes.
    func criticalSteps(in range: Range<Int>) -> [Int]? { [] }
}

extension ExponentialSchedule: RangeExtrema {
    /// None: `lr · γ^t` is monotone in `t`.
    func criticalSteps(in range: Range<Int>) -> [Int]? { [] }
}

extension StepSchedule: RangeExtrema {
    /// Each decay step inside the range and the step before it (monotone over the whole run;
    /// the jumps are listed so they are drawn where they happen). Past ``pieceLimit`` jumps: none.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.periodic(period: stepSize, offsets: [0], in: range, limit: pieceLimit) ?? []
    }
}

extension MultiStepSchedule: RangeExtrema {
    /// Each milestone inside the range and the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces(milestones, in: range)
    }
}

extension TimeBasedSchedule: RangeExtrema {
    /// With `staircase`, each decay step and the one before it; otherwise none (monotone).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        staircase ? CriticalSteps.periodic(period: decaySteps, offsets: [0], in: range, limit: pieceLimit) ?? [] : []
    }
}

extension LinearSchedule: RangeExtrema {
    /// `total_steps` and the step before it (the line, then the constant end).
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces([totalSteps], in: range) }
}

extension PolynomialSchedule: RangeExtrema {
    /// `total_steps` and the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces([totalSteps], in: range) }
}

extension CosineSchedule: RangeExtrema {
    /// `total_steps` and the step before it (the half cosine falls monotonically).
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces([totalSteps], in: range) }
}

extension RexSchedule: RangeExtrema {
    /// `total_steps` and the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces([totalSteps], in: range) }
}

extension TanhSchedule: RangeExtrema {
    /// `total_steps` and the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces([totalSteps], in: range) }
}

extension WSDSchedule: RangeExtrema {
    /// The end of warm-up, the start and the end of the decay, each with the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces([warmupSteps, decayStart.clampedToInt, totalSteps.clampedToInt], in: range)
    }
}

extension PiecewiseSchedule: RangeExtrema {
    /// Each knot and the step before it (each interpolation is monotone between knots).
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces(steps, in: range) }
}

extension InverseSqrtSchedule: RangeExtrema {
    /// The peak, `t = warmup_steps − 1`, with its neighbours: the value is the minimum of a
    /// rising and a falling function, so it rises up to where they cross and falls after.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        let w = Int128(warmupSteps)
        return [w - 2, w - 1, w, w + 1].filter { $0 >= Int128(range.lowerBound) && $0 < Int128(range.upperBound) }.map { Int($0) }
    }
}

extension OneCycleSchedule: RangeExtrema {
    /// The first step of each phase after the first and the step after the last phase
    /// (each with the step before it); `nil` for degenerate (empty) phases.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        var start = 0.0
        var bounds: [Int] = []
        for phase in phases {
            guard phase.end.isFinite, phase.end > start, phase.end < 1e15 else { return nil }
            bounds.append(Int(saturating: phase.end.rounded(.down) + 1))
            start = phase.end
        }
        return CriticalSteps.pieces(bounds, in: range)
    }
}

extension CyclicSchedule: RangeExtrema {
    /// Each cycle's trough (its first step) and peak (`step_size_up` later), each with the
    /// steps around it. `nil` past a few thousand cycles in the range.
    ///
    /// In `exp_range` mode the amplitude `(max_lr − base_lr) · s · γ^t` is a product of the
    /// triangle `s` and `γ^t`: with `γ < 1` the rising half, `∝ u · γ^t` at `u = t − t₀`, peaks
    /// at `u* = γ / (1 − γ)`; with `γ > 1` the falling half, `∝ u · γ^t` at `u = t_end − t`, at
    /// `u* = γ / (γ − 1)`; the other half is a product of two positive factors moving the same
    /// way (monotone as computed). The computed amplitude is the real one times
    /// `1 + e` with `|e| ≤ E(u) = (C + t) · 2⁻⁵² / u + 2⁻⁴⁸` (the position `x` carries an absolute
    /// error of `(1 + t / C) · 2⁻⁵²`, `pow` and the products a few ulps), while the real ratio
    /// of consecutive steps differs from 1 by `γ · |u − u*| / (u · u*)`; so the computed values
    /// are strictly monotone wherever `γ · |u − u*| / u* > 16 · (C + t) · 2⁻⁵² + 16 · 2⁻⁴⁸ · u`,
    /// which holds outside `u* ± d` with `d = u* · (a + b · u*) / (γ − b · u*)` (`a`, `b` those
    /// two constants). Every step of that window (in each cycle of the range whose half
    /// reaches it) is listed. None past them once `(max_lr − base_lr) · γ^t` is below a
    /// quarter ulp of `base_lr` over the range (every value is `base_lr` then). `nil` when
    /// `γ^t · (max_lr − base_lr) / C` leaves
    /// `[2⁻⁹⁰⁰, 2⁹⁰⁰]` over the range (underflow to subnormals, or overflow to infinity, whose
    /// product with a zero triangle is NaN), when the window is wider than 512 steps, or when
    /// more than 16384 window steps would be listed.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        let total = cycleLength
        let up = Int128(stepSizeUp)
        guard var out = CriticalSteps.periodic(period: total, offsets: [0, 1, up, up + 1], in: range) else {
            return nil
        }
        let amplitude = maxLearningRate - baseLearningRate
        guard mode == .expRange, gamma != 1, amplitude != 0 else { return out }
        guard gamma > 0, gamma.isFinite, amplitude > 0, amplitude.isFinite else { return nil }
        let ends = [pow(gamma, Double(range.lowerBound)), pow(gamma, Double(range.upperBound - 1))]
        guard let low = ends.min(), let high = ends.max() else { return nil }
        // Far into a decaying run the amplitude falls below half an ulp of base_lr: constant.
        if amplitude * high * 4 < baseLearningRate.ulp { return out }
        guard amplitude * low / Double(total) >= 0x1p-900, amplitude * high <= 0x1p900 else { return nil }
        let uStar = gamma < 1 ? gamma / (1 - gamma) : gamma / (gamma - 1)
        let half = gamma < 1 ? stepSizeUp : stepSizeDown
        let a = 16 * (Double(total) + Double(range.upperBound)) * 0x1p-52, b = 16 * 0x1p-48
        guard gamma - b * uStar > 0 else { return nil }
        let d = uStar * (a + b * uStar) / (gamma - b * uStar)
        guard d <= 512 else { return nil }
        // The window of u where the values are not guaranteed monotone, within the half.
        let first = max(0, Int((uStar - d).rounded(.down)) - 1)
        guard first <= half else { return out }
        let last = min(half, Int((uStar + d).rounded(.up)) + 1)
        let firstCycle = Int128(range.lowerBound) / total, lastCycle = Int128(range.upperBound - 1) / total
        guard (lastCycle - firstCycle + 1) * Int128(last - first + 1) <= 16384 else { return nil }
        var c = firstCycle
        while c <= lastCycle {
            for u in first...last {
                let t = gamma < 1 ? c * total + Int128(u) : (c + 1) * total - Int128(u)
                if t >= Int128(range.lowerBound) && t < Int128(range.upperBound) { out.append(Int(t)) }
            }
            c += 1
        }
        return out
    }
}

extension CosineRestartsSchedule: RangeExtrema {
    /// Each restart in the range and the step before it (each cycle's cosine falls
    /// monotonically from its peak to its trough). `nil` past a few thousand restarts.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        if periodMultiplier == 1 {
            return CriticalSteps.periodic(period: period, offsets: [0], in: range)
        }
        let first = cycle(at: range.lowerBound).index
        let last = cycle(at: range.upperBound - 1).index
        guard last - first <= 4096 else { return nil }
        var out: [Int] = []
        if last > first {
            for i in (first + 1)...last {
                // The restart is the first step whose cycle is i.
                // Within a few ulps of the real start (Double(s) rounds steps past 2⁵³).
                var s = min(max(Int(saturating: cycleStart(i).rounded(.up)), range.lowerBound), range.upperBound)
                while s > range.lowerBound && cycle(at: s - 1).index >= i { s -= 1 }
                while s < range.upperBound && cycle(at: s).index < i { s += 1 }
                if s > range.lowerBound && s < range.upperBound { out += [s - 1, s] }
            }
        }
        return out
    }
}

extension ClosedFormWarmupSchedule: RangeExtrema {
    /// The end of warm-up (and the step before), plus the child's critical steps shifted
    /// into its own steps; `nil` unless the child conforms.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard let child = child as? any RangeExtrema else { return nil }
        let w = warmup.warmupSteps
        var out = CriticalSteps.pieces([w], in: range)
        let lo = max(range.lowerBound, w)
        guard lo < range.upperBound else { return out }
        let shift = warmup.globalSteps ? 0 : w
        guard let inner = child.criticalSteps(in: (lo - shift)..<(range.upperBound - shift)) else { return nil }
        out += inner.map { $0 + shift }
        // The child's first value after the hand-over; not when it is the range's first step,
        // which is always a candidate: nested warm-ups would add one copy per level, and
        // each level would copy them all again (quadratic in the depth).
        if lo > range.lowerBound { out.append(lo) }
        return out
    }
}

extension ClosedFormSequenceSchedule: RangeExtrema {
    /// Each boundary (and the step before it), plus each child's critical steps within its
    /// segment; `nil` unless every child met conforms.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        let boundaries = sequence.boundaries
        var out = CriticalSteps.pieces(boundaries, in: range)
        let starts = [0] + boundaries
        for (i, schedule) in closed.enumerated() {
            let segStart = starts[i]
            let segEnd = i < boundaries.count ? boundaries[i] : Int.max
            let lo = max(range.lowerBound, segStart)
            let hi = min(range.upperBound, segEnd)
            guard lo < hi else { continue }
            guard let child = schedule as? any RangeExtrema,
                  let inner = child.criticalSteps(in: (lo - segStart)..<(hi - segStart)) else { return nil }
            out += inner.map { $0 + segStart }
            // The segment's ends, except the range's own (always candidates).
            if lo > range.lowerBound { out.append(lo) }
            if hi < range.upperBound { out.append(hi - 1) }
        }
        return out
    }
}
