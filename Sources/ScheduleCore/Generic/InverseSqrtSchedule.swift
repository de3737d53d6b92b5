import Foundation

/// `inverse_sqrt`: linear warm-up, then decay with the inverse square root of the step
/// (the "Noam" schedule of Vaswani et al., "Attention Is All You Need", 2017).
///
/// The paper counts steps from 1; lrplot's step `t` (from 0) is the paper's `step_num = t + 1`,
/// so no step divides by zero:
/// - with `d_model`: `lr(t) = scale · d_model^−0.5 · min((t + 1)^−0.5, (t + 1) · warmup_steps^−1.5)`;
/// - with `lr` (the peak instead of `d_model`):
///   `lr(t) = scale · lr · min(√(warmup_steps / (t + 1)), (t + 1) / warmup_steps)`.
///
/// Both rise linearly to the peak at `t = warmup_steps − 1` (`step_num = warmup_steps`), where
/// the two branches meet, and then decay as `1/√(t + 1)` forever; in the `d_model` form the peak
/// is `scale · (d_model · warmup_steps)^−0.5`, in the `lr` form it is `scale · lr`. Step 0 is
/// `peak / warmup_steps`, not the peak.
struct InverseSqrtSchedule: ClosedFormSchedule {
    /// `d_model`, or `nil` for the peak (`lr`) form.
    var dModel: Double?
    /// The peak in the `lr` form.
    var peak: Double
    var warmupSteps: Int
    var scale: Double

    init(dModel: Double?, peak: Double, warmupSteps: Int, scale: Double) {
        self.dModel = dModel
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.scale = scale
    }

    func value(at step: Int) -> Double {
        let n = Double(Int128(step) + 1)
        let w = Double(warmupSteps)
        if let d = dModel {
            return scale * pow(d, -0.5) * min(pow(n, -0.5), n * pow(w, -1.5))
        }
        return scale * peak * min((w / n).squareRoot(), n / w)
    }

    func breakpoints(below steps: Int) -> [Int] {
        warmupSteps - 1 > 0 && warmupSteps - 1 < steps ? [warmupSteps - 1] : []
    }
}

extension ScheduleType {
    /// `inverse_sqrt` — see ``InverseSqrtSchedule``.
    public static let inverseSqrt = ScheduleType(
        name: "inverse_sqrt",
        summary: "Linear warm-up then 1/√step decay (the Noam schedule of \"Attention Is All You Need\").",
        formula: "n = t + 1 (the paper's step_num); d_model form: lr(t) = scale · d_model^−0.5 · min(n^−0.5, n · warmup_steps^−1.5); lr form: lr(t) = scale · lr · min(√(warmup_steps/n), n/warmup_steps); peak at t = warmup_steps − 1; decays forever",
        parameters: [
            ParameterSpec("lr", .number, .none, "The peak learning rate (give lr or d_model, not both)."),
            ParameterSpec("d_model", .number, .none, "Model width of the paper's formula (give lr or d_model, not both)."),
            .integer("warmup_steps", "Steps of linear warm-up; the peak is at t = warmup_steps − 1 (≥ 1)."),
            .number("scale", default: 1, "Constant factor (> 0)."),
        ],
        make: { p in
            let lr = try p.optionalNumber("lr")
            let dModel = try p.optionalNumber("d_model")
            let warmup = try p.integer("warmup_steps", atLeast: 1)
            let scale = try p.number("scale")
            if lr != nil && dModel != nil {
                throw p.error("d_model", "give either lr (the peak) or d_model (the paper's form), not both")
            }
            guard lr != nil || dModel != nil else {
                throw ScheduleError(path: p.path, "inverse_sqrt needs \"lr\" (the peak) or \"d_model\" (the paper's form)")
            }
            if let lr { try p.check(lr >= 0, "lr", "must be ≥ 0, found \(lr)") }
            if let dModel { try p.check(dModel > 0, "d_model", "must be > 0, found \(dModel)") }
            try p.check(scale > 0, "scale", "must be > 0, found \(scale)")
            return InverseSqrtSchedule(dModel: dModel, peak: lr ?? 0, warmupSteps: warmup, scale: scale)
        })
}
