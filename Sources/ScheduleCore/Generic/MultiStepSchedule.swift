import Foundation

/// `multistep`: multiplies the learning rate by `gamma` at each milestone.
///
/// `lr(t) = lr · gamma^k`, where `k` is the number of milestones `m` with `m ≤ t`: the drop
/// at milestone `m` takes effect at step `m` itself. After the last milestone the rate
/// stays at `lr · gamma^count` forever.
struct MultiStepSchedule: ClosedFormSchedule {
    var learningRate: Double
    /// Strictly increasing, all ≥ 1.
    var milestones: [Int]
    var gamma: Double

    init(learningRate: Double, milestones: [Int], gamma: Double) {
        self.learningRate = learningRate
        self.milestones = milestones
        self.gamma = gamma
    }

    func value(at step: Int) -> Double {
        // Binary search: the number of milestones ≤ step.
        var lo = 0, hi = milestones.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if milestones[mid] <= step { lo = mid + 1 } else { hi = mid }
        }
        return learningRate * pow(gamma, Double(lo))
    }

    func breakpoints(below steps: Int) -> [Int] {
        milestones.filter { $0 < steps }
    }
}

extension ScheduleType {
    /// `multistep` — see ``MultiStepSchedule``.
    public static let multistep = ScheduleType(
        name: "multistep",
        summary: "Multiplies the learning rate by gamma at each milestone step.",
        formula: "lr(t) = lr · gamma^(number of milestones ≤ t); a drop takes effect at the milestone step itself; after the last milestone the rate holds",
        parameters: [
            .number("lr", "The learning rate at step 0."),
            ParameterSpec("milestones", .integerList, .required, "Steps at which the rate is multiplied by gamma (strictly increasing, ≥ 1)."),
            .number("gamma", default: 0.1, "Factor applied at each milestone (> 0)."),
        ],
        make: { p in
            let lr = try p.number("lr", atLeast: 0)
            let milestones = try p.integerList("milestones")
            let gamma = try p.number("gamma")
            for (i, m) in milestones.enumerated() {
                try p.check(m >= 1, "milestones", "must all be ≥ 1, found \(m) at index \(i)")
                if i > 0 {
                    try p.check(m > milestones[i - 1], "milestones",
                                "must be strictly increasing, found \(milestones[i - 1]) then \(m)")
                }
            }
            try p.check(gamma > 0, "gamma", "must be > 0, found \(gamma)")
            return MultiStepSchedule(learningRate: lr, milestones: milestones, gamma: gamma)
        })
}
