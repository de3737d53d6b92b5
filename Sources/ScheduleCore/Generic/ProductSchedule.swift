import Foundation

/// `product`: the pointwise product of schedules.
///
/// `lr(t) = S₀(t) · S₁(t) · … · Sₙ(t)`, every schedule at the same step `t` (typically one
/// schedule carries the rate and the others are factors, e.g. a `cosine` with `lr: 1`).
/// Stateful schedules are all advanced every round with the same metric; the series stops
/// where the first of them stops. A metric-driven schedule's `metrics` are indexed by the
/// global round; the product uses the first list given among its schedules.
struct ProductSchedule: Schedule {
    var schedules: [any Schedule]

    init(schedules: [any Schedule]) { self.schedules = schedules }

    var usesMetrics: Bool { schedules.contains { $0.usesMetrics } }
    var metrics: [Double]? { schedules.lazy.compactMap(\.metrics).first }
    var metricFeed: MetricFeed? { schedules.lazy.compactMap(\.metricFeed).first }

    func breakpoints(below steps: Int) -> [Int] {
        GenericSupport.clean(schedules.flatMap { $0.breakpoints(below: steps) }, below: steps)
    }

    func start() -> any ScheduleState { State(states: schedules.map { $0.start() }) }

    /// Advances every factor.
    struct State: ScheduleState {
        var states: [any ScheduleState]

        var learningRate: Double { states.reduce(1) { $0 * $1.learningRate } }

        mutating func advance(metric: Double?) throws {
            for i in states.indices { try states[i].advance(metric: metric) }
        }
    }
}

/// A ``ProductSchedule`` of closed-form schedules, and so closed-form itself.
struct ClosedFormProductSchedule: ClosedFormSchedule {
    var closed: [any ClosedFormSchedule]

    init(closed: [any ClosedFormSchedule]) { self.closed = closed }

    func value(at step: Int) -> Double {
        closed.reduce(1) { $0 * $1.value(at: step) }
    }

    func breakpoints(below steps: Int) -> [Int] {
        ProductSchedule(schedules: closed).breakpoints(below: steps)
    }
}

extension ScheduleType {
    /// `product` — see ``ProductSchedule``.
    public static let product = ScheduleType(
        name: "product",
        summary: "Multiplies schedules pointwise (e.g. a rate schedule times a factor schedule).",
        formula: "lr(t) = schedules[0](t) · schedules[1](t) · …",
        parameters: [
            ParameterSpec("schedules", .scheduleList, .required, "The schedules to multiply (any types, at least one)."),
        ],
        make: { p in
            let schedules = try p.scheduleList("schedules")
            try p.check(!schedules.isEmpty, "schedules", "needs at least one schedule")
            // A product of one schedule is that schedule (1 · x is x exactly), with its
            // evaluation path: a fast path stays one.
            if schedules.count == 1 { return schedules[0] }
            let closed = schedules.compactMap { $0 as? any ClosedFormSchedule }
            if closed.count == schedules.count { return ClosedFormProductSchedule(closed: closed) }
            return ProductSchedule(schedules: schedules)
        })
}
