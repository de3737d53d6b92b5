import ArgumentParser
import Foundation
import LRPlotKit

/// The `lrplot` command: renders a spec, or runs one of its subcommands.
struct LRPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lrplot",
        abstract: "Chart learning-rate schedules exactly as PyTorch, transformers, timm, optax and Keras apply them.",
        discussion: """
            Examples:
              lrplot examples/seeds.json                 render to the spec's "output"
              lrplot my-spec.json                        no "output": output/my-spec.png
              lrplot examples/seeds.json -o a.png -o a.svg
              lrplot values examples/mnist-steplr.json --format csv
              lrplot simulate examples/simulate-digits-lr.json --format csv
              lrplot check examples/check-resumed.json    compare logged rates with their plan
              lrplot list
              lrplot describe torch.OneCycleLR

            Exit status: 0 success, 1 runtime failure (e.g. an unwritable output), 2 bad spec, input file or arguments,
            3 (lrplot check) a logged run departs from its plan.
            """,
        version: LRPlotVersion.current,
        subcommands: [Render.self, Values.self, SimulateCommand.self, CheckCommand.self, List.self, Describe.self],
        defaultSubcommand: Render.self)
}

/// `lrplot [render] SPEC`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the chart a spec describes (the default command).")

    @Argument(help: "The JSON spec file.")
    var spec: String

    @Option(name: [.short, .long], help: "Output file (.png, .svg or .pdf); repeatable; replaces the spec's \"output\".")
    var output: [String] = []

    func run() throws {
        let decoded = try SpecFile.load(spec)
        let bar = ProgressBar(labels: decoded.schedules.map(\.label), steps: decoded.steps)
        let report: RenderJob.Report
        do {
            report = try RenderJob.run(spec: decoded, outputs: output) { bar.update(index: $0, done: $1) }
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        Terminal.report(report.warnings)
        for path in report.written { print("wrote \(path)") }
    }
}

/// `lrplot values SPEC --format csv|json`.
struct Values: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the exact value of every schedule at every step.")

    @Argument(help: "The JSON spec file.")
    var spec: String

    @Option(help: "csv (step,<label>,…) or json ({\"steps\": […], \"series\": […]}).")
    var format: ValuesFormat = .csv

    func run() throws {
        let decoded = try SpecFile.load(spec)
        if let log = decoded.logs.first {
            throw LRPlotError(.spec, file: decoded.file, path: log.path,
                              "`lrplot values` prints the schedules' values; compare a logged series with `lrplot check \(spec) --format csv`")
        }
        let warnings = try ValuesWriter(spec: decoded, format: format).writeBytes { chunk in
            Self.writeToStandardOutput(chunk)
        }
        Terminal.report(warnings)
    }
}

extension Values {
    /// Writes `bytes` to file descriptor 1 with `write(2)` (no copy into `Data`), retrying
    /// partial writes and interruptions; stops quietly if the reader went away.
    static func writeToStandardOutput(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count, let base = raw.baseAddress {
            let n = Foundation.write(1, base + offset, raw.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

extension ValuesFormat: ExpressibleByArgument {}

/// `lrplot list`.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every schedule type, grouped by framework.")

    @Flag(help: "Print a Markdown table (as in the README).")
    var markdown = false

    func run() {
        print(markdown ? CatalogText.markdown() : CatalogText.list(), terminator: "")
    }
}

/// `lrplot describe TYPE`.
struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a schedule type's parameters with defaults, its formula and behaviour past the end.")

    @Argument(help: "A type name such as torch.StepLR (see `lrplot list`).")
    var type: String

    func run() throws {
        print(try CatalogText.describe(type), terminator: "")
    }
}

/// `lrplot simulate SPEC --format csv|json`.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Train the spec's \"simulate\" problem under each schedule and print the training losses.")

    @Argument(help: "The JSON spec file (with a \"simulate\" block).")
    var spec: String

    @Option(help: "csv (step,<label>,…: the loss before each step's update) or json.")
    var format: ValuesFormat = .csv

    func run() throws {
        let decoded = try SpecFile.load(spec)
        let bar = ProgressBar(labels: decoded.schedules.map(\.label), steps: decoded.steps)
        let outcome: SimulationJob.Outcome
        do {
            outcome = try SimulationJob.run(decoded) { bar.update(index: $0, done: $1) }
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        print(SimulationWriter.write(outcome.results, of: decoded, format: format), terminator: "")
        Terminal.report(outcome.warnings)
    }
}

/// `lrplot check SPEC [--format text|csv|json]`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare each logged series of a spec with its plan and explain where they depart.",
        discussion: "Exit status 0 when every logged series matches its plan, 3 when one departs, 2 for a bad spec or log.")

    /// What `check` prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json
    }

    @Argument(help: "The JSON spec file (with {\"type\": \"log\", …} entries).")
    var spec: String

    @Option(help: "text (a short report per log), csv (log,step,plan_step,logged,planned,relative_error) or json.")
    var format: Format = .text

    func run() throws {
        let decoded = try SpecFile.load(spec)
        let results = try CheckJob.run(decoded)
        switch format {
        case .text:
            print(results.map(CheckText.report).joined(separator: "\n"), terminator: "")
        case .csv:
            var out = CheckText.csvHeader
            for result in results {
                try CheckJob.forEachComparedPoint(of: result, in: decoded) { out += CheckText.csvRow(result.log.label, $0) }
            }
            print(out, terminator: "")
        case .json:
            var logs: [String] = []
            for result in results {
                var points: [String] = []
                try CheckJob.forEachComparedPoint(of: result, in: decoded) { points.append(CheckText.jsonPoint($0)) }
                logs.append("{" + CheckText.jsonSummary(result) + ", \"points\": [" + points.joined(separator: ", ") + "]}")
            }
            print("{\"logs\": [" + logs.joined(separator: ",\n") + "]}")
        }
        if results.contains(where: { !$0.report.matches }) { throw RunDeparts() }
    }
}

/// Ends `lrplot check` with ``ExitStatus/runDeparts`` after its report.
struct RunDeparts: Error {}
