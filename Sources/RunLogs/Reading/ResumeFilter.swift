/// Decides which logged points a resumed run superseded, in two passes over a log with memory
/// that grows with the number of resumes, not the number of points.
///
/// A run that restarts from a checkpoint logs again from the checkpoint's step: the step goes
/// back. The rule is TensorBoard's own (`EventAccumulator._MaybePurgeOrphanedData`): when the
/// step goes back to `s` (or repeats), every earlier point at a step ≥ `s` belongs to the
/// abandoned timeline and is dropped, so the last value logged at each step is kept. The
/// points kept, taken in file order, are strictly ascending.
///
/// Pass 1 feeds every step to ``observe(_:)``; then ``finish()``; pass 2 asks ``keep(_:)``
/// of every step in the same order.
public struct ResumeFilter: Sendable {
    /// The first step of each segment (a run of strictly increasing steps), in file order.
    private var segmentStarts: [Int] = []
    private var previous: Int?
    /// `cutoffs[k]`: the smallest first step of the segments after `k` (points of segment `k`
    /// at or above it are dropped).
    private var cutoffs: [Int] = []
    private var replaySegment = -1
    private var replayPrevious: Int?
    /// Points seen in pass 1.
    public private(set) var count = 0
    /// Points dropped in pass 2 so far, and the range of their steps.
    public private(set) var dropped = 0
    public private(set) var droppedRange: ClosedRange<Int>?

    public init() {}

    /// Pass 1: records `step`, the next step in file order.
    public mutating func observe(_ step: Int) {
        if let p = previous, step > p {
            // Same segment.
        } else {
            segmentStarts.append(step)
        }
        previous = step
        count += 1
    }

    /// Ends pass 1.
    public mutating func finish() {
        cutoffs = [Int](repeating: .max, count: segmentStarts.count)
        var lowest = Int.max
        for k in stride(from: segmentStarts.count - 1, through: 0, by: -1) {
            cutoffs[k] = lowest
            lowest = min(lowest, segmentStarts[k])
        }
    }

    /// How many times the step went back (the run resumed or restarted).
    public var resumes: Int { max(segmentStarts.count - 1, 0) }

    /// Pass 2: whether the point at `step` (the next in file order) is kept.
    public mutating func keep(_ step: Int) -> Bool {
        if let p = replayPrevious, step > p {
        } else {
            replaySegment += 1
        }
        replayPrevious = step
        let k = min(replaySegment, cutoffs.count - 1)
        let kept = k < 0 || step < cutoffs[k]
        if !kept {
            dropped += 1
            droppedRange = droppedRange.map { min($0.lowerBound, step)...max($0.upperBound, step) } ?? step...step
        }
        return kept
    }

    /// The note describing what pass 2 dropped, if anything.
    public var note: LogNote? {
        guard dropped > 0, let range = droppedRange else { return nil }
        return .repeatedSteps(count: dropped, firstStep: range.lowerBound, lastStep: range.upperBound, resumes: resumes)
    }
}
