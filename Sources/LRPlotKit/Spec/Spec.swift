import Plot
import ScheduleCore
import Simulation
import ConfigImport

/// A decoded spec: the schedules to compare and how to chart them, every choice typed.
///
/// See the README's spec reference for every key, its default and its meaning.
public struct Spec: Sendable {
    /// The file the spec was read from, as messages name it (`<stdin>` for standard input).
    public var file: String
    /// The name default outputs take, `output/<stem>.png`: the spec file's name without its
    /// extension, or `stdin`.
    public var stem: String
    /// The files the spec was read from (the spec file itself, when it is a file on disk):
    /// never overwritten by an output, and watched by `--watch`. Readers of files a spec
    /// names (configs, logs) add theirs.
    public var inputs: [InputFile] = []
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
    /// Chart width in CSS pixels (`"width"`: a whole number of px, or a length such as
    /// `"3.5in"` or `"8.9cm"`, 96 px to the inch).
    public var width: Double
    /// Chart height in CSS pixels (`"height"`); `nil` for the default: 540, or 260 per panel
    /// with `"simulate"` (three quarters of a width given as a length).
    public var height: Double?
    /// PNG pixel density: `"scale"` (2 for HiDPI screens), or `"dpi"` / 96; 300 dpi when the
    /// size is a length and neither is given.
    public var scale: Double
    /// Base font size in pt (`"font_size"`): tick labels and legend entries; titles and
    /// axis labels scale along.
    public var fontSize: Double
    /// Series line width in pt (`"line_width"`); frame, grid and ticks scale along.
    public var lineWidth: Double
    /// How SVG output sets its text (`"svg_text"`: `"paths"` or `"text"`).
    public var svgText: SVGTextMode
    /// The user's own labelled rules (`"annotations"`).
    public var annotations: [AnnotationSpec]
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
    /// The real run's numbers (`"training"`), from which each schedule's steps were counted
    /// as its trainer counts them (each entry's ``ScheduleEntry/derivation``).
    public var training: TrainingSetup?
    /// The config file the schedules were imported from (`"config"`, or the file itself when
    /// lrplot was given a config), with the importer's notes.
    public var imported: ImportedSource?

    /// The largest `"steps"` accepted.
    public static let maxSteps = 1_000_000_000
    /// The largest `"steps"` accepted with `"simulate"` (each step trains a model).
    public static let maxSimulatedSteps = 1_000_000
}

/// A config file a spec was imported from: its path, its format and what the importer noted.
public struct ImportedSource: Sendable {
    public var file: String
    public var format: ConfigFormat
    public var notes: [ImportNote]
}

/// The x axis of a spec (`"x"`).
public struct XAxisSpec: Sendable, Equatable {
    /// Axis title; `nil` for "step" or "epoch".
    public var label: String?
    /// Steps, or epochs of `steps_per_epoch` steps.
    public var unit: StepUnit
    /// Whether the other unit is shown on a second axis above the plot (`"secondary"`;
    /// default: when `steps_per_epoch` is given).
    public var secondary: Bool
}

/// A labelled vertical rule of the user's (`"annotations": [{"step": 6000, "label": "resumed here"}]`).
public struct AnnotationSpec: Sendable, Equatable {
    /// Where the rule is, in steps (`"step"`, or `"epoch"` × `steps_per_epoch`).
    public var step: Double
    /// The text beside the rule's top, if any.
    public var label: String?
    /// The rule's colour; `nil` for the theme's text colour.
    public var color: RGBColor?
    /// JSON path of the annotation, for messages.
    public var path: String
}

/// A file to write (or standard output) and its format, which the path's extension names.
public struct OutputTarget: Sendable, Equatable {
    /// The file's path; `-` for standard output.
    public var path: String
    public var format: ImageFormat
    /// Whether the image goes to standard output (`-o -`) rather than to ``path``.
    public var isStandardOutput: Bool

    public init(path: String, format: ImageFormat) {
        self.path = path
        self.format = format
        self.isStandardOutput = false
    }

    /// The target for `path`, or `nil` when its extension is not `.png`, `.svg`, `.pdf` or
    /// `.html`.
    public init?(path: String) {
        guard let format = OutputTarget.format(ofExtensionIn: path) else { return nil }
        self.init(path: path, format: format)
    }

    /// An image in `format` written to standard output.
    public static func standardOutput(_ format: ImageFormat) -> OutputTarget {
        var target = OutputTarget(path: OutputRequest.standardOutputArgument, format: format)
        target.isStandardOutput = true
        return target
    }

    /// The format the extension of `path`'s file name names, if any.
    public static func format(ofExtensionIn path: String) -> ImageFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return ImageFormat(pathExtension: String(path[path.index(after: dot)...]))
    }
}
