import Foundation

// RangeExtrema conformances of the timm schedulers. A range where timm may raise answers nil
// and is walked step by step, stopping where timm raises: the step and multi-step schedulers
// check their parameters; the cyclic ones (cosine, poly, tanh) check each run of constant
// cycle index at its ends, the ways they can raise inside a run being monotone in the step.
// Step 0 is its own piece (timm's constructor value), then the warm-up line, then the
// scheduler's pieces.

extension TimmStepLRScheduler: RangeExtrema {
    /// Step 1 and the end of warm-up, each with the step before it: after warm-up
    /// `lr · decay_rate^⌊t / decay_t⌋` is monotone when `0 ≤ decay_rate ≤ 1` (which also rules
    /// out overflow); `nil` otherwise or when `decay_t ≤ 0` (ZeroDivisionError).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard decayT > 0, decayRate >= 0, decayRate <= 1 else { return nil }
        return CriticalSteps.pieces([1, warmup.length], in: range)
    }
}

extension TimmMultiStepLRScheduler: RangeExtrema {
    /// Step 1 and the end of warm-up, each with the step before it: the number of decays
    /// (`bisect_right(decay_t, t + 1)`) never decreases, so the value is monotone after warm-up
    /// when `0 ≤ decay_rate ≤ 1`; `nil` otherwise.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
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

extension TimmCycles {
    /// The runs of constant cycle index — clamped at `cycle_limit`, past which timm holds
    /// `lr_min` — over the cycle times `t` of `range` (`t ≥ 0`), each as its first and last
    /// `t`; the index is timm's own (floating-point) one, its changes found by bisection.
    /// `nil` when `cycle_mul` is not positive and finite, when one step moves the logarithm's
    /// argument `1 − t / t_initial · (1 − cycle_mul)` by fewer than 16 ulps of its size (its
    /// rounding might then make the index non-monotone), when timm raises at a step the
    /// bisection evaluates, or past 4096 cycle starts in `range`.
    func runs(in range: Range<Int>) -> [(first: Int, last: Int)]? {
        guard tInitial > 0, cycleMul > 0, cycleMul.isFinite, range.lowerBound >= 0 else { return nil }
        if cycleMul != 1 {
            let largest = Swift.max(1, 1 + Double(range.upperBound) / Double(tInitial) * (cycleMul - 1))
            guard largest.isFinite, abs(1 - cycleMul) / Double(tInitial) > largest * 0x1p-48 else { return nil }
        }
        let limit = cycleLimit
        guard let changes = CriticalSteps.indexChanges(in: range, index: { t in
            guard let i = try? locate(Int128(t)).i else { return .nan }
            return Double(Swift.min(i, Int128(limit)))
        }) else { return nil }
        return CriticalSteps.runs(between: changes, in: range)
    }

    /// The critical steps of timm's Cosine and Poly schedulers: step 1, the end of warm-up,
    /// and the cycles' boundaries (fixed-length cycles), or each cycle's first and last step
    /// in the range, which must start at `t_curr ≥ 0` and end with
    /// `scale · t_curr^k / t_i^k ≤ limit` (the cosine's argument within π, the polynomial's
    /// base within 1, as timm computes them). `nil` as ``runSteps(offset:warmupEnd:in:raises:monotone:)``,
    /// or when `k_decay` is not positive and finite.
    func annealingCriticalSteps(in range: Range<Int>, warmup: TimmWarmup, warmupPrefix: Bool, kDecay: Double,
                                scale: Double, limit: Double, raises: (Int) -> Bool) -> [Int]? {
        let offset = warmupPrefix ? warmup.length : 0
        let start = CriticalSteps.pieces([1, warmup.length], in: range)
        if let cycleStarts = fixedCycleBoundaries(offset: offset, kDecay: kDecay, in: range) {
            return start + cycleStarts
        }
        guard kDecay > 0, kDecay.isFinite else { return nil }
        let runs = runSteps(
            offset: offset, warmupEnd: warmup.length, in: range, raises: raises,
            monotone: { first, last in
                guard first.tCurr >= 0,
                      let ratio = try? PythonMath.divide(
                        scale * (try PythonMath.power(last.tCurr, kDecay)), try PythonMath.power(last.tI, kDecay))
                else { return false }
                return ratio <= limit
            })
        return runs.map { start + $0 }
    }

