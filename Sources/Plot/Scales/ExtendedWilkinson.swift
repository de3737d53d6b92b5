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
    ///
    /// Ranges at the ends of the double range — a span that overflows (−10³⁰⁸…10³⁰⁸), values
    /// beyond 10¹⁰⁰ or a span below 10⁻¹⁰⁰ (down to subnormals such as 5·10⁻³²⁴) — are
    /// searched on `lo / 10ᵐ … hi / 10ᵐ`, with `m = ⌊log₁₀ max(|lo|, |hi|)⌋`, and the ticks
    /// shifted back by `m` decimal places: the same choice, without overflow or underflow.
    static func ticks(
        lo: Double, hi: Double, target: Int, integerOnly: Bool = false
    ) -> [DecimalValue] {
        guard lo.isFinite, hi.isFinite, hi > lo else { return [] }
        let magnitude = max(lo.magnitude, hi.magnitude)
        let span = hi - lo
        guard !span.isFinite || magnitude > 1e100 || span < 1e-100 else {
            return search(lo: lo, hi: hi, target: target, integerOnly: integerOnly, shift: 0)
        }
        let m = Int(log10(magnitude).rounded(.down))
        let a = scaled(lo, byPowerOfTen: -m)
        let b = scaled(hi, byPowerOfTen: -m)
        guard a.isFinite, b.isFinite, b > a else { return [] }
        // Among subnormals few decimals have a double of their own (they are multiples of
        // 5·10⁻³²⁴): fewer ticks, until each lies on a double of its own.
        for t in stride(from: max(2, target), through: 2, by: -1) {
            let ticks = search(lo: a, hi: b, target: t, integerOnly: integerOnly, shift: m)
            let doubles = ticks.map(\.doubleValue)
            if zip(doubles, doubles.dropFirst()).allSatisfy({ $0 < $1 }) { return ticks }
        }
        return []
    }

    /// `value × 10^power`, in steps of at most 10²⁰⁰ so that no intermediate factor overflows
    /// or underflows (subnormal inputs keep what precision they have).
    static func scaled(_ value: Double, byPowerOfTen power: Int) -> Double {
        var v = value
        var p = power
        while p != 0 {
            let step = max(-200, min(200, p))
            v *= pow10(step)
            p -= step
        }
        return v
    }

    /// The search proper on `lo...hi`, whose magnitudes and span are moderate; ticks are
    /// returned multiplied by `10^shift` (exactly: the decimal exponent is shifted). With
    /// `integerOnly`, a tick must be a whole number after the shift.
    private static func search(
        lo: Double, hi: Double, target: Int, integerOnly: Bool, shift: Int
    ) -> [DecimalValue] {
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
                    let logDelta = log10(delta).rounded(.up)
                    guard logDelta.isFinite, abs(logDelta) < 400 else { break }
                    var z = Int(logDelta)
                    let zLimit = z + 40
                    while z < zLimit {
                        // step = j · q · 10^z = (j · q10) · 10^(z-1)
                        let e = z - 1
                        let jq = j * q
                        let stepValue = Double(jq) * pow10(e)
                        // The tick exponent once shifted back to the caller's units.
                        let shifted = e + shift
                        if integerOnly {
                            if shifted < 0 && jq % intPow10(-shifted) != 0 { z += 1; continue }
                        }
                        let cm = coverageMax(stepValue * Double(k - 1))
                        if w0 * sm + w1 * cm + w2 * dm + w3 < bestScore { break }
                        let unit = Double(q) * pow10(e)  // q · 10^z
                        let hiSteps = (hi / stepValue).rounded(.down)
                        let loSteps = (lo / stepValue).rounded(.up)
                        guard abs(hiSteps) < 1e15, abs(loSteps) < 1e15 else { z += 1; continue }
                        let minStart = Int(hiSteps) * j - (k - 1) * j
                        let maxStart = Int(loSteps) * j
                        if minStart > maxStart { z += 1; continue }
                        for start in minStart...maxStart {
                            let lmin = Double(start) * unit
                            let lmax = lmin + stepValue * Double(k - 1)
                            if integerOnly && shifted < 0 && (start * q) % intPow10(-shifted) != 0 { continue }
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
            DecimalValue((b.start + i * b.j) * b.q, b.exponent + shift)
        }
    }
}

private func pow2(_ x: Double) -> Double { x * x }

/// 10^e as a correctly rounded Double.
func pow10(_ e: Int) -> Double { Double("1e\(e)") ?? 0 }

/// 10^e as an Int for 0 ≤ e ≤ 18; 10¹⁸ for larger e (no whole multiple of a larger power
/// of ten arises in the search, whose numbers stay below 10¹⁷).
func intPow10(_ e: Int) -> Int {
    var v = 1
    for _ in 0..<min(e, 18) { v *= 10 }
    return v
}
