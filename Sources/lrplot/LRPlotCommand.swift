import ArgumentParser
import Foundation
import LRPlotKit
import ScheduleCore

/// The `lrplot` command: renders a spec, or runs one of its subcommands.
struct LRPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lrplot",
        abstract: "Chart learning-rate schedules exactly as PyTorch, transformers, timm, optax, Keras, DeepSpeed and mmengine apply them.",
        discussion: """
            Examples:
              lrplot examples/seeds.json                 render to the spec's "output"
              lrplot my-spec.json                        no "output": output/my-spec.png
              lrplot examples/seeds.json -o a.png -o a.svg
              lrplot values examples/mnist-steplr.json --format csv
              lrplot simulate examples/simulate-digits-lr.json --format csv
              lrplot check examples/check-resumed.json    compare logged rates with their plan
              lrplot args.yaml --dataset-size 1281167 --devices 8     a timm/transformers/… config file
              lrplot import ds_config.json --max-steps 1000          the equivalent lrplot spec
              lrplot steps training_args.json --dataset-size 52002   how the steps were counted
              lrplot show examples/seeds.json            the chart in the terminal
              lrplot examples/seeds.json -o seeds.html   hover for the exact values
              lrplot list
              lrplot describe torch.OneCycleLR

            Exit status: 0 success, 1 runtime failure (e.g. an unwritable output), 2 bad spec, input file or arguments,
            3 (lrplot check) a logged run departs from its plan.
            """,
        version: LRPlotVersion.current,
        subcommands: [Render.self, Values.self, ImportConfig.self, Steps.self, SimulateCommand.self, CheckCommand.self, Show.self, List.self, Describe.self],
        defaultSubcommand: Render.self)
}

/// `lrplot [render] SPEC`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the chart a spec describes (the default command).")

    @Argument(help: "The spec (JSON or YAML), or a training config (TrainingArguments, timm args.yaml, Keras schedule, ds_config.json, LightningCLI YAML, mmengine config dump).")
    var spec: String

    @Option(name: [.short, .long], help: "Output file (.png, .svg, .pdf or .html); repeatable; replaces the spec's \"output\".")
    var output: [String] = []

    @OptionGroup(title: "Training numbers (they win over the spec's or the config's)")
    var training: TrainingOptions

    @Flag(help: "Also draw the chart in the terminal (see `lrplot show`).")
    var preview = false

    @OptionGroup var previewOptions: PreviewOptions

    func run() throws {
        let decoded = try SpecFile.load(spec, decoder: try training.overlay().decoder)
        let bar = ProgressBar(labels: decoded.schedules.map(\.label), steps: decoded.steps)
        let report: RenderJob.Report
        do {
            report = try RenderJob.run(spec: decoded, outputs: output) { bar.update(index: $0, done: $1) }
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        if preview, let chart = report.chart { try previewOptions.show(chart) }
        Terminal.report(report.warnings)
        for path in report.written { print("wrote \(path)") }
    }
}

/// `lrplot values SPEC --format csv|json`.
struct Values: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the exact value of every schedule at every step.")

    @Argument(help: "The spec (JSON or YAML), or a training config.")
    var spec: String

    @Option(help: "csv (step,<label>,…) or json ({\"steps\": […], \"series\": […]}, with each series' \"training\" derivation).")
    var format: ValuesFormat = .csv

    @OptionGroup(title: "Training numbers (they win over the spec's or the config's)")
    var training: TrainingOptions

    func run() throws {
        let decoded = try SpecFile.load(spec, decoder: try training.overlay().decoder)
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

/// `lrplot import CONFIG`.
struct ImportConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Print the lrplot spec equivalent to a training config, to edit and extend.",
        discussion: "Reads a transformers TrainingArguments JSON/YAML (or W&B config.yaml / wandb-metadata.json), a timm args.yaml, a Keras serialized schedule, a DeepSpeed ds_config.json, a LightningCLI YAML or a mmengine config dump. Notes about defaults and values that do not apply go to standard error.")

    @Argument(help: "The training config file.")
    var config: String

    @OptionGroup(title: "Training numbers (they go into the spec's \"training\")")
    var training: TrainingOptions

    func run() throws {
        let (spec, notes) = try ImportCommand.run(config, overlay: try training.overlay())
        for note in notes { Terminal.writeError(DiagnosticText.note(note, file: config)) }
        print(spec, terminator: "")
    }
}

/// `lrplot steps SPEC`.
struct Steps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how the steps were counted from the training block: each schedule's run length, warm-up and stepping, with the trainer's rules.")

    @Argument(help: "The spec (JSON or YAML), or a training config.")
    var spec: String

    @OptionGroup(title: "Training numbers (they win over the spec's or the config's)")
    var training: TrainingOptions

    func run() throws {
        let decoded = try SpecFile.load(spec, decoder: try training.overlay().decoder)
        print(SpecText.derivations(decoded), terminator: "")
        for note in decoded.imported?.notes ?? [] { Terminal.writeError(DiagnosticText.note(note, file: decoded.imported?.file ?? spec)) }
    }
}

/// The training numbers a command line may give.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Training samples in the data set.")
    var datasetSize: Int?
    @Option(help: "Samples per batch on each device.")
    var batchSize: Int?
    @Option(help: "Processes (GPUs) training together.")
    var devices: Int?
    @Option(help: "Batches accumulated per optimizer step.")
    var gradAccum: Int?
    @Option(help: "Epochs of the run.")
    var epochs: Double?
    @Option(help: "Optimizer steps of the run.")
    var maxSteps: Int?
    @Option(help: "Fraction of the run spent warming up.")
    var warmupRatio: Double?
    @Option(help: "The optimizer's learning rate.")
    var learningRate: Double?
    @Option(help: "transformers, lightning, accelerate, timm, deepspeed, keras, mmengine or pytorch.")
    var trainer: String?
    @Flag(inversion: .prefixedNo, help: "Drop the last incomplete batch.")
    var dropLast: Bool?
    @Option(name: .customLong("training"), help: "A JSON or YAML file with a training block (flags win over it).")
    var trainingFile: String?
    @Option(name: .customLong("set"), help: "KEY=VALUE: replace a config's own value before importing (e.g. lr_noise=null); repeatable.")
    var assignments: [String] = []

    func overlay() throws -> TrainingOverlay {
        var o = TrainingOverlay()
        if let trainingFile { try o.load(trainingFile) }
        if let datasetSize { o.set("dataset_size", .integer(datasetSize)) }
        if let batchSize { o.set("batch_size", .integer(batchSize)) }
        if let devices { o.set("devices", .integer(devices)) }
        if let gradAccum { o.set("grad_accum", .integer(gradAccum)) }
        if let epochs { o.set("epochs", epochs == epochs.rounded() && abs(epochs) < 1e15 ? .integer(Int(epochs)) : .number(epochs)) }
        if let maxSteps { o.set("max_steps", .integer(maxSteps)) }
        if let warmupRatio { o.set("warmup_ratio", .number(warmupRatio)) }
        if let learningRate { o.set("learning_rate", .number(learningRate)) }
        if let trainer { o.set("trainer", .string(trainer)) }
        if let dropLast { o.set("drop_last", .bool(dropLast)) }
        for a in assignments { try o.addOverride(a) }
        return o
    }
}

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
