import ArgumentParser
import Foundation
import LRPlotKit
import Plot
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
              lrplot examples/seeds.json -o charts/      charts/seeds.png
              lrplot - -o - < spec.json > chart.png      spec from stdin, image to stdout
              lrplot --watch my-spec.json                re-render whenever the spec changes
              lrplot values examples/mnist-steplr.json --format csv
              lrplot values run.json --per-epoch         one row per epoch
              lrplot values run.json --at 0,100,5000 -o rates.csv
              lrplot simulate examples/simulate-digits-lr.json --format csv
              lrplot check examples/check-resumed.json   compare logged rates with their plan
              lrplot check examples/check-resumed.json --chart check.png   the check drawn
              lrplot args.yaml --dataset-size 1281167 --devices 8     a timm/transformers/… config file
              lrplot import ds_config.json --max-steps 1000          the equivalent lrplot spec
              lrplot steps training_args.json --dataset-size 52002   how the steps were counted
              lrplot show examples/seeds.json            the chart in the terminal
              lrplot examples/seeds.json -o seeds.html   hover for the exact values
              lrplot list torch                          the PyTorch types
              lrplot describe torch.OneCycleLR
              lrplot schema -o lrplot-spec.schema.json   JSON Schema for editors

            A spec path may be - (standard input), a pipe or <(process substitution).

            Exit status: 0 success, 1 runtime failure (an unwritable output, a failed write to standard output),
            2 bad spec, input file or arguments, 3 (lrplot check) a logged run departs from its plan,
            130 (--watch) interrupted.
            """,
        version: LRPlotVersion.current,
        subcommands: [Render.self, Values.self, ImportConfig.self, Steps.self, SimulateCommand.self, CheckCommand.self,
                      Show.self, List.self, Describe.self, Schema.self],
        defaultSubcommand: Render.self)
}

extension ImageFormat: ExpressibleByArgument {}
extension ValuesFormat: ExpressibleByArgument {}

/// `lrplot [render] SPEC`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the chart a spec describes (the default command).",
        discussion: """
            Without -o, writes the spec's "output", else output/<spec name>.png. Every output is \
            rendered in memory first, then all files are written atomically, all or nothing; an \
            output that is the spec file itself is refused. Writing through a symbolic link \
            replaces the file it points to and keeps that file's mode.
            """)

    @Argument(help: ArgumentHelp("The spec (JSON or YAML), a training config (TrainingArguments, timm args.yaml, Keras schedule, ds_config.json, LightningCLI YAML, mmengine config dump), or - for standard input.", valueName: "spec"),
              completion: .file(extensions: ["json", "yaml", "yml"]))
    var spec: String

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Output: a file (.png, .svg, .pdf or .html), a directory (DIR/: DIR/<spec name>.<ext>), or - for standard output; repeatable; replaces the spec's \"output\".",
        valueName: "path"), completion: .file(extensions: ["png", "svg", "pdf", "html"]))
    var output: [String] = []

    @Option(help: ArgumentHelp("Image format of -o -, -o DIR/ and the default output (png, svg, pdf or html).", valueName: "format"))
    var format: ImageFormat?

    @OptionGroup(title: "Training numbers (they win over the spec's or the config's)")
    var training: TrainingOptions

    @Flag(help: "Also draw the chart in the terminal (see `lrplot show`).")
    var preview = false

    @OptionGroup var previewOptions: PreviewOptions

    @Flag(help: "Re-render whenever the spec (or a file it reads) changes, until interrupted.")
    var watch = false

    func validate() throws {
        if watch && spec == SpecSource.standardInputArgument {
            throw ValidationError("--watch needs a spec file to watch, not standard input")
        }
        if watch && output.contains(OutputRequest.standardOutputArgument) {
            throw ValidationError("--watch writes files; -o - (standard output) takes one image")
        }
    }

    func run() throws {
        let request = OutputRequest(paths: output, format: format)
        let decoder = try training.overlay().decoder
        if watch { try Watch(specPath: spec, request: request, decoder: decoder).run() }
        let report = try Self.render(spec: try SpecFile.load(spec, decoder: decoder), request: request)
        if preview, let chart = report.chart { try previewOptions.show(chart) }
        try Self.announce(report)
    }

    /// Renders `spec`, with a progress bar for long work.
    static func render(spec: Spec, request: OutputRequest) throws -> RenderJob.Report {
        let bar = ProgressBar(labels: spec.schedules.map(\.label), steps: spec.steps,
                              verb: spec.simulation == nil ? "evaluating" : "simulating",
                              reporting: RenderJob.progressUnits(for: spec))
        defer { bar.finish() }
        return try RenderJob.run(spec: spec, request: request) { bar.update(index: $0, done: $1) }
    }

    /// Reports the warnings and the files written (on standard error when the image went to
    /// standard output).
    static func announce(_ report: RenderJob.Report) throws {
        Terminal.report(report.warnings)
        let toStandardOutput = report.written.contains(OutputRequest.standardOutputArgument)
        for path in report.written where path != OutputRequest.standardOutputArgument {
            if toStandardOutput {
                Terminal.writeError("wrote \(path)")
            } else {
                try StandardOutput.write("wrote \(path)\n")
            }
        }
    }
}

/// `lrplot values SPEC --format csv|json`.
struct Values: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Print the exact value of every schedule at every step (or at the steps selected).",
        discussion: """
            CSV: a header step,<label>,… (step,epoch,… when the spec has steps_per_epoch; the \
            epoch is ⌊step / steps_per_epoch⌋), then one row per step. JSON: {"steps": […], \
            "epochs": […], "series": [{"label", "type", "values", …}]}. --every, --at and \
            --per-epoch print the same rows for fewer steps: closed-form schedules are computed \
            at those steps only, the others walked up to the last.
            """)

    @Argument(help: ArgumentHelp("The spec (JSON or YAML), a training config, or - for standard input.", valueName: "spec"),
              completion: .file(extensions: ["json", "yaml", "yml"]))
    var spec: String

    @Option(help: "csv (step,<label>,…) or json ({\"steps\": […], \"series\": […]}, with each series' \"training\" derivation).")
    var format: ValuesFormat = .csv

    @OptionGroup(title: "Training numbers (they win over the spec's or the config's)")
    var training: TrainingOptions

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to this file (atomically) instead of standard output; DIR/ writes DIR/<spec name>.csv (or .json); - is standard output.",
        valueName: "path"), completion: .file(extensions: ["csv", "json"]))
    var output: String?

    @Option(help: ArgumentHelp("Only steps 0, N, 2N, … (N ≥ 1).", valueName: "N"))
    var every: Int?

    @Option(help: ArgumentHelp("Only these steps: a comma-separated list (0,100,5000); repeatable.", valueName: "steps"))
    var at: [String] = []

    @Flag(help: "One row per epoch: its first step (needs \"steps_per_epoch\" in the spec).")
    var perEpoch = false

    /// The rows the options select.
    func selection() throws -> RowSelection {
        let chosen = [every != nil, !at.isEmpty, perEpoch].filter { $0 }.count
        guard chosen <= 1 else { throw ValidationError("choose one of --every, --at and --per-epoch") }
        if let every { return .every(every) }
        if perEpoch { return .perEpoch }
        guard !at.isEmpty else { return .all }
        var steps: [Int] = []
        for part in at.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let text = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            guard let step = Int(text) else {
                throw ValidationError("--at: \"\(part)\" is not a step; give whole numbers separated by commas, such as --at 0,100,5000")
            }
            steps.append(step)
        }
        return .at(steps)
    }

    func validate() throws {
        _ = try selection()
    }

    func run() throws {
        let decoded = try SpecFile.load(spec, decoder: try training.overlay().decoder)
        if let log = decoded.logs.first {
            throw LRPlotError(.spec, file: decoded.file, path: log.path,
                              "`lrplot values` prints the schedules' values; compare a logged series with `lrplot check \(spec) --format csv`")
        }
        let rows = try selection()
        let destination = try TextDestination.open(output, stem: decoded.stem, pathExtension: format.rawValue,
                                                   refusing: decoded.inputs)
        let bar = ProgressBar(labels: decoded.schedules.map(\.label), steps: decoded.steps, verb: "evaluating")
        let warnings: [LRPlotWarning]
        do {
            defer { bar.finish() }
            warnings = try ValuesWriter(spec: decoded, format: format, rows: rows).write(
                emit: { (bytes) throws(LRPlotError) in try destination.write(bytes) },
                progress: { bar.update(index: $0, done: $1) })
            try destination.commit()
        }
        Terminal.report(warnings)
        if let path = destination.path { try StandardOutput.write("wrote \(path)\n") }
    }
}

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
        try StandardOutput.write(spec)
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
        try StandardOutput.write(SpecText.derivations(decoded))
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

/// `lrplot list [FILTER]`.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the schedule types, grouped by framework, with how each is evaluated over long runs.")

    @Argument(help: ArgumentHelp(
        "Only this framework (torch, hf or transformers, timm, optax, keras, generic), or the types whose name contains this word.",
        valueName: "filter"))
    var filter: String?

    @Flag(help: "Print a Markdown table (as in the README).")
    var markdown = false

    func run() throws {
        try StandardOutput.write(markdown ? CatalogText.markdown() : try CatalogText.list(filter: filter))
    }
}

/// `lrplot describe TYPE`.
struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a schedule type's parameters (kind, required or default), how it is evaluated, its formula and behaviour past the end.")

    @Argument(help: ArgumentHelp("A type name such as torch.StepLR (see `lrplot list`).", valueName: "type"),
              completion: .list(ScheduleCatalog.standard.types.map(\.name)))
    var type: String

    func run() throws {
        try StandardOutput.write(try CatalogText.describe(type))
    }
}

/// `lrplot simulate SPEC --format csv|json`.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Train the spec's \"simulate\" problem under each schedule and print the training losses.")

    @Argument(help: ArgumentHelp("The JSON spec file (with a \"simulate\" block), or - for standard input.", valueName: "spec"),
              completion: .file(extensions: ["json"]))
    var spec: String

    @Option(help: "csv (step,<label>,…: the loss before each step's update) or json.")
    var format: ValuesFormat = .csv

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to this file (atomically) instead of standard output; DIR/ writes DIR/<spec name>.csv (or .json).",
        valueName: "path"), completion: .file(extensions: ["csv", "json"]))
    var output: String?

    func run() throws {
        let decoded = try SpecFile.load(spec)
        let destination = try TextDestination.open(output, stem: decoded.stem, pathExtension: format.rawValue,
                                                   refusing: decoded.inputs)
        let bar = ProgressBar(labels: decoded.schedules.map(\.label), steps: decoded.steps, verb: "simulating")
        let outcome: SimulationJob.Outcome
        do {
            defer { bar.finish() }
            outcome = try SimulationJob.run(decoded) { bar.update(index: $0, done: $1) }
        }
        try destination.write(SimulationWriter.write(outcome.results, of: decoded, format: format))
        try destination.commit()
        Terminal.report(outcome.warnings)
        if let path = destination.path { try StandardOutput.write("wrote \(path)\n") }
    }
}

/// `lrplot schema`.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of specs (every schedule type with its parameters), for editors.",
        discussion: """
            The same schema is committed as schema/lrplot-spec.schema.json. Point an editor at \
            it, or write "$schema" in a spec.
            """)

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"),
            completion: .file(extensions: ["json"]))
    var output: String?

    func run() throws {
        let destination = try TextDestination.open(output, stem: "lrplot-spec.schema", pathExtension: "json", refusing: [])
        try destination.write(SpecSchema.text())
        try destination.commit()
        if let path = destination.path { try StandardOutput.write("wrote \(path)\n") }
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

        /// The extension of a file written into a directory (`-o DIR/`).
        var pathExtension: String { self == .text ? "txt" : rawValue }
    }

    @Argument(help: ArgumentHelp("The JSON spec file (with {\"type\": \"log\", …} entries), or - for standard input.", valueName: "spec"),
              completion: .file(extensions: ["json"]))
    var spec: String

    @Option(help: "text (a short report per log), csv (log,step,plan_step,logged,planned,relative_error) or json.")
    var format: Format = .text

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write the report to this file (atomically) instead of standard output; DIR/ writes DIR/<spec name>.txt (.csv, .json).",
        valueName: "path"), completion: .file(extensions: ["txt", "csv", "json"]))
    var output: String?

    @Option(help: ArgumentHelp(
        "Also draw the check: the plan, the logged points, a residual panel and each log's first difference (.png, .svg, .pdf or .html; DIR/ for DIR/<spec name>.png); repeatable.",
        valueName: "path"), completion: .file(extensions: ["png", "svg", "pdf", "html"]))
    var chart: [String] = []

    func validate() throws {
        if chart.contains(OutputRequest.standardOutputArgument) {
            throw ValidationError("--chart - would mix the image with the report on standard output; give a file name")
        }
    }

    func run() throws {
        let decoded = try SpecFile.load(spec)
        let destination = try TextDestination.open(output, stem: decoded.stem, pathExtension: format.pathExtension,
                                                   refusing: decoded.inputs)
        let chartTargets = chart.isEmpty ? [] : try RenderJob.prepare(OutputRequest(paths: chart), for: decoded)
        // A chart draws every logged point: read each log once and keep it for the chart.
        let results = try CheckJob.run(decoded, keepingLogs: !chartTargets.isEmpty)
        var drawn: RenderJob.Report?
        if !chartTargets.isEmpty {
            drawn = try RenderJob.write(try ChartBuilder(spec: decoded).build(check: results), to: chartTargets, of: decoded)
        }
        switch format {
        case .text:
            try destination.write(results.map(CheckText.report).joined(separator: "\n"))
        case .csv:
            var out = CheckText.csvHeader
            for result in results {
                try CheckJob.forEachComparedPoint(of: result, in: decoded) { out += CheckText.csvRow(result.log.label, $0) }
            }
            try destination.write(out)
        case .json:
            var logs: [String] = []
            for result in results {
                var points: [String] = []
                try CheckJob.forEachComparedPoint(of: result, in: decoded) { points.append(CheckText.jsonPoint($0)) }
                logs.append("{" + CheckText.jsonSummary(result) + ", \"points\": [" + points.joined(separator: ", ") + "]}")
            }
            try destination.write("{\"logs\": [" + logs.joined(separator: ",\n") + "]}\n")
        }
        try destination.commit()
        if let drawn { Terminal.report(drawn.warnings) }
        for path in [destination.path].compactMap({ $0 }) + (drawn?.written ?? []) {
            Terminal.writeError("wrote \(path)")
        }
        if results.contains(where: { !$0.report.matches }) { throw RunDeparts() }
    }
}

/// Ends `lrplot check` with ``ExitStatus/runDeparts`` after its report.
struct RunDeparts: Error {}
