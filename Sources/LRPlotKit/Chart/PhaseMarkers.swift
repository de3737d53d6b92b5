import Plot
import ScheduleCore

/// The labelled rules of `"markers": true`: one at every step where a schedule changes phase
/// (its ``ScheduleCore/Schedule/breakpoints(below:)``), named from what the schedule's own
/// values do there.
///
/// With `v` the schedule's values and `u` its stepping unit (1, or `steps_per_epoch` for
/// `"interval": "epoch"`), the change at breakpoint `t` is read from the slope before
/// (`v[t−1] − v[t−1−u]`), the step itself (`v[t] − v[t−1]`) and the slope after
/// (`v[t+u] − v[t]`); differences within 10⁻⁹ of the values count as flat:
///
/// | what the values do | name |
/// |---|---|
/// | jump up (the step is more than twice either slope) | `restart` |
/// | jump down | `milestone n` (the schedule's n-th drop), `reduction n` for reduce-on-plateau |
/// | rising, then not, the first time from step 0 | `warm-up end` |
/// | rising, then falling (elsewhere) | `peak` |
/// | flat, then falling | `decay start` |
/// | falling, then flat | `decay end` |
/// | falling, then rising | `minimum` |
/// | flat, then rising | `ramp start` |
/// | anything else (a change of slope) | `phase change` |
///
/// A label names the schedule too ("cosine: warm-up end"), unless the chart has one schedule
/// or every schedule changes the same way at that step; schedules with the same change at
/// one step share a label ("linear, cosine: warm-up end").
enum PhaseMarkers {
    /// One schedule's values near its breakpoints: `value(step)` answers for every step the
    /// naming reads (`nil` where the schedule has no value: before 0, past its stop).
    struct Values {
        var label: String
        var unit: Int
        var usesMetrics: Bool
        var breakpoints: [Int]
        var value: (Int) -> Double?
    }

    /// The named changes of one schedule, in step order.
    static func names(_ s: Values) -> [(step: Int, name: String)] {
        var drops = 0
        var sawWarmup = false
        var out: [(Int, String)] = []
        for t in s.breakpoints {
            guard let now = s.value(t), let previous = s.value(t - 1) else { continue }
            let u = max(1, s.unit)
            let scale = max(abs(now), abs(previous), Double.leastNormalMagnitude)
            let tolerance = 1e-9 * scale
            func direction(_ d: Double?) -> Int {
                guard let d else { return 0 }
                return d > tolerance ? 1 : d < -tolerance ? -1 : 0
            }
            let before = s.value(t - 1 - u).map { previous - $0 }
            let after = s.value(t + u).map { $0 - now }
            let jump = now - previous
            let slope = max(abs(before ?? 0), abs(after ?? 0))
            let name: String
            if abs(jump) > tolerance && abs(jump) > 2 * slope {
                if jump > 0 {
                    name = "restart"
                } else {
                    drops += 1
                    name = "\(s.usesMetrics ? "reduction" : "milestone") \(drops)"
                }
            } else {
                // The slope into the breakpoint includes its own step when that continues it.
                switch (direction(before ?? jump), direction(after)) {
                case (1, let a) where a <= 0 && !sawWarmup && (s.value(0).map { $0 < previous } ?? false):
                    sawWarmup = true
                    name = "warm-up end"
                case (1, -1): name = "peak"
                case (0, -1): name = "decay start"
                case (-1, 0): name = "decay end"
                case (-1, 1): name = "minimum"
                case (0, 1): name = "ramp start"
                default: name = "phase change"
                }
            }
            out.append((t, name))
        }
        return out
    }

    /// The markers of several schedules: one per step with a change, labelled, at
    /// `step / divisor` on the x axis.
    static func markers(_ schedules: [Values], divisor: Double) -> [Marker] {
        var byStep: [Int: [(schedule: Int, name: String)]] = [:]
        for (i, s) in schedules.enumerated() {
            for (step, name) in names(s) { byStep[step, default: []].append((i, name)) }
        }
        return byStep.keys.sorted().map { step in
            let changes = byStep[step] ?? []
            // Changes of one kind together, in the order the kinds first appear.
            var kinds: [String] = []
            for c in changes where !kinds.contains(c.name) { kinds.append(c.name) }
            let parts = kinds.map { kind -> String in
                let who = changes.filter { $0.name == kind }.map(\.schedule)
                if schedules.count == 1 || (kinds.count == 1 && who.count == schedules.count) { return kind }
                return who.map { schedules[$0].label }.joined(separator: ", ") + ": " + kind
            }
            return Marker(x: Double(step) / divisor, label: parts.joined(separator: "; "))
        }
    }

    /// The values of `schedule` at `steps`, walking it once (up to the last of them) when it
    /// has no closed form; a value is absent past the schedule's stop.
    static func values(of entry: ScheduleEntry, at steps: Set<Int>, in spec: Spec) throws(LRPlotError) -> [Int: Double] {
        let wanted = steps.filter { $0 >= 0 && $0 < spec.steps }
        guard let last = wanted.max() else { return [:] }
        if let closed = entry.schedule as? any ClosedFormSchedule {
            return Dictionary(uniqueKeysWithValues: wanted.map { ($0, closed.value(at: $0)) })
        }
        var cursor = try Evaluation.cursor(for: entry, in: spec)
        var block = ScheduleBlock()
        var out: [Int: Double] = [:]
        while block.firstStep + block.learningRates.count <= last, cursor.next(4_096, into: &block) {
            for (k, v) in block.learningRates.enumerated() where wanted.contains(block.firstStep + k) {
                out[block.firstStep + k] = v
            }
        }
        return out
    }

    /// The steps the naming of breakpoints `points` reads with unit `u`.
    static func neededSteps(_ points: [Int], unit u: Int) -> Set<Int> {
        var steps: Set<Int> = [0]
        for t in points { steps.formUnion([t - 1 - u, t - 1, t, t + u]) }
        return steps
    }
}
