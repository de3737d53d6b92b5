import Foundation

// RangeExtrema conformances of the optax schedules. optax's other schedules (constant,
// linear, warm-up ones, one-cycle, SGDR) are built from these, so they conform through them.

extension OptaxCosineDecaySchedule: RangeExtrema {
    /// The first step at or past `decay_steps` and the step before it: the count is clamped
    /// there, and the cosine (raised to `exponent`) is monotone before.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        CriticalSteps.pieces([Int(saturating: decaySteps.rounded(.up))], in: range)
    }
}

extension OptaxExponentialDecay: RangeExtrema {
    /// The first decayed step (`transition_begin + 1`) and the step before it; past it the
    /// value `init · rate^p` (clipped at `end_value`) is monotone, staircase or not, for a
    /// positive rate; `nil` otherwise.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard !isConstant else { return [] }
        // decay_rate^p is monotone in p only for a positive rate (a negative one alternates
        // in sign, or is NaN at fractional powers).
        guard decayRate > 0 else { return nil }
        let begin = max(transitionBegin, 0)
        guard begin < Int.max else { return nil }
        return CriticalSteps.pieces([begin + 1], in: range)
    }
}

extension OptaxPolynomialSchedule: RangeExtrema {
    /// The start and the end of the transition, each with the step before it.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard transitionSteps > 0 else { return [] }
        let begin = max(transitionBegin, 0)
        let (end, overflow) = begin.addingReportingOverflow(transitionSteps)
        guard !overflow else { return nil }
        return CriticalSteps.pieces([begin, end], in: range)
    }
}

extension OptaxPiecewiseConstantSchedule: RangeExtrema {
    /// Each boundary and the step before it (constant in between).
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard !mayRaise(in: Int128(range.lowerBound)...Int128(range.upperBound - 1)) else { return nil }
        return CriticalSteps.pieces(entries.map(\.boundary), in: range)
    }
}

extension OptaxPiecewiseInterpolateSchedule: RangeExtrema {
    /// Each boundary and the step before it (each interpolation is monotone in between).
    func criticalSteps(in range: Range<Int>) -> [Int]? { CriticalSteps.pieces(bounds, in: range) }
}

extension OptaxJoinedSchedule: RangeExtrema {
    /// Each boundary (and the step before it), plus each child's critical steps within the
    /// steps it is active, shifted by its offset; `nil` unless the boundaries ascend and every
    /// child active in the range conforms.
    func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard !schedules.isEmpty else { return [] }
        guard !mayRaise(in: Int128(range.lowerBound)...Int128(range.upperBound - 1)) else { return nil }
        let used = Array(used)
        guard zip(used, used.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        var out = CriticalSteps.pieces(used.map(\.clampedToInt), in: range)
        let starts = [Int128(Int.min)] + used
        for (i, schedule) in schedules.enumerated() where i < starts.count {
            let segmentStart = starts[i]
            let segmentEnd = i + 1 < starts.count ? starts[i + 1] : Int128(Int.max)
            let lo = max(Int128(range.lowerBound), segmentStart), hi = min(Int128(range.upperBound), segmentEnd)
            guard lo < hi else { continue }
            let offset = i == 0 ? 0 : segmentStart
            guard let child = schedule as? any RangeExtrema else { return nil }
            // A joined child can see negative local steps only if a boundary is negative, and
            // local steps past Int.max only if one is below -1 (then it raised above or is
            // a child evaluated at Int steps: walk it).
            guard lo - offset >= 0, hi - offset <= Int128(Int.max),
                  let inner = child.criticalSteps(in: Int(lo - offset)..<Int(hi - offset)) else { return nil }
            out += inner.map { Int(Int128($0) + offset) }
            out += [Int(lo), Int(hi) - 1]
        }
        return out
    }
}
