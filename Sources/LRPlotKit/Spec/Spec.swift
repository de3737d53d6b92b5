import Plot
import ScheduleCore
import Simulation

/// A decoded spec: the schedules to compare and how to chart them, every choice typed.
///
/// See the README's spec reference for every key, its default and its meaning.
public struct Spec: Sendable {
    /// The file the spec was read from: named in messages, and the default output's name.
    public var file: String
    /// Chart title (`"title"`).
    public var title: String?
    /// The chart and the values cover steps `0 ..< steps` (`"steps"`).
    public var steps: Int
    /// Steps in one epoch (`"steps_per_epoch"`), for `"interval": "epoch"` schedules and an
    /// x axis in epochs.
    public var stepsPerEpoch: Int?
    /// The schedules, in legend order.
    public var schedules: [ScheduleEntry]
    /// Logged series (`{"type": "log", …}` entries of `"schedules"`), each compared with a
    /// schedule.
    public var logs: [LogEntry] = []
    /// The x axis (`"x"`).
    public var x: XAxisSpec
    /// Panels from top to bottom (`"panels"`); by default a learning-rate panel read from
    /// `"y"`, and with `"simulate"` the simulation's panels below it.
    public var panels: [PanelSpec]
    /// Chart width in CSS pixels (`"width"`).
    public var width: Int
    /// Chart height in CSS pixels (`"height"`); `nil` for the default: 540, or 260 per panel
    /// with `"simulate"`.
    public var height: Int?
    /// PNG pixel density (`"scale"`: 2 for HiDPI screens).
    public var scale: Double
    /// Colours (`"theme"`).
    public var theme: Theme
    /// Whether the background is painted (`"background"`).
    public var background: Background
    /// Where legends go (`"legend"`).
    public var legend: LegendPlacement
    /// `"markers": true` draws thin rules at the schedules' breakpoints.
    public var markers: Bool
    /// Where `lrplot SPEC` writes (`"output"`), with the format each path's extension names.
    public var outputs: [OutputTarget]
    /// The training simulation (`"simulate"`), when the spec asks for one: each schedule then
    /// drives an optimizer on a problem, and the chart shows the losses too.
    public var simulation: SimulationSpec?

    /// The largest `"steps"` accepted.
    public static let maxSteps = 1_000_000_000
    /// The largest `"steps"` accepted with `"simulate"` (each step trains a model).
    public static let maxSimulatedSteps = 1_000_000
}

/// The x axis of a spec (`"x"`).
public struct XAxisSpec: Sendable, Equatable {
    /// Axis title; `nil` for "step" or "epoch".
    public var label: String?
    /// Steps, or epochs of `steps_per_epoch` steps.
    public var unit: StepUnit
}

/// A file to write and its format, which the path's extension names.
public struct OutputTarget: Sendable, Equatable {
    public var path: String
    public var format: ImageFormat

    public init(path: String, format: ImageFormat) {
        self.path = path
        self.format = format
    }

    /// The target for `path`, or `nil` when its extension is not `.png`, `.svg` or `.pdf`.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/"),
              let format = ImageFormat(pathExtension: String(path[path.index(after: dot)...])) else { return nil }
        self.init(path: path, format: format)
    }
}
