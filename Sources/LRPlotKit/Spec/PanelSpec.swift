/// One panel of a chart (`"panels": [...]`): what it shows and how its y axis reads.
///
/// Panels stack vertically and share the x axis: the learning rate on top, and below it the
/// momentum the schedules set or the metric fed to reduce-on-plateau schedules.
public struct PanelSpec: Sendable, Equatable {
    /// What a panel plots.
    public enum Content: String, Sendable, CaseIterable {
        /// Every schedule's learning rate.
        case lr
        /// The momentum (or beta1) of schedules that set one (torch CyclicLR, OneCycleLR).
        case momentum
        /// The `metrics` lists of metric-driven schedules, at the step they were measured.
        case metric
    }

    public var content: Content
    /// Axis title; defaults to "learning rate", "momentum" or "metric".
    public var label: String?
    /// `"linear"` or `"log"`.
    public var scale: String
    /// Relative height (default 1 for the learning rate, 0.5 for the others).
    public var weight: Double
}
