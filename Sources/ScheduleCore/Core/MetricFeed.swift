/// The metrics fed to a metric-driven schedule, one per round: round `t` gets `self[t − 1]`.
///
/// Usually the list a spec gives. An epoch-interval schedule repeats each of its inner
/// schedule's per-epoch metrics `stepsPerEpoch` times; the feed stores that repetition, not
/// the repeated list, so its memory is the spec's list whatever the number of steps.
public struct MetricFeed: Sendable {
    private indirect enum Storage: Sendable {
        case list([Double])
        case repeated(MetricFeed, times: Int)
    }

    private let storage: Storage

    /// The metrics `metrics`, in order.
    public init(_ metrics: [Double]) { storage = .list(metrics) }

    /// Each metric of `feed` repeated `times` (≥ 1) times in a row.
    public init(repeating feed: MetricFeed, times: Int) {
        storage = .repeated(feed, times: Swift.max(times, 1))
    }

    /// The number of metrics (`Int.max` when the repetition would pass it).
    public var count: Int {
        switch storage {
        case .list(let list): return list.count
        case .repeated(let feed, let times):
            let (n, overflow) = feed.count.multipliedReportingOverflow(by: times)
            return overflow ? .max : n
        }
    }

    /// The metric of round `i + 1` (`0 ≤ i < count`).
    public subscript(i: Int) -> Double {
        switch storage {
        case .list(let list): return list[i]
        case .repeated(let feed, let times): return feed[i / times]
        }
    }

    /// The metrics at `range` clamped to `0 ..< count`; a repetition is written out for
    /// the range only.
    func slice(_ range: Range<Int>) -> ArraySlice<Double> {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), count)
        switch storage {
        case .list(let list): return list[lower..<upper]
        case .repeated: return ArraySlice((lower..<upper).map { self[$0] })
        }
    }

    /// The first `n` metrics as an array.
    public func prefix(_ n: Int) -> [Double] { Array(slice(0..<n)) }
}
