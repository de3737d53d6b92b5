import Foundation

/// `sequence`: one schedule after another, switching at `boundaries`.
///
/// With `schedules = [S₀, S₁, …, Sₙ]` and `boundaries = [b₁, …, bₙ]` (strictly increasing,
/// `b₁ ≥ 1`; set `b₀ = 0`): for `bᵢ ≤ t < bᵢ₊₁`, `lr(t) = Sᵢ(t − bᵢ)` — each schedule
/// restarts at its own step 0 at its boundary (the switch takes effect at step `bᵢ` itself),
/// and the last one runs forever.
///
/// Stateful schedules are started fresh at their boundary and advanced once per round while
/// active; the round that switches to a new schedule feeds it no metric (its step 0), later
/// rounds feed the round's metric. A metric-driven schedule's `metrics` are indexed by the
/// global round; the sequence uses the first list given among its schedules.
struct SequenceSchedule: Schedule {
    var schedules: [any Schedule]
    var boundaries: [Int]

    init(schedules: [any Schedule], boundaries: [Int]) {
        self.schedules = schedules
        self.boundaries = boundaries
    }

    /// The index of the schedule active at `step` and the step it sees.
    func segment(at step: Int) -> (index: Int, local: Int) {
        var lo = 0, hi = boundaries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if boundaries[mid] <= step { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo == 0 ? step : step - boundaries[lo - 1])
    }

    var usesMetrics: Bool { schedules.contains { $0.usesMetrics } }
    var metrics: [Double]? { schedules.lazy.compactMap(\.metrics).first }
    var metricFeed: MetricFeed? { schedules.lazy.compactMap(\.metricFeed).first }
    var setsMomentum: Bool { schedules.contains { $0.setsMomentum } }

    func breakpoints(below steps: Int) -> [Int] {
        var points = boundaries
        let starts = [0] + boundaries
        for (i, s) in schedules.enumerated() {
            let end = i < boundaries.count ? min(boundaries[i], steps) : steps
            let length = end - starts[i]
            if length > 0 { points += s.breakpoints(below: length).map { $0 + starts[i] } }
        }
        return GenericSupport.clean(points, below: steps)
    }

    func start() -> any ScheduleState { State(schedule: self) }

    /// Runs the active schedule's state; starts the next one at its boundary.
    struct State: ScheduleState {
        let schedule: SequenceSchedule
        var step = 0
        var index: Int
        var current: any ScheduleState

        init(schedule: SequenceSchedule) {
            self.schedule = schedule
            self.index = schedule.segment(at: 0).index
            self.current = schedule.schedules[index].start()
        }

        var learningRate: Double { current.learningRate }
        var momentum: Double? { current.momentum }

        mutating func advance(metric: Double?) throws {
            let next = step + 1
            let nextIndex = schedule.segment(at: next).index
            if nextIndex != index {
                index = nextIndex
                current = schedule.schedules[index].start()
            } else {
                do {
                    try current.advance(metric: metric)
                } catch let stop as ScheduleStop {
                    throw ScheduleStop(step: next, stop.message)
                }
            }
            step = next
        }
    }
}

/// A ``SequenceSchedule`` of closed-form schedules, and so closed-form itself.
struct ClosedFormSequenceSchedule: ClosedFormSchedule {
    var sequence: SequenceSchedule
    var closed: [any ClosedFormSchedule]

    init(sequence: SequenceSchedule, closed: [any ClosedFormSchedule]) {
        self.sequence = sequence
        self.closed = closed
    }

    func value(at step: Int) -> Double {
        let (i, local) = sequence.segment(at: step)
        return closed[i].value(at: local)
    }

    func breakpoints(below steps: Int) -> [Int] { sequence.breakpoints(below: steps) }
}

extension ScheduleType {
    /// `sequence` — see ``SequenceSchedule``.
    public static let sequence = ScheduleType(
        name: "sequence",
        summary: "Runs schedules one after another, each restarting at its own step 0 at its boundary.",
        formula: "b₀ = 0; for bᵢ ≤ t < bᵢ₊₁: lr(t) = schedules[i](t − bᵢ); the last schedule runs forever",
        parameters: [
            ParameterSpec("schedules", .scheduleList, .required, "The schedules, in order (any types)."),
            ParameterSpec("boundaries", .integerList, .required, "Steps at which the next schedule takes over: one fewer than schedules, strictly increasing, ≥ 1."),
            ParameterSpec("lr", .number, .none, "Passed to every nested schedule that does not give its own lr."),
        ],
        make: { p in
            var inherit: [String: JSONValue] = [:]
            if let lr = try p.optionalNumber("lr") { inherit["lr"] = .number(lr) }
            let schedules = try p.scheduleList("schedules", inherit: inherit)
            let boundaries = try p.integerList("boundaries")
            try p.check(!schedules.isEmpty, "schedules", "needs at least one schedule")
            try p.check(boundaries.count == schedules.count - 1, "boundaries",
                        "needs one boundary fewer than schedules (\(schedules.count - 1)), found \(boundaries.count)")
            for (i, b) in boundaries.enumerated() {
                try p.check(b >= 1, "boundaries", "must all be ≥ 1, found \(b) at index \(i)")
                if i > 0 {
                    try p.check(b > boundaries[i - 1], "boundaries", "must be strictly increasing, found \(boundaries[i - 1]) then \(b)")
                }
            }
            let sequence = SequenceSchedule(schedules: schedules, boundaries: boundaries)
            let closed = schedules.compactMap { $0 as? any ClosedFormSchedule }
            if closed.count == schedules.count {
                return ClosedFormSequenceSchedule(sequence: sequence, closed: closed)
            }
            return sequence
        })
}
