import Foundation

/// `expr`: any Python expression of `step`.
///
/// `lr(t) = expr` evaluated with `step = t` bound to a Python `int` (so `step // 10`,
/// `step / 10` and `0.5 ** (step // 10)` behave as in Python; `math.*`, `min`, `max` and
/// `a if c else b` are available — see ``Expression``). The expression is checked at
/// step 0 when the schedule is built. When it fails at a later step (division by zero, math
/// domain error) or gives a value that is not finite, the series stops there with that
/// message; the closed form ``value(at:)`` gives NaN at such steps.
struct ExprSchedule: ClosedFormSchedule {
    var expression: Expression

    init(expression: Expression) { self.expression = expression }

    /// The value at `step`, or the reason there is none.
    func evaluate(at step: Int) -> Result<Double, ExpressionError> {
        do {
            let v = try expression.evaluate(["step": .int(step)])
            guard v.isFinite else { return .failure(ExpressionError("the expression gives \(v) at step \(step)")) }
            return .success(v)
        } catch let e as ExpressionError {
            return .failure(e)
        } catch {
            return .failure(ExpressionError("\(error)"))
        }
    }

    func value(at step: Int) -> Double {
        (try? evaluate(at: step).get()) ?? .nan
    }

    func start() -> any ScheduleState { State(schedule: self) }

    /// Walks the steps, stopping where the expression fails.
    struct State: ScheduleState {
        let schedule: ExprSchedule
        var step = 0
        private(set) var learningRate: Double

        init(schedule: ExprSchedule) {
            self.schedule = schedule
            self.learningRate = schedule.value(at: 0)
        }

        mutating func advance(metric: Double?) throws {
            switch schedule.evaluate(at: step + 1) {
            case .success(let v):
                step += 1
                learningRate = v
            case .failure(let e):
                throw ScheduleStop(step: step + 1, "expr fails at step \(step + 1): \(e)")
            }
        }
    }
}

extension ScheduleType {
    /// `expr` — see ``ExprSchedule``.
    public static let expr = ScheduleType(
        name: "expr",
        summary: "Any Python expression of step, e.g. \"0.1 * 0.5 ** (step // 30)\".",
        formula: "lr(t) = expr with step = t (a Python int); stops where the expression fails or is not finite",
        parameters: [
            ParameterSpec("expr", .expression(variable: "step"), .required, "The learning rate as a Python expression of step."),
        ],
        make: { p in
            let expression = try p.expression("expr")
            let schedule = ExprSchedule(expression: expression)
            if case .failure(let e) = schedule.evaluate(at: 0) {
                throw p.error("expr", "fails at step 0: \(e)")
            }
            return schedule
        })
}
