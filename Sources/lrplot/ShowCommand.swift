import ArgumentParser
import Foundation
import LRPlotKit
import Plot

/// `lrplot show SPEC`: the chart drawn in the terminal.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the chart in the terminal: an image where the terminal shows them (kitty graphics, sixel), else Unicode braille with axes and a legend.",
        discussion: """
            The terminal's size and what it can show are read from the environment (TERM, \
            COLORTERM, NO_COLOR, KITTY_WINDOW_ID, TERM_PROGRAM); piped or redirected output is \
            plain braille text without colour. --graphics and --color override the detection.
            """)

    @Argument(help: ArgumentHelp("The spec (JSON or YAML), a training config, or - for standard input.", valueName: "spec"),
              completion: .file(extensions: ["json", "yaml", "yml"]))
    var spec: String

    @OptionGroup var preview: PreviewOptions

    @OptionGroup(title: "Training numbers (they win over the spec's or the config's)")
    var training: TrainingOptions

    func run() throws {
        let decoded = try SpecFile.load(spec, decoder: try training.overlay().decoder)
        let bar = ProgressBar(labels: decoded.schedules.map(\.label), steps: decoded.steps,
                              verb: decoded.simulation == nil ? "evaluating" : "simulating",
                              reporting: RenderJob.progressUnits(for: decoded))
        let built: ChartBuilder.Built
        do {
            defer { bar.finish() }
            built = try RenderJob.chart(for: decoded) { bar.update(index: $0, done: $1) }
        }
        try preview.show(built.chart)
        Terminal.report(built.warnings)
    }
}

/// How `show` and `--preview` draw in the terminal.
struct PreviewOptions: ParsableArguments {
    /// Image protocols, or text.
    enum Graphics: String, ExpressibleByArgument, CaseIterable {
        case auto, kitty, sixel, text
    }

    /// Colour depths.
    enum Colors: String, ExpressibleByArgument, CaseIterable {
        case auto, none, ansi16 = "16", ansi256 = "256", truecolor
    }

    @Option(help: "auto (what the terminal announces), kitty, sixel or text (braille).")
    var graphics: Graphics = .auto

    @Option(help: "auto, none, 16, 256 or truecolor (text only).")
    var color: Colors = .auto

    @Option(help: "Width in character cells (default: the terminal's, else 80).")
    var columns: Int?

    @Option(help: "Height in character cells (default: the terminal's less one, else 24).")
    var rows: Int?

    /// Sizes given too small for a preview are a usage error, naming the minimum.
    func validate() throws {
        let minimum = TerminalOptions.minimumSize
        if let columns, columns < minimum.columns {
            throw ValidationError("--columns \(columns) is too small: a preview needs at least \(minimum.columns) columns")
        }
        if let rows, rows < minimum.rows {
            throw ValidationError("--rows \(rows) is too small: a preview needs at least \(minimum.rows) rows")
        }
    }

    /// Writes `chart` to standard output as the terminal can show it.
    func show(_ chart: Chart) throws {
        let size = TerminalSize.current()
        var capabilities = TerminalCapabilities.detect(
            environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0)
        switch graphics {
        case .auto: break
        case .kitty: capabilities.graphics = .kitty
        case .sixel: capabilities.graphics = .sixel
        case .text: capabilities.graphics = .none
        }
        switch color {
        case .auto: break
        case .none: capabilities.colors = .none
        case .ansi16: capabilities.colors = .ansi16
        case .ansi256: capabilities.colors = .ansi256
        case .truecolor: capabilities.colors = .trueColor
        }
        let options = TerminalOptions(
            columns: columns ?? size?.columns ?? 80, rows: rows ?? size.map { $0.rows - 1 } ?? 24,
            capabilities: capabilities, cellPixels: size?.cell ?? (10, 20))
        let text: String
        do {
            text = try TerminalRenderer.render(chart, options: options)
        } catch let error as PlotError {
            let given = columns != nil && rows != nil
            throw LRPlotError(.runtime, "cannot draw in the terminal: \(error.message)" + (given ? "" : "; give --columns and --rows"))
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// The terminal's size in cells and the size of a cell in pixels, from `TIOCGWINSZ` on
/// standard output, else `COLUMNS` and `LINES`.
enum TerminalSize {
    static func current() -> (columns: Int, rows: Int, cell: (width: Int, height: Int)?)? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            let cell: (Int, Int)? = size.ws_xpixel > 0 && size.ws_ypixel > 0
                ? (Int(size.ws_xpixel) / Int(size.ws_col), Int(size.ws_ypixel) / Int(size.ws_row)) : nil
            return (Int(size.ws_col), Int(size.ws_row), cell)
        }
        let environment = ProcessInfo.processInfo.environment
        if let c = environment["COLUMNS"].flatMap(Int.init), let r = environment["LINES"].flatMap(Int.init), c > 0, r > 0 {
            return (c, r, nil)
        }
        return nil
    }
}
