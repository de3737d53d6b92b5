import Plot
import ScheduleCore
import Simulation

/// One schedule of a spec with its presentation: label, colour, dash, draw mode, interval.
///
/// A schedule object whose optimizer has several parameter groups (`"lr": [0.1, 0.01]`, see
/// ``ScheduleCatalog/makeGroups(_:path:ignoring:inherited:)``) gives one entry per group,
/// labelled `label/pg0`, `label/pg1`, …: every sink shows each group as a series of its own.
public struct ScheduleEntry: Sendable {
    /// Legend and column label; defaults to the type name (with `/pg<group>` for a group).
    public var label: String
    /// The spec's `"type"`.
    public var typeName: String
    /// The line colour, or `nil` for the palette.
    public var color: RGBColor?
    /// The dash pattern, or `nil` for the cycle that goes with the palette.
    public var dash: DashStyle?
    /// How the line joins the values.
    public var draw: DrawMode
    /// Whether the schedule is stepped per step or per epoch (`"interval"`).
    public var interval: StepUnit
    /// The schedule on the step axis (wrapped when `"interval": "epoch"`).
    public var schedule: any Schedule
    /// With `"simulate"`: the simulation this schedule drives (the spec's, with the entry's own
    /// `"optimizer"` when it gives one).
    public var simulation: SimulationSpec?
    /// JSON path of the entry (`schedules[1]`), for messages.
    public var path: String
    /// The schedule object as written, for `lrplot check` (which refits its parameters).
    public var object: JSONValue
    /// The parameter group this entry shows when its schedule object gives several, else `nil`.
    public var parameterGroup: Int?
    /// With a `"training"` block: how the steps were counted (its trainer, the run's length,
    /// the warm-up, each number's rule).
    public var derivation: StepDerivation?
    /// The log `"metrics"` were read from (`{"file": …, "key": …}`), resolved, if they were.
    public var metricsFile: String? = nil

    /// Keys of a schedule object that belong to lrplot rather than to the schedule.
    public static let presentationKeys: Set<String> = ["label", "color", "dash", "interval", "frequency", "draw", "optimizer"]
}
