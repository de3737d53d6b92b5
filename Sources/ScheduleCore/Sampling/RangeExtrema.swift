/// A closed-form schedule that can say where, inside a range of steps, its minimum and
/// maximum are attained — so a chart of 10⁹ steps evaluates a few steps per pixel column
/// instead of every step.
///
/// Conforming is opt-in. ``criticalSteps(in:)`` returns steps strictly inside or at the ends
/// of `range` such that the minimum and the maximum of ``ClosedFormSchedule/value(at:)``
/// over every step of `range` are both attained at one of the returned steps or at one of
/// the range's two ends (`range.lowerBound`, `range.upperBound − 1`). Typical answers:
/// phase changes (warmup end, milestones, decay start), each cycle's peak and trough, and
/// the step just before each jump (the last value of the old phase).
///
/// The contract is about the values as computed in floating point, not as real functions:
/// a segment may be omitted only when its computed values are monotone over the steps it
/// covers. Return `nil` when this cannot be guaranteed for `range` (a custom expression, a
/// schedule that may raise there, too many extrema): the sampler then evaluates every step
/// of `range`.
public protocol RangeExtrema: ClosedFormSchedule {
    /// Steps (any order, duplicates allowed, each within `range`) at which, together with
    /// the ends of `range`, the minimum and the maximum over `range` are attained; `nil`
    /// when unknown. `range` is non-empty and starts at 0 or later.
    func criticalSteps(in range: Range<Int>) -> [Int]?
}

extension ClosedFormEpochIntervalSchedule: RangeExtrema {
    /// The inner schedule's critical epochs mapped to steps: each epoch's value holds for
    /// all its steps, so epoch `e` is represented by its first step in the range, and a
    /// change of epoch by the last step of the previous epoch and the first of the next.
    /// `nil` unless the inner schedule conforms.
    public func criticalSteps(in range: Range<Int>) -> [Int]? {
        guard let inner = inner as? any RangeExtrema else { return nil }
        let first = range.lowerBound / stepsPerEpoch
        let last = (range.upperBound - 1) / stepsPerEpoch
        guard let epochs = inner.criticalSteps(in: first..<(last + 1)) else { return nil }
        return epochs.compactMap { e -> Int? in
            let s = Swift.max(e * stepsPerEpoch, range.lowerBound)
            return s < range.upperBound ? s : nil
        } + epochs.compactMap { e -> Int? in
            let s = e * stepsPerEpoch - 1
            return range.contains(s) ? s : nil
        }
    }
}
