/// `constant`: the same learning rate at every step.
///
/// `lr(t) = lr` for all `t ≥ 0`.
struct ConstantSchedule: ClosedFormSchedule {
    var learningRate: Double

    init(learningRate: Double) { self.learningRate = learningRate }

    func value(at step: Int) -> Double { learningRate }
}

extension ScheduleType {
    /// `constant` — see ``ConstantSchedule``.
    public static let constant = ScheduleType(
        name: "constant",
        summary: "The same learning rate at every step.",
        formula: "lr(t) = lr",
        parameters: [
            .number("lr", "The learning rate."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            return ConstantSchedule(learningRate: lr)
        })
}
