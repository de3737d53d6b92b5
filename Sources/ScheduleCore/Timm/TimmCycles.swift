import Foundation

/// The cycle arithmetic shared by timm's `CosineLRScheduler`, `TanhLRScheduler` and
/// `PolyLRScheduler`.
///
/// For `cycle_mul == 1`: `i = t // t_initial`, `t_i = t_initial`, `t_curr = t - t_initial * i`.
/// Otherwise (cycle lengths grow geometrically):
/// `i = floor(log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))`,
/// `t_i = cycle_mul ** i * t_initial`,
/// `t_curr = t - (1 - cycle_mul ** i) / (1 - cycle_mul) * t_initial` — in floating point,
/// so at a cycle boundary `i` can land on either side, exactly as in timm. With
/// `cycle_mul < 1` the logarithm's argument reaches 0 after a finite time and Python raises
/// `ValueError: math domain error`; the series stops there.
struct TimmCycles: Sendable {
    let tInitial: Int
    let cycleMul: Double
    let cycleDecay: Double
    let cycleLimit: Int

    /// Where step `t` (after any warmup shift) falls.
    struct Position {
        /// The cycle index `i` (a Python int).
        var i: Int128
        /// The cycle's length `t_i`.
        var tI: Double
        /// The time into the cycle `t_curr`.
        var tCurr: Double
    }

    /// `t` is a Python int: the step less a warm-up that may be negative, so it need not
    /// fit in 64 bits; `t / t_initial` is a true division of integers.
    func locate(_ t: Int128) throws(PythonRaise) -> Position {
        if cycleMul != 1 {
            let i = try PythonMath.floorToInt(
                try PythonMath.log(1 - (try PythonMath.trueDivide(t, Int128(tInitial))) * (1 - cycleMul), base: cycleMul))
            let growth = try PythonMath.power(cycleMul, Double(i))
            return Position(
                i: Int128(i), tI: growth * Double(tInitial),
                tCurr: PythonMath.float(t) - (1 - growth) / (1 - cycleMul) * Double(tInitial))
        }
        let i = try PythonMath.floorDivide(t, Int128(tInitial))
        return Position(i: i, tI: Double(tInitial), tCurr: PythonMath.float(t - Int128(tInitial) * i))
    }

    /// `cycle_decay ** i`: the peak's factor in cycle `i`.
    func gamma(_ i: Int128) throws(PythonRaise) -> Double {
        try PythonMath.power(cycleDecay, PythonMath.float(i))
    }

    /// Steps (shifted by `offset`) where cycles `1 ... cycle_limit` start: the first `t`
    /// whose cycle index reaches `k`.
    ///
    /// With `cycle_mul ≠ 1` the start is where timm's floating-point index reaches `k`,
    /// found by galloping and bisecting from the real start
    /// `t_initial · (1 − cycle_mul^k) / (1 − cycle_mul)` (which the index may miss by a step
    /// or two, or — with `cycle_mul` within a few ulps of 1 — by far more); marks stop at a
    /// cycle whose start cannot be found (timm raises first).
    func starts(offset: Int, below steps: Int) -> [Int] {
        var marks: [Int] = []
        var k = 1
        while k <= cycleLimit && marks.count < 10_000 {
            var t: Int128
            if cycleMul == 1 {
                t = Int128(k) * Int128(tInitial)
            } else {
                let exact = Double(tInitial) * (1 - pow(cycleMul, Double(k))) / (1 - cycleMul)
                guard exact.isFinite, exact > 0, exact < 1e15,
                      let start = firstStep(ofCycle: Int128(k), near: Int128(exact.rounded(.up))) else { break }
                t = start
            }
            let mark = Int128(offset) + t
            if mark >= Int128(steps) { break }
            marks.append(Int(mark))
            k += 1
        }
        return marks
    }

    /// The first cycle time `t ≥ 1` whose index is `k` or more, searched from `guess` by
    /// galloping (to a time below and one at or past the start) and bisecting — the index
    /// never decreases with `t`; a time where timm raises counts as past the start. `nil`
    /// when timm raises at the start found, or no start lies within 2⁶⁴ of `guess`.
    func firstStep(ofCycle k: Int128, near guess: Int128) -> Int128? {
        func reached(_ t: Int128) -> Bool { ((try? locate(t).i).map { $0 >= k }) ?? true }
        var lo = Swift.max(guess, 1), hi = lo
        var stride: Int128 = 1
        if reached(hi) {
            // Down to a time before the start (or to t = 1, which may be the start itself).
            while lo > 1 && reached(lo) {
                hi = lo
                lo = Swift.max(lo - stride, 1)
                stride *= 2
                if stride > Int128(1) << 64 { return nil }
            }
            if lo == 1 && reached(1) { hi = 1 }
        } else {
            while !reached(hi) {
                lo = hi
                hi += stride
                stride *= 2
                if stride > Int128(1) << 64 { return nil }
            }
        }
        // Now !reached(lo) (unless hi == lo == 1) and reached(hi).
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if reached(mid) { hi = mid } else { lo = mid }
        }
        guard let i = try? locate(hi).i, i >= k else { return nil }
        return hi
    }
}

/// Parameters shared by the cyclic timm schedulers (cosine, tanh, poly).
extension TimmParameters {
    static let cycleParameters: [ParameterSpec] = [
        .number("lr_min", default: 0, "Learning rate at the end of each cycle (and after the last)."),
        .number("cycle_mul", default: 1, "Each cycle is cycle_mul times longer than the previous."),
        .number("cycle_decay", default: 1, "Each cycle's peak is cycle_decay times the previous one."),
        .integer("cycle_limit", default: 1, "Number of cycles; after them lr stays at lr_min."),
    ]

    /// Reads `t_initial`, `lr_min` and the cycle parameters with timm's asserts.
    static func cycles(_ p: Parameters) throws -> (cycles: TimmCycles, lrMin: Double) {
        let tInitial = try p.integer("t_initial")
        try p.check(tInitial > 0, "t_initial", "must be > 0 (timm asserts t_initial > 0), found \(tInitial)")
        let lrMin = try p.number("lr_min")
        try p.check(lrMin >= 0, "lr_min", "must be ≥ 0 (timm asserts lr_min >= 0), found \(lrMin)")
        let cycles = TimmCycles(
            tInitial: tInitial, cycleMul: try p.number("cycle_mul"),
            cycleDecay: try p.number("cycle_decay"), cycleLimit: try p.integer("cycle_limit"))
        return (cycles, lrMin)
    }
}
