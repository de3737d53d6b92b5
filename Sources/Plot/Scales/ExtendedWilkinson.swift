import Foundation

/// Tick selection by the Extended Wilkinson algorithm (Talbot, Lin & Hanrahan, "An Extension of
/// Wilkinson's Algorithm for Positioning Tick Labels on Axes", InfoVis 2010).
///
/// Candidates are `start·q·10^z, (start+j)·q·10^z, …` for nice numbers `Q = [1, 5, 2, 2.5, 4, 3]`,
/// skip `j`, `k` ticks and power `z`; each is scored by
/// `0.25·simplicity + 0.2·coverage + 0.5·density + 0.05·legibility` (legibility is 1), and the
/// search stops early using the paper's upper bounds. Tick values are exact decimals
/// (`DecimalValue`), so labels are computed from integers, never from accumulated floats.
struct ExtendedWilkinson: Sendable {
    /// Nice step mantissas, in preference order, times 10 (so 2.5 is an integer).
    static let q10: [Int] = [10, 50, 20, 25, 40, 30]
    /// Weights of simplicity, coverage, density, legibility.
    static let weights = (0.25, 0.2, 0.5, 0.05)

    /// About `target` ticks for `lo...hi`, ascending. Ticks lie inside the range (widened by
    /// 10⁻⁹ of the span for rounding), since the axis domain is also the frame. With
    /// `integerOnly` every tick is a whole number. Returns two or more ticks, or none when no
    /// candidate fits (e.g. `integerOnly` on a range containing fewer than two integers).
    /// The search is bounded (skip `j` < 50, `k` < 60 ticks, 40 powers of ten per `k`).
    static func ticks(
        lo: Double, hi: Double, target: Int, integerOnly: Bool = false
    ) -> [DecimalValue] {
        guard lo.isFinite, hi.isFinite, hi > lo else { return [] }
        let m = max(2, target)
        let (w0, w1, w2, w3) = weights
        let n = q10.count
        var bestScore = -2.0
        var best: (start: Int, q: Int, j: Int, exponent: Int, count: Int)?
        let range = hi - lo
        let tolerance = range * 1e-9

        func coverage(_ lmin: Double, _ lmax: Double) -> Double {
            1 - 0.5 * (pow2(hi - lmax) + pow2(lo - lmin)) / pow2(0.1 * range)
        }
        func coverageMax(_ span: Double) -> Double {
            if span > range {
                let half = (span - range) / 2
                return 1 - 0.5 * (2 * half * half) / pow2(0.1 * range)
            }
            return 1
        }
        func density(_ k: Int, _ lmin: Double, _ lmax: Double) -> Double {
            let r = Double(k - 1) / (lmax - lmin)
            let rt = Double(m - 1) / (max(lmax, hi) - min(lo, lmin))
            return 2 - max(r / rt, rt / r)
        }
        func densityMax(_ k: Int) -> Double {
            k >= m ? 2 - Double(k - 1) / Double(m - 1) : 1
        }

        var j = 1
        outer: while j < 50 {
            for (qi, q) in q10.enumerated() {
                let sm = 1 - Double(qi) / Double(n - 1) - Double(j) + 1
                if w0 * sm + w1 + w2 + w3 < bestScore { break outer }
                var k = 2
                while k < 60 {
                    let dm = densityMax(k)
                    if w0 * sm + w1 + w2 * dm + w3 < bestScore { break }
                    let delta = range / Double(k + 1) / Double(j) / (Double(q) / 10)
                    var z = Int((log10(delta)).rounded(.up))
                    let zLimit = z + 40
                    while z < zLimit {
                        // step = j · q · 10^z = (j · q10) · 10^(z-1)
                        let e = z - 1
                        let jq = j * q
                        let stepValue = Double(jq) * pow10(e)
                        if integerOnly {
                            if e < 0 && jq % intPow10(-e) != 0 { z += 1; continue }
                        }
                        let cm = coverageMax(stepValue * Double(k - 1))
                        if w0 * sm + w1 * cm + w2 * dm + w3 < bestScore { break }
                        let unit = Double(q) * pow10(e)  // q · 10^z
                        let hiSteps = (hi / stepValue).rounded(.down)
                        let loSteps = (lo / stepValue).rounded(.up)
                        guard abs(hiSteps) < 1e12, abs(loSteps) < 1e12 else { z += 1; continue }
                        let minStart = Int(hiSteps) * j - (k - 1) * j
                        let maxStart = Int(loSteps) * j
                        if minStart > maxStart { z += 1; continue }
                        for start in minStart...maxStart {
                            let lmin = Double(start) * unit
                            let lmax = lmin + stepValue * Double(k - 1)
                            if integerOnly && e < 0 && (start * q) % intPow10(-e) != 0 { continue }
                            // Ticks must stay within the (slightly widened) data range.
                            if lmin < lo - tolerance || lmax > hi + tolerance { continue }
                            let zeroIncluded =
                                lmin <= 0 && lmax >= 0 && start % j == 0
                            let s = 1 - Double(qi) / Double(n - 1) - Double(j) + (zeroIncluded ? 1 : 0)
                            let c = coverage(lmin, lmax)
                            let g = density(k, lmin, lmax)
                            let score = w0 * s + w1 * c + w2 * g + w3
                            if score > bestScore {
                                bestScore = score
                                best = (start, q, j, e, k)
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let b = best else { return [] }
        // tick i = (start · q10 + i · j · q10) · 10^(z-1)
        return (0..<b.count).map { i in
            DecimalValue((b.start + i * b.j) * b.q, b.exponent)
        }
    }
}

private func pow2(_ x: Double) -> Double { x * x }

/// 10^e as a correctly rounded Double.
func pow10(_ e: Int) -> Double { Double("1e\(e)") ?? 0 }

/// 10^e as an Int (e ≥ 0, small).
func intPow10(_ e: Int) -> Int {
    var v = 1
    for _ in 0..<min(e, 18) { v *= 10 }
    return v
}
