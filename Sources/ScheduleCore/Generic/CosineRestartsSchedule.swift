import Foundation

/// `cosine_restarts`: cosine annealing with warm restarts (SGDR, Loshchilov & Hutter 2017).
///
/// Cycle `i = 0, 1, 2, …` lasts `Pᵢ = period · t_mult^i` steps and starts at
/// `Sᵢ = period · (t_mult^i − 1) / (t_mult − 1)` (`Sᵢ = i · period` when `t_mult = 1`). For the
/// cycle with `Sᵢ ≤ t < Sᵢ₊₁`, with `x = (t − Sᵢ) / Pᵢ` and peak `peakᵢ = lr · decay^i`:
///
/// `lr(t) = min_lr + max(peakᵢ − min_lr, 0) · (1 + cos(π · x)) / 2`.
///
/// A restart takes effect at the first whole step `≥ Sᵢ` (= `⌈Sᵢ⌉`; cycle lengths need not be
/// whole when `t_mult` is not). `min_lr` does not decay; once a peak has decayed below
/// `min_lr` the schedule stays at `min_lr`. Cycles go on forever.
struct CosineRestartsSchedule: ClosedFormSchedule {
    var learningRate: Double
    var period: Int
    var periodMultiplier: Double
    var decay: Double
    var minLearningRate: Double

    init(learningRate: Double, period: Int, periodMultiplier: Double, decay: Double, minLearningRate: Double) {
        self.learningRate = learningRate
        self.period = period
        self.periodMultiplier = periodMultiplier
        self.decay = decay
        self.minLearningRate = minLearningRate
    }

    /// Start of cycle `i` (a real number).
    func cycleStart(_ i: Int) -> Double {
        if periodMultiplier == 1 { return Double(i) * Double(period) }
        let growth = pow(periodMultiplier, Double(i)) - 1
        let start = Double(period) * growth / (periodMultiplier - 1)
        // A product past 1e308 (t_mult near it) overflows before the division brings it back.
        return start.isFinite ? start : Double(period) * (growth / (periodMultiplier - 1))
    }

    /// The cycle containing `step` and the position `x ∈ [0, 1)` in it.
    ///
    /// The cycle is the largest `i` with `Sᵢ ≤ t` (`Sᵢ` rises with `i`): estimated from the
    /// inverse of `Sᵢ` (with `log1p`, accurate for a `t_mult` just above 1, where the
    /// estimate of a plain `log` can be off by half), then found exactly by galloping and
    /// bisecting on `Sᵢ` — a few dozen evaluations whatever the parameters.
    func cycle(at step: Int) -> (index: Int, position: Double) {
        if periodMultiplier == 1 {
            return (step / period, Double(step % period) / Double(period))
        }
        let m = periodMultiplier
        let t = Double(step)
        let estimate = Int(saturating: (log1p(t * (m - 1) / Double(period)) / log1p(m - 1)).rounded(.down))
        // lo: a cycle starting at or before t (S₀ = 0 does); hi: one starting after t.
        var lo = 0, hi = max(estimate, 0)
        if cycleStart(hi) <= t {
            lo = hi
            var stride = 1
            while true {
                let (next, overflow) = lo.addingReportingOverflow(stride)
                hi = overflow ? Int.max : next
                if cycleStart(hi) > t || hi == Int.max { break }
                lo = hi
                stride = stride.multipliedReportingOverflow(by: 2).partialValue
            }
        } else {
            var stride = 1
            while true {
                let next = max(hi - stride, 0)
                if cycleStart(next) <= t { lo = next; break }
                hi = next
                stride = stride.multipliedReportingOverflow(by: 2).partialValue
            }
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if cycleStart(mid) <= t { lo = mid } else { hi = mid }
        }
        let length = Double(period) * pow(m, Double(lo))
        return (lo, (t - cycleStart(lo)) / length)
    }

    func value(at step: Int) -> Double {
        let (i, x) = cycle(at: step)
        let peak = learningRate * pow(decay, Double(i))
        return minLearningRate + max(peak - minLearningRate, 0) * GenericSupport.cosineFall(x)
    }

    func breakpoints(below steps: Int) -> [Int] {
        if periodMultiplier == 1 { return GenericSupport.periodic(first: period, period: period, below: steps) }
        var points: [Int] = []
        var i = 1
        while points.count <= GenericSupport.breakpointLimit {
            let s = cycleStart(i).rounded(.up)
            guard s < Double(steps) else { return points }
            points.append(Int(s))
            i += 1
        }
        return []
    }
}

extension ScheduleType {
    /// `cosine_restarts` — see ``CosineRestartsSchedule``.
    public static let cosineRestarts = ScheduleType(
        name: "cosine_restarts",
        summary: "Cosine annealing with warm restarts (SGDR): cycles of growing length and decaying peak.",
        formula: "cycle i starts at Sᵢ = period·(t_mult^i − 1)/(t_mult − 1) (i·period if t_mult = 1) and lasts period·t_mult^i; x = (t − Sᵢ)/(period·t_mult^i); lr(t) = min_lr + max(lr·decay^i − min_lr, 0) · (1 + cos(π·x))/2; a restart takes effect at step ⌈Sᵢ⌉; cycles never end",
        parameters: [
            .number("lr", "The peak learning rate of the first cycle (step 0)."),
            .integer("period", "Length of the first cycle in steps (≥ 1)."),
            .number("t_mult", default: 1, "Each cycle is t_mult times longer than the previous one (≥ 1)."),
            .number("decay", default: 1, "Each cycle's peak is decay times the previous one (> 0)."),
            .number("min_lr", default: 0, "The learning rate each cycle anneals to (≥ 0)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let period = try p.integer("period", atLeast: 1)
            let tMult = try p.number("t_mult", atLeast: 1)
            let decay = try p.number("decay")
            let minLR = try p.number("min_lr", atLeast: 0)
            try p.check(decay > 0, "decay", "must be > 0, found \(decay)")
            return CosineRestartsSchedule(
                learningRate: lr, period: period, periodMultiplier: tMult, decay: decay, minLearningRate: minLR)
        })
}
