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
        /// The cycle index `i`.
        var i: Int
        /// The cycle's length `t_i`.
        var tI: Double
        /// The time into the cycle `t_curr`.
        var tCurr: Double
    }

    func locate(_ t: Int) throws(PythonRaise) -> Position {
        if cycleMul != 1 {
            let i = try PythonMath.floorToInt(
                try PythonMath.log(1 - Double(t) / Double(tInitial) * (1 - cycleMul), base: cycleMul))
            let growth = try PythonMath.power(cycleMul, Double(i))
            return Position(
                i: i, tI: growth * Double(tInitial),
                tCurr: Double(t) - (1 - growth) / (1 - cycleMul) * Double(tInitial))
        }
        let i = PythonMath.floorDivide(t, by: tInitial)
        return Position(i: i, tI: Double(tInitial), tCurr: Double(t - tInitial * i))
    }

    /// `cycle_decay ** i`: the peak's factor in cycle `i`.
    func gamma(_ i: Int) throws(PythonRaise) -> Double {
        try PythonMath.power(cycleDecay, Double(i))
    }

    /// Steps (shifted by `offset`) where cycles `1 ... cycle_limit` start: the first `t`
    /// whose cycle index reaches `k`.
    func starts(offset: Int, below steps: Int) -> [Int] {
        var marks: [Int] = []
        var k = 1
        while k <= cycleLimit && marks.count < 10_000 {
            var t: Int
            if cycleMul == 1 {
                t = k * tInitial
            } else {
                let exact = Double(tInitial) * (1 - pow(cycleMul, Double(k))) / (1 - cycleMul)
                guard exact.isFinite, exact > 0, exact < 1e15 else { break }
                t = Int(saturating: exact.rounded(.up))
                func index(_ s: Int) -> Int? { try? locate(s).i }
                while t > 1, let i = index(t - 1), i >= k { t -= 1 }
                var guardSteps = 0
                while let i = index(t), i < k, guardSteps < 4 { t += 1; guardSteps += 1 }
                if index(t) == nil { break }
            }
            if offset + t >= steps { break }
            marks.append(offset + t)
            k += 1
        }
        return marks
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
