import ScheduleCore
import Simulation

/// A decoded spec: the schedules to compare and how to chart them.
///
/// See the README's spec reference for every key, its default and its meaning.
public struct Spec: Sendable {
    /// Chart title (`"title"`).
    public var title: String?
    /// The chart covers steps `0 ..< steps` (`"steps"`).
    public var steps: Int
    /// Steps in one epoch (`"steps_per_epoch"`), for `"interval": "epoch"` schedules and an
    /// x axis in epochs.
    public var stepsPerEpoch: Int?
    /// The schedules, in legend order.
    public var schedules: [ScheduleEntry]
    public var x: XAxisSpec
    public var y: YAxisSpec
    /// Chart size in CSS pixels (`"width"`, `"height"`).
    public var width: Int
    public var height: Int
    /// PNG pixel density (`"scale"`: 2 for HiDPI screens).
    public var scale: Double
    /// `"light"` or `"dark"` (`"theme"`).
    public var theme: String
    /// `"background": "transparent"` leaves the background unpainted.
    public var transparent: Bool
    /// `"legend"`: `auto`, `none`, `outside`, or a corner.
    public var legend: String
    /// `"markers": true` draws thin rules at the schedules' breakpoints.
    public var markers: Bool
    /// Output paths (`"output"`), relative to the current directory.
    public var outputs: [String]
    /// The training simulation (`"simulate"`), when the spec asks for one: each schedule then
    /// drives an optimizer on a problem, and the chart shows the losses too.
    public var simulation: SimulationSpec?
    /// Panels from top to bottom (`"panels"`); by default one learning-rate panel read from `"y"`.
    public var panels: [PanelSpec]

    /// The largest `"steps"` accepted.
    public static let maxSteps = 1_000_000_000
    /// The largest `"steps"` accepted with `"simulate"` (each step trains a model).
    public static let maxSimulatedSteps = 1_000_000
}

/// The x axis of a spec (`"x"`).
public struct XAxisSpec: Sendable, Equatable {
    /// Axis title; defaults to "step" or "epoch".
    public var label: String?
    /// `"step"` or `"epoch"` (needs `"steps_per_epoch"`).
    public var unit: String
}

/// The y axis of a spec (`"y"`).
public struct YAxisSpec: Sendable, Equatable {
    /// Axis title; defaults to "learning rate".
    public var label: String?
    /// `"linear"` or `"log"`.
    public var scale: String
}
