import Foundation

/// `product`: the pointwise product of schedules.
///
/// `lr(t) = S₀(t) · S₁(t) · … · Sₙ(t)`, every schedule at the same step `t` (typically one
/// schedule carries the rate and the others are factors, e.g. a `cosine` with `lr: 1`).
/// Stateful schedules are all advanced every round with the same metric; the series stops
/// where the first of them stops. A metric-driven schedule's `metrics` are indexed by the
/// global round; the product uses the first list given among its schedules.
public struct ProductSchedule: Schedule {
    public var schedules: [any Schedule]

    public init(schedules: [any Schedule]) { self.schedules = schedules }

    public var usesMetrics: Bool { schedules.contains { $0.usesMetrics } }
    public var metrics: [Double]? { schedules.lazy.compactMap(\.metrics).first }

    public func breakpoints(below steps: Int) -> [Int] {
        GenericSupport.clean(schedules.flatMap { $0.breakpoints(below: steps) }, below: steps)
    }

    public func start() -> any ScheduleState { State(states: schedules.map { $0.start() }) }

    /// Advances every factor.
    public struct State: ScheduleState {
        var states: [any ScheduleState]

        public var learningRate: Double { states.reduce(1) { $0 * $1.learningRate } }

        public mutating func advance(metric: Double?) throws {
            for i in states.indices { try states[i].advance(metric: metric) }
        }
    }
}

/// A ``ProductSchedule`` of closed-form schedules, and so closed-form itself.
public struct ClosedFormProductSchedule: ClosedFormSchedule {
    public var closed: [any ClosedFormSchedule]

    public init(closed: [any ClosedFormSchedule]) { self.closed = closed }

    public func value(at step: Int) -> Double {
        closed.reduce(1) { $0 * $1.value(at: step) }
    }

    public func breakpoints(below steps: Int) -> [Int] {
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
            let closed = schedules.compactMap { $0 as? any ClosedFormSchedule }
            if closed.count == schedules.count { return ClosedFormProductSchedule(closed: closed) }
            return ProductSchedule(schedules: schedules)
        })
}
