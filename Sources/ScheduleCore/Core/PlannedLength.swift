/// A schedule that knows how many steps its framework plans to train — the length a chart of
/// it should cover when nothing else says (e.g. the epochs timm's `create_scheduler_v2`
/// returns, or a mmengine train loop's iterations).
public protocol PlannedLength {
    /// The planned number of steps, in the schedule's own steps (≥ 0).
    var plannedSteps: Int { get }
}