    /// Critical steps of a cyclic timm scheduler past its warm-up: the first and last step of
    /// each run of constant (clamped) cycle index that meets `range`, `offset` being the step
    /// of cycle time 0.
    ///
    /// A run with index `≥ cycle_limit` is `lr_min`, unless timm raises there: the log's
    /// domain error (`cycle_mul < 1`) and `cycle_decay ** i` overflowing only spread to later
    /// steps, so a run that raises nowhere at its ends raises nowhere. A run inside a cycle
    /// must pass `monotone(first, last)` (given the positions of its ends, the scheduler
    /// checks its value is monotone over the run and raises nowhere in between) and the
    /// scheduler must not raise at its ends (`raises`). `nil` otherwise, or when ``runs(in:)``
    /// is `nil`.
    func runSteps(offset: Int, warmupEnd: Int, in range: Range<Int>, raises: (Int) -> Bool,
                  monotone: (Position, Position) -> Bool) -> [Int]? {
        let lo = Swift.max(range.lowerBound, warmupEnd, 1)
        guard lo < range.upperBound else { return [] }
        // Cycle times: past Int's range (a negative warm-up prefix) the range is walked.
        let (first, o1) = lo.subtractingReportingOverflow(offset)
        let (end, o2) = range.upperBound.subtractingReportingOverflow(offset)
        guard !o1, !o2, let runs = runs(in: first..<end) else { return nil }
        var out: [Int] = []
        for run in runs {
            guard !raises(run.first + offset), !raises(run.last + offset),
                  let first = try? locate(Int128(run.first)), let last = try? locate(Int128(run.last)) else { return nil }
            if first.i < Int128(cycleLimit) {
                guard monotone(first, last) else { return nil }
            }
            out += [run.first + offset, run.last + offset]
        }
        return out
    }
}

extension TimmCosineLRScheduler: RangeExtrema {
    /// Step 1, the end of warm-up and every cycle start, each with the step before it: within
    /// a cycle the cosine of `π · t_curr^k / t_i^k` is monotone.
    ///
    /// With `cycle_mul = 1` (integer arithmetic) when `k_decay > 0`, `t_initial^k` is finite
    /// and `|cycle_decay| ≤ 1` (no overflow or division by zero is possible then). Otherwise
    /// each cycle's first and last step in the range (timm's floating-point cycle index, see
    /// ``TimmCycles/runSteps(offset:warmupEnd:in:raises:monotone:)``), when `k_decay > 0`,
    /// timm raises at neither, the cycle's `t_curr` starts at 0 or later (the float index may
    /// start a cycle early) and its ratio ends by `π + 10⁻⁹` (double `cos` is ±1 within 10⁻⁹ of
    /// 0 and π). Else `nil`.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        return cycles.annealingCriticalSteps(
            in: range, warmup: warmup, warmupPrefix: warmupPrefix, kDecay: kDecay,
            scale: Double.pi, limit: Double.pi + 1e-9, raises: { (try? checkedValue(at: $0)) == nil })
    }
}

extension TimmPolyLRScheduler: RangeExtrema {
    /// As ``TimmCosineLRScheduler``, with `(1 − t_curr^k / t_i^k)^power` monotone within a
    /// cycle; also requires `power ≥ 0` (a negative power could overflow), and with
    /// `cycle_mul ≠ 1` a ratio of at most 1 at the cycle's last step in the range (a negative
    /// base raises for a fractional power).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard power >= 0, power.isFinite else { return nil }
        return cycles.annealingCriticalSteps(
            in: range, warmup: warmup, warmupPrefix: warmupPrefix, kDecay: kDecay,
            scale: 1, limit: 1, raises: { (try? checkedValue(at: $0)) == nil })
    }
}

extension TimmTanhLRScheduler: RangeExtrema {
    /// Step 1, the end of warm-up (a line to timm's target), and each cycle's first and last
    /// step in the range (see ``TimmCycles/runSteps(offset:warmupEnd:in:raises:monotone:)``):
    /// within a cycle `tr = t_curr / t_i` rises, and when `lb ≤ 0 ≤ ub` both terms of
    /// `lb · (1 − tr) + ub · tr` rise with it (so does their rounded sum, and `tanh`), making
    /// the value monotone. `nil` when `lb` and `ub` have the same strict sign (the two
    /// terms move in opposite directions and their rounded sum need not be monotone), when
    /// timm raises at a cycle's end in the range, or as ``TimmCycles/runs(in:)``.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard lb <= 0, ub >= 0 else { return nil }
        let start = CriticalSteps.pieces([1, warmup.length], in: range)
        let runs = cycles.runSteps(
            offset: warmupPrefix ? warmup.length : 0, warmupEnd: warmup.length, in: range,
            raises: { (try? checkedValue(at: $0)) == nil },
            monotone: { _, _ in true })
        return runs.map { start + $0 }
    }
}

extension TimmWSDLRScheduler: RangeExtrema {
    /// Step 1, the end of warm-up, the first decaying step (`warmup_t + t_initial − decay_t + 1`)
    /// and the end (`warmup_t + t_initial`), each with the step before it. After warm-up the
    /// stable factor `(1 + t_s / timescale)^−power` (or 1) does not rise, so neither does
    /// `s = max(lr · stable, lr_min)` when `lr ≥ 0`; each decay function is non-negative and
    /// non-increasing in `frac ∈ [0, 1]` for the parameters timm accepts, so
    /// `lr_min + (s − lr_min) · decay(frac)` (a product of two non-negative non-increasing
    /// factors) falls through the decay and stays at its end. timm cannot raise past
    /// construction here. `nil` when `lr < 0` with a non-constant stable function (`s` then
    /// rises while the decay falls).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard stableFunction == .constant || lr >= 0 else { return nil }
        let (end, overflow) = warmup.length.addingReportingOverflow(tInitial)
        guard !overflow, end < Int.max else { return nil }
        return CriticalSteps.pieces([1, warmup.length, end - decayT + 1, end], in: range)
    }
}
