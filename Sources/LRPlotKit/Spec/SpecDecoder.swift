import ConfigImport
import Foundation
import Plot
import RunLogs
import ScheduleCore
import Simulation

/// Turns the text of a spec file into a typed ``Spec``, or an ``LRPlotError`` that names the
/// file, the JSON path (or line and column) and what was expected.
///
/// Every key is read here once, into its type; a key that cannot apply (a simulation panel
/// without `"simulate"`, `"metrics"` that a simulation would not use) is an error, so nothing
/// a user writes is silently ignored.
public struct SpecDecoder: Sendable {
    /// Top-level keys a spec may have.
    public static let topLevelKeys = [
        "title", "steps", "steps_per_epoch", "schedules", "x", "y", "width", "height", "scale",
        "theme", "background", "legend", "markers", "panels", "simulate", "output", "training", "config",
        "font_size", "line_width", "dpi", "svg_text", "annotations", "$schema",
    ]

    /// Largest chart side in CSS pixels (Cairo's image limit is 32767 device pixels).
    public static let maxSide = 16_000

    /// The default chart size in CSS pixels.
    public static let defaultWidth = 960
    public static let defaultHeight = 540

    public var catalog: ScheduleCatalog
    /// Training keys given on the command line (`--dataset-size 50000` is `dataset_size`), which
    /// win over the spec's (or the config's) `"training"`.
    public var trainingOverlay: [(key: String, value: JSONValue)]
    /// Values that replace a config file's own before it is imported (`--set lr_noise=null`).
    public var configOverrides: [(path: String, value: JSONValue)]

    public init(catalog: ScheduleCatalog = .standard, trainingOverlay: [(key: String, value: JSONValue)] = [],
                configOverrides: [(path: String, value: JSONValue)] = []) {
        self.catalog = catalog
        self.trainingOverlay = trainingOverlay
        self.configOverrides = configOverrides
    }

    /// Decodes `text`, read from `file` (named in messages and in the default output's name):
    /// an lrplot spec in JSON or YAML, or a training config that lrplot imports (see
    /// ``ConfigImporter``) — a document with `"schedules"` or `"config"` is a spec.
    ///
    /// - Throws: ``LRPlotError`` of kind `.spec` (YAML errors and YAML specs' errors with
    ///   line and column).
    public func decode(_ text: String, file: String) throws(LRPlotError) -> Spec {
        let source = try SpecDocument.parse(text, file: file)
        if !source.isSpec {
            let imported = try importConfig(text, file: file, overlay: trainingOverlay, overrides: configOverrides)
            return try decodeLocated(imported.spec, source: nil, file: file, imported: imported.source)
        }
        return try decodeLocated(source.json, source: source, file: file, imported: nil)
    }

    /// Decodes a spec document, turning a path error into one with the YAML line and column.
    func decodeLocated(_ document: JSONValue, source: SpecDocument?, file: String, imported: ImportedSource?) throws(LRPlotError) -> Spec {
        do {
            var spec = try decode(document, file: file)
            if spec.imported == nil { spec.imported = imported }
            return spec
        } catch let error as LRPlotError {
            throw error
        } catch let error as ScheduleError {
            throw source?.located(error, file: file) ?? LRPlotError(.spec, file: file, path: error.path, error.message)
        } catch let error as TrainingError {
            let e = ScheduleError(path: error.path, Self.withFlags(error))
            throw source?.located(e, file: file) ?? LRPlotError(.spec, file: file, path: e.path, e.message)
        } catch {
            throw LRPlotError(.spec, file: file, "\(error)")
        }
    }

    /// A training error's message with the command-line flag for each key it names
    /// (`training.dataset_size` → `training.dataset_size (--dataset-size)`).
    static func withFlags(_ error: TrainingError) -> String {
        guard case .missing(let key, let purpose, let alternatives) = error else { return error.message }
        func flag(_ k: String) -> String {
            guard k.hasPrefix("training."), TrainingSetup.keys.contains(where: { $0.name == k.dropFirst(9) }) else { return k }
            return "\(k) (--\(k.dropFirst(9).replacingOccurrences(of: "_", with: "-")))"
        }
        return TrainingError.missing(key: key, purpose: purpose, alternatives: alternatives.map(flag)).message
            .replacingOccurrences(of: "give \(key)", with: "give \(flag(key))")
    }

    /// Imports the config `text` with `overlay` and `overrides`.
    func importConfig(_ text: String, file: String, overlay: [(key: String, value: JSONValue)],
                      overrides: [(path: String, value: JSONValue)]) throws(LRPlotError) -> (spec: JSONValue, source: ImportedSource) {
        do {
            let imported = try ConfigImporter.importConfig(text, file: file, overlay: overlay.isEmpty ? nil : .object(overlay), overrides: overrides)
            return (imported.spec, ImportedSource(file: file, format: imported.format, notes: imported.notes))
        } catch let error as ConfigImportError {
            throw LRPlotError(.spec, file: error.file, path: error.location.path.isEmpty ? nil : error.location.path,
                              line: error.location.line, column: error.location.column, "\(error.problem); \(error.fix)")
        } catch {
            throw LRPlotError(.spec, file: file, "\(error)")
        }
    }

    func decode(_ document: JSONValue, file: String) throws -> Spec {
        var document = document
        var imported: ImportedSource?
        if let config = document["config"], config != .null {
            (document, imported) = try mergeConfig(config, into: document, specFile: file)
        } else if !trainingOverlay.isEmpty {
            document = Self.withTraining(document, overlay: trainingOverlay)
        }
        let top = try ObjectReader(document, path: "", allowed: Self.topLevelKeys, what: "a spec object like {\"steps\": 100, \"schedules\": [...]}")
        var training: TrainingSetup?
        if let block = top["training"], block != .null {
            training = try TrainingSetup(json: block, path: "training")
        }
        if top["steps"] == nil && training == nil {
            throw ScheduleError(path: "", "missing \"steps\": the chart covers steps 0 … steps−1 (a whole number ≥ 1), or give a \"training\" block to count the run's steps")
        }
        var steps = try top.integer("steps", in: 1...Spec.maxSteps, what: "steps charted") ?? 0
        if top["steps"] == .null {
            throw ScheduleError(path: "steps", "expected a whole number ≥ 1, found null")
        }
        var simulation: SimulationSpec?
        if let simulate = top["simulate"], simulate != .null {
            simulation = try SimulationSpec.decode(simulate, path: "simulate")
            if steps > Spec.maxSimulatedSteps {
                throw ScheduleError(path: "steps", "must be from 1 to \(ObjectReader.grouped(Spec.maxSimulatedSteps)) with \"simulate\" (each step trains the model), found \(ObjectReader.grouped(steps))")
            }
        }
        var stepsPerEpoch = try top.integer("steps_per_epoch", in: 1...Spec.maxSteps, what: "steps in one epoch")

        var x = XAxisSpec(label: nil, unit: .step, secondary: false)
        var xUnitPath: String?
        var secondary: Bool?
        if let xv = top["x"] {
            let r = try ObjectReader(xv, path: "x", allowed: ["label", "unit", "secondary"], what: "the x axis")
            x.label = try r.string("label")
            x.unit = try r.choice("unit") ?? .step
            xUnitPath = "x.unit"
            secondary = try r.bool("secondary")
        }
        var yLabel: String?
        var yScale: AxisScale?
        if let yv = top["y"] {
            let r = try ObjectReader(yv, path: "y", allowed: ["label", "scale"], what: "the y axis")
            yLabel = try r.string("label")
            yScale = try r.choice("scale")
        }

        guard let schedulesValue = top["schedules"] else {
            throw ScheduleError(path: "", "missing \"schedules\": a list of schedule objects like {\"type\": \"torch.StepLR\", \"lr\": 0.1, \"step_size\": 30}")
        }
        guard case .array(let items) = schedulesValue else {
            throw ScheduleError(path: "schedules", "expected a list of schedule objects, found \(schedulesValue.kindDescription)")
        }
        guard !items.isEmpty else {
            throw ScheduleError(path: "schedules", "the list is empty; add at least one schedule object like {\"type\": \"cosine\", \"lr\": 0.1, \"total_steps\": 100}")
        }
        var entries: [ScheduleEntry] = []
        var logItems: [(item: JSONValue, path: String)] = []
        for (i, item) in items.enumerated() {
            if item["type"] == .string(LogEntry.type) {
                logItems.append((item, "schedules[\(i)]"))
                continue
            }
            entries += try decodeEntries(item, path: "schedules[\(i)]", file: file, stepsPerEpoch: stepsPerEpoch, simulation: simulation, training: training)
        }
        if entries.isEmpty {
            throw ScheduleError(path: "schedules", "a logged series needs the schedule it is compared with; add a schedule object like {\"type\": \"hf.cosine\", …}")
        }
        if !logItems.isEmpty && simulation != nil {
            throw ScheduleError(path: logItems[0].path, "a logged series cannot be drawn with \"simulate\" (its panels show simulated runs); remove one of them")
        }
        if let training {
            let counted = try Self.countedLength(entries, training: training, stepsGiven: top["steps"] != nil)
            if top["steps"] == nil { steps = counted.steps }
            if stepsPerEpoch == nil { stepsPerEpoch = counted.stepsPerEpoch }
            if x.label == nil && x.unit == .step, let axis = counted.axis { x.label = axis }
            if simulation != nil && steps > Spec.maxSimulatedSteps {
                throw ScheduleError(path: "training", "the run counts \(ObjectReader.grouped(steps)) steps; with \"simulate\" at most \(ObjectReader.grouped(Spec.maxSimulatedSteps)) (give a top-level \"steps\")")
            }
            if steps > Spec.maxSteps {
                throw ScheduleError(path: "training", "the run counts \(ObjectReader.grouped(steps)) steps; lrplot charts at most \(ObjectReader.grouped(Spec.maxSteps)) (give a top-level \"steps\")")
            }
        }
        if x.unit == .epoch && stepsPerEpoch == nil {
            throw ScheduleError(path: xUnitPath ?? "x.unit", "an x axis in epochs needs a top-level \"steps_per_epoch\"\(training == nil ? "" : " (the training block does not count the steps per epoch: give training.dataset_size)")")
        }
        if secondary == true && stepsPerEpoch == nil {
            throw ScheduleError(path: "x.secondary", "a second axis shows epochs over steps (or steps over epochs) and needs a top-level \"steps_per_epoch\"\(training == nil ? "" : " (the training block does not count the steps per epoch: give training.dataset_size)")")
        }
        x.secondary = secondary ?? (stepsPerEpoch != nil)
        let logs = try logItems.map { (item, at) throws(ScheduleError) in
            try decodeLog(item, path: at, file: file, schedules: entries)
        }
        try Self.checkLabels(entries)
        // "$schema" tells editors which JSON Schema the file follows (schema/lrplot-spec.schema.json); lrplot only checks it is a string.
        _ = try top.string("$schema")

        let outputs = try decodeOutputs(top["output"])
        let lrPanel = PanelSpec(kind: .lr, label: yLabel, scale: yScale)
        let panels: [PanelSpec]
        if let panelsValue = top["panels"], panelsValue != .null {
            panels = try decodePanels(panelsValue, lr: lrPanel)
            try checkPanels(panels, entries: entries, simulation: simulation, hasLogs: !logs.isEmpty)
        } else {
            panels = Self.defaultPanels(lr: lrPanel, entries: entries, simulation: simulation)
        }

        let size = try decodeSize(top, simulated: simulation != nil, panels: panels.count)

        return Spec(
            file: file,
            stem: SpecFile.stem(of: file),
            title: try top.string("title"),
            steps: steps,
            stepsPerEpoch: stepsPerEpoch,
            schedules: entries,
            logs: logs,
            x: x,
            panels: panels,
            width: size.width,
            height: size.height,
            scale: size.scale,
            fontSize: try top.number("font_size", in: 4...72, what: "base font size in pt") ?? Chart.defaultFontSize,
            lineWidth: try top.number("line_width", in: 0.1...20, what: "line width in pt") ?? Chart.defaultLineWidth,
            svgText: try top.choice("svg_text") ?? .paths,
            annotations: try decodeAnnotations(top["annotations"], steps: steps, stepsPerEpoch: stepsPerEpoch),
            theme: try top.choice("theme") ?? .light,
            background: try top.choice("background") ?? .opaque,
            legend: try top.choice("legend") ?? .auto,
            markers: try top.bool("markers") ?? false,
            outputs: outputs,
            simulation: simulation,
            training: training,
            imported: imported)
    }

    /// The chart's size: `"width"` and `"height"` in whole CSS px or as lengths (`"3.5in"`,
    /// `"8.9cm"`), and its PNG density from `"scale"` or `"dpi"` (300 dpi for lengths when
    /// neither is given). A width given as a length without a height gets three quarters of
    /// it (matplotlib's 4:3). The PNG must stay within 32,767 device pixels a side and
    /// ``Plot/Chart/maximumDevicePixels`` in all.
    func decodeSize(_ top: ObjectReader, simulated: Bool, panels: Int) throws(ScheduleError) -> (width: Double, height: Double?, scale: Double) {
        let (width, widthIsLength) = try length(top, "width", what: "chart width") ?? (Double(Self.defaultWidth), false)
        let heightValue = try length(top, "height", what: "chart height")
        let heightIsLength = heightValue?.isLength ?? false
        var height = heightValue?.px
        if height == nil && widthIsLength { height = width * 0.75 }
        let scaleGiven = try top.number("scale", in: 0.25...4, what: "PNG pixel density")
        let dpi = try top.number("dpi", in: 24...1200, what: "PNG dots per inch")
        if scaleGiven != nil && dpi != nil {
            throw ScheduleError(path: "dpi", "give \"scale\" (device pixels per CSS pixel) or \"dpi\" (pixels per inch), not both")
        }
        let scale = scaleGiven ?? dpi.map { $0 / 96 } ?? (widthIsLength || heightIsLength ? FigureSize.printDPI / 96 : 1)
        let scaleKey = top["scale"] != nil ? "scale" : top["dpi"] != nil ? "dpi" : nil
        let shownHeight = height ?? Double(simulated ? max(Self.defaultHeight, 260 * panels) : Self.defaultHeight)
        func px(_ v: Double) -> String { v == v.rounded() ? ObjectReader.grouped(Int(v)) : JSONWriter.format((v * 100).rounded() / 100) }
        for (key, side) in [("width", width), ("height", shownHeight)] where (side * scale).rounded() > Double(Chart.maximumDeviceSide) {
            throw ScheduleError(path: scaleKey ?? key,
                                "\(key) \(px(side)) px at scale \(JSONWriter.format(scale)) is \(ObjectReader.grouped(Int((side * scale).rounded()))) device pixels; a PNG has at most \(ObjectReader.grouped(Chart.maximumDeviceSide)) per side")
        }
        let pixels = (width * scale).rounded() * (shownHeight * scale).rounded()
        if pixels > Double(Chart.maximumDevicePixels) {
            throw ScheduleError(path: scaleKey ?? "width",
                                "\(px(width)) × \(px(shownHeight)) px at scale \(JSONWriter.format(scale)) is \(ObjectReader.grouped(Int(pixels))) device pixels; a PNG has at most \(ObjectReader.grouped(Chart.maximumDevicePixels)) (about 7071 × 7071): lower the size, \"scale\" or \"dpi\"")
        }
        return (width, height, scale)
    }

    /// A chart side: a whole number of CSS px, or a string with a unit (`"3.5in"`), from 64
    /// to ``maxSide`` px; with whether it was a length.
    func length(_ top: ObjectReader, _ key: String, what: String) throws(ScheduleError) -> (px: Double, isLength: Bool)? {
        guard let value = top[key], value != .null else { return nil }
        guard case .string(let text) = value else {
            return try top.integer(key, in: 64...Self.maxSide, what: "\(what) in CSS pixels").map { (Double($0), false) }
        }
        let parsed: Length
        do {
            parsed = try Length(parsing: text)
        } catch {
            throw ScheduleError(path: top.at(key), "\(error)")
        }
        let px = parsed.cssPixels
        guard px <= Double(Self.maxSide) else {
            throw ScheduleError(path: top.at(key), "\"\(text)\" is more than \(ObjectReader.grouped(Self.maxSide)) px (166.67in), the largest chart side")
        }
        guard px >= 64 else {
            let shown = (px * 100).rounded() / 100
            throw ScheduleError(path: top.at(key), "\"\(text)\" is \(shown == shown.rounded() ? ObjectReader.grouped(Int(shown)) : JSONWriter.format(shown)) px (96 to the inch); a chart side must be at least 64 px (0.67in)")
        }
        return (px, true)
    }

    /// `"annotations"`: a list of `{"step": …, "label": …, "color": …}` (or `"epoch"` with
    /// `steps_per_epoch`), each inside `0 … steps`.
    func decodeAnnotations(_ value: JSONValue?, steps: Int, stepsPerEpoch: Int?) throws(ScheduleError) -> [AnnotationSpec] {
        guard let value, value != .null else { return [] }
        guard case .array(let items) = value else {
            throw ScheduleError(path: "annotations", "expected a list of rules like [{\"step\": 6000, \"label\": \"resumed here\"}], found \(value.kindDescription)")
        }
        return try items.enumerated().map { (i, item) throws(ScheduleError) -> AnnotationSpec in
            let path = "annotations[\(i)]"
            let r = try ObjectReader(item, path: path, allowed: ["step", "epoch", "label", "color"], what: "an annotation like {\"step\": 6000, \"label\": \"resumed here\"}")
            let stepValue = try r.number("step", in: 0...Double(steps), what: "a step of the chart")
            let epochValue = try r.number("epoch", in: 0...Double(steps), what: "an epoch of the chart")
            let step: Double
            switch (stepValue, epochValue) {
            case let (s?, nil): step = s
            case let (nil, e?):
                guard let spe = stepsPerEpoch else {
                    throw ScheduleError(path: r.at("epoch"), "an annotation at an epoch needs a top-level \"steps_per_epoch\"; or give \"step\"")
                }
                step = e * Double(spe)
                guard step <= Double(steps) else {
                    throw ScheduleError(path: r.at("epoch"), "epoch \(JSONWriter.format(e)) is step \(JSONWriter.format(step)), past the chart's \(ObjectReader.grouped(steps)) steps")
                }
            case (_?, _?): throw ScheduleError(path: path, "give \"step\" or \"epoch\", not both")
            case (nil, nil): throw ScheduleError(path: path, "missing \"step\" (or \"epoch\"): where the rule goes")
            }
            return AnnotationSpec(step: step, label: try r.string("label"), color: try r.color("color"), path: path)
        }
    }

    /// Refuses two schedules with the same label: each names a legend entry and a column of
    /// `lrplot values`.
    static func checkLabels(_ entries: [ScheduleEntry]) throws(ScheduleError) {
        var first: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            guard let j = first[entry.label] else {
                first[entry.label] = i
                continue
            }
            let given = entry.object["label"].map { $0 != .null } ?? false
            let quoted = JSONWriter.quote(entry.label)
            if given {
                throw ScheduleError(path: "\(entry.path).label", "\(quoted) is already the label of \(entries[j].path); each schedule needs its own label (its legend entry and its column in `lrplot values`)")
            }
            throw ScheduleError(path: entry.path, "\(entries[j].path) is also labelled \(quoted) (a schedule without \"label\" is labelled by its type); give one of them a \"label\" of its own, such as {\"label\": \(JSONWriter.quote(entry.label + " 2"))}")
        }
    }

    /// `"output"`: a path or a list of paths, each with a known image format.
    func decodeOutputs(_ value: JSONValue?) throws(ScheduleError) -> [OutputTarget] {
        let paths: [(path: String, at: String)]
        switch value {
        case nil, .null?: return []
        case .string(let s)?: paths = [(s, "output")]
        case .array(let items)?:
            paths = try items.enumerated().map { (i, v) throws(ScheduleError) -> (path: String, at: String) in
                guard case .string(let s) = v else { throw ScheduleError(path: "output[\(i)]", "expected a file path (a string), found \(v.kindDescription)") }
                return (s, "output[\(i)]")
            }
        case let other?:
            throw ScheduleError(path: "output", "expected a file path or a list of paths, found \(other.kindDescription)")
        }
        return try paths.map { (path, at) throws(ScheduleError) -> OutputTarget in
            guard let target = OutputTarget(path: path) else {
                throw ScheduleError(path: at, "unknown output format for \"\(path)\"; use a \(OutputRequest.extensionList) file name")
            }
            return target
        }
    }

    /// `"panels"`: a non-empty list of panel objects; the learning-rate panel's label and
    /// scale default to `"y"`'s.
    func decodePanels(_ value: JSONValue, lr: PanelSpec) throws(ScheduleError) -> [PanelSpec] {
        guard case .array(let items) = value, !items.isEmpty else {
            throw ScheduleError(path: "panels", "expected a non-empty list of panels like [{\"show\": \"lr\"}, {\"show\": \"momentum\"}], found \(value.kindDescription)")
        }
        return try items.enumerated().map { (i, item) throws(ScheduleError) -> PanelSpec in
            let r = try ObjectReader(item, path: "panels[\(i)]", allowed: ["show", "label", "scale", "weight"], what: "a panel")
            guard let kind: PanelKind = try r.choice("show") else {
                throw ScheduleError(path: r.path, "missing \"show\": one of " + PanelKind.words.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            let isLR = kind == .lr
            return PanelSpec(
                kind: kind,
                label: try r.string("label") ?? (isLR ? lr.label : nil),
                scale: try r.choice("scale") ?? (isLR && lr.scaleChosen ? lr.scale : nil),
                weight: try r.number("weight", in: 0.1...10, what: "relative panel height"))
        }
    }

    /// Rejects panels with nothing to show: every panel drawn or rejected.
    func checkPanels(_ panels: [PanelSpec], entries: [ScheduleEntry], simulation: SimulationSpec?, hasLogs: Bool) throws(ScheduleError) {
        for (i, panel) in panels.enumerated() {
            let at = "panels[\(i)].show"
            if panel.kind.isSimulation && simulation == nil {
                throw ScheduleError(path: at, "\"\(panel.kind.rawValue)\" shows a simulation's results; add a top-level \"simulate\" block, or show \"lr\", \"momentum\" or \"metric\"")
            }
            switch panel.kind {
            case .lr, .loss: break
            case .momentum where !entries.contains(where: { $0.schedule.setsMomentum }):
                throw ScheduleError(path: at, "no schedule sets momentum (torch.CyclicLR and torch.OneCycleLR do, with cycle_momentum)")
            case .metric where simulation != nil:
                throw ScheduleError(path: at, "with \"simulate\", reduce-on-plateau schedules are fed the simulated validation loss, not \"metrics\"; show \"loss\" or \"accuracy\" instead")
            case .metric where !entries.contains(where: { $0.schedule.usesMetrics }):
                throw ScheduleError(path: at, "no schedule takes \"metrics\" (reduce-on-plateau schedules do)")
            case .accuracy where !Self.hasValidation(simulation):
                throw ScheduleError(path: at, "only \"problem\": \"digits\" has a validation set; inline problems have no accuracy")
            case .residual where !hasLogs:
                throw ScheduleError(path: at, "\"residual\" shows how logged values differ from their plan; add a logged series like {\"type\": \"log\", \"file\": \"run/trainer_state.json\"}")
            case .effectiveStep where !entries.contains(where: { $0.simulation?.optimizer.optimizer.isAdaptive == true }):
                throw ScheduleError(path: at, "no schedule drives an adaptive optimizer (torch.Adam, torch.AdamW, torch.RMSprop or torch.Adagrad have an effective step size)")
            default: break
            }
        }
    }

    /// The panels of a spec that names none: the learning rate, and with `"simulate"` the
    /// training loss, the validation accuracy (digits) and the effective step size (when a
    /// schedule drives an adaptive optimizer).
    static func defaultPanels(lr: PanelSpec, entries: [ScheduleEntry], simulation: SimulationSpec?) -> [PanelSpec] {
        guard simulation != nil else { return [lr] }
        var panels = [lr, PanelSpec(kind: .loss)]
        if hasValidation(simulation) { panels.append(PanelSpec(kind: .accuracy)) }
        if entries.contains(where: { $0.simulation?.optimizer.optimizer.isAdaptive == true }) {
            panels.append(PanelSpec(kind: .effectiveStep))
        }
        return panels
    }

    static func hasValidation(_ simulation: SimulationSpec?) -> Bool {
        if case .digits? = simulation?.problem { return true }
        return false
    }

    /// The entries of one schedule object: one, or one per parameter group (`label/pg<g>`)
    /// when its optimizer has several.
    func decodeEntries(_ item: JSONValue, path: String, file: String, stepsPerEpoch: Int?, simulation: SimulationSpec?,
                       training: TrainingSetup?) throws -> [ScheduleEntry] {
        guard case .object(let members) = item else {
            throw ScheduleError(path: path, "expected a schedule object like {\"type\": \"torch.StepLR\", …}, found \(item.kindDescription)")
        }
        // Presentation keys are lrplot's; everything else goes to the schedule type.
        let presentation = try ObjectReader(
            .object(members.filter { ScheduleEntry.presentationKeys.contains($0.key) }),
            path: path, allowed: Array(ScheduleEntry.presentationKeys), what: "a schedule")
        // With "simulate", a schedule may name its own optimizer, and one without an "lr" of its
        // own starts from its optimizer's.
        var entrySimulation = simulation
        if let optimizerValue = presentation["optimizer"], optimizerValue != .null {
            guard var s = simulation else {
                throw ScheduleError(path: presentation.at("optimizer"), "an optimizer per schedule only makes sense with a top-level \"simulate\" block")
            }
            s.optimizer = try OptimizerSpec.decode(optimizerValue, path: presentation.at("optimizer"))
            entrySimulation = s
        }
        var item = item
        var metricsFile: String?
        if let metrics = members.first(where: { $0.key == "metrics" })?.value, case .object = metrics {
            let logged = try loggedMetrics(metrics, path: presentation.at("metrics"), file: file)
            item = .object(members.map { $0.key == "metrics" ? ($0.key, logged) : $0 })
            if case .string(let written)? = metrics["file"] { metricsFile = Self.resolve(written, relativeTo: file) }
        }
        try Self.checkTrainingKeys(members, path: path, training: training)
        let interval: StepUnit? = try presentation.choice("interval")
        let frequency = try presentation.integer("frequency", in: 1...1_000_000, what: "intervals between scheduler steps")
        if frequency != nil && training == nil {
            throw ScheduleError(path: presentation.at("frequency"), "\"frequency\" is Lightning's: it needs a \"training\" block (with \"trainer\": \"lightning\")")
        }
        let groups: [any Schedule]
        var derivation: StepDerivation?
        if let training {
            if simulation != nil {
                throw ScheduleError(path: "training", "a \"training\" block counts a real run's steps; a simulation trains for \"steps\" steps on its own problem: remove one of them")
            }
            let resolved = try TrainingResolver(training: training, catalog: catalog).resolve(
                item, path: path, ignoring: ScheduleEntry.presentationKeys,
                interval: interval.map { $0 == .epoch ? ScheduleInterval.epoch : .step }, frequency: frequency ?? 1)
            groups = [resolved.schedule]
            derivation = resolved.derivation
        } else {
            do {
                groups = try catalog.makeGroups(item, path: path, ignoring: ScheduleEntry.presentationKeys,
                                                inherited: entrySimulation?.optimizer.inheritedScheduleValues ?? [:])
            } catch let error as ScheduleError {
                throw error
            } catch {
                throw ScheduleError(path: path, "\(error)")
            }
        }
        if simulation != nil && groups.count > 1 {
            throw ScheduleError(path: "\(path).lr", "a simulation trains one parameter group; give one learning rate (parameter groups are charted and listed without \"simulate\")")
        }
        if simulation != nil, let metrics = members.first(where: { $0.key == "metrics" })?.value, metrics != .null {
            throw ScheduleError(path: presentation.at("metrics"), "with \"simulate\", reduce-on-plateau schedules are fed the simulated validation loss (a closed loop); remove \"metrics\"")
        }
        let typeName: String = { if case .string(let s)? = item["type"] { return s }; return "?" }()
        var spe: Int?
        if interval == .epoch && training == nil {
            guard let stepsPerEpoch else {
                throw ScheduleError(path: presentation.at("interval"), "\"interval\": \"epoch\" needs a top-level \"steps_per_epoch\"")
            }
            spe = stepsPerEpoch
        }
        let label = try presentation.string("label") ?? typeName
        let color = try presentation.color("color")
        let dash: DashStyle? = try presentation.choice("dash")
        let draw: DrawMode = try presentation.choice("draw") ?? .auto
        return groups.enumerated().map { g, schedule in
            ScheduleEntry(
                label: groups.count > 1 ? "\(label)/pg\(g)" : label,
                typeName: typeName,
                color: color,
                dash: dash,
                draw: draw,
                interval: interval ?? .step,
                schedule: spe.map { EpochIntervalSchedule.wrap(schedule, stepsPerEpoch: $0) } ?? schedule,
                simulation: entrySimulation,
                path: path,
                object: item,
                parameterGroup: groups.count > 1 ? g : nil,
                derivation: derivation,
                metricsFile: metricsFile)
        }
    }

    /// `"metrics": {"file": …, "key": "eval_loss"}` of a plateau schedule: the values a run
    /// logged under `key`, in step order (the file relative to the spec's directory), as the
    /// metric list.
    func loggedMetrics(_ value: JSONValue, path: String, file specFile: String) throws(ScheduleError) -> JSONValue {
        let r = try ObjectReader(value, path: path, allowed: ["file", "key"], what: "logged metrics")
        guard let written = try r.string("file"), let key = try r.string("key") else {
            throw ScheduleError(path: path, "expected {\"file\": <log>, \"key\": <metric, e.g. \"eval_loss\">} or a list of numbers")
        }
        let series: LoggedSeries
        do {
            series = try LogReader.read(Self.resolve(written, relativeTo: specFile), key: key)
        } catch {
            throw ScheduleError(path: r.at("file"), "\(error.description); \(error.fix)")
        }
        return .array(series.points.map { .number($0.value) })
    }

    /// The files `spec` read besides itself: the training config it imports (`"config"`), its
    /// logs, and the logs its plateau schedules took `"metrics"` from (resolved as they were
    /// read).
    public static func filesRead(by spec: Spec) -> [String] {
        var files = spec.logs.map(\.file) + spec.schedules.compactMap(\.metricsFile)
        if let imported = spec.imported, imported.file != spec.file { files.insert(imported.file, at: 0) }
        return files
    }

    /// `path` relative to the directory of `specFile` (absolute paths as they are).
    static func resolve(_ path: String, relativeTo specFile: String) -> String {
        let directory = (specFile as NSString).deletingLastPathComponent
        return path.hasPrefix("/") || directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// A `{"type": "log", …}` entry: the file (relative to the spec's directory), the key, the
    /// label, and the schedule it is compared with (`"plan"`: a label, or the only schedule).
    func decodeLog(_ item: JSONValue, path: String, file specFile: String, schedules: [ScheduleEntry]) throws(ScheduleError) -> LogEntry {
        let r = try ObjectReader(item, path: path, allowed: LogEntry.keys, what: "a logged series")
        guard let written = try r.string("file"), !written.isEmpty else {
            throw ScheduleError(path: r.at("file"), "missing \"file\": the log to read (trainer_state.json, a TensorBoard event file or run directory, metrics.csv, …), relative to the spec file")
        }
        let planLabel = try r.string("plan")
        let planIndex: Int
        if let planLabel {
            guard let i = schedules.firstIndex(where: { $0.label == planLabel }) else {
                var message = "no schedule is labelled \"\(planLabel)\""
                if let close = Suggestion.closest(to: planLabel, in: schedules.map(\.label)) { message += "; did you mean \"\(close)\"?" }
                throw ScheduleError(path: r.at("plan"), message + " (labels: " + schedules.map { "\"\($0.label)\"" }.joined(separator: ", ") + ")")
            }
            planIndex = i
        } else {
            guard schedules.count == 1 else {
                throw ScheduleError(path: path, "missing \"plan\": the label of the schedule this log is compared with (labels: " + schedules.map { "\"\($0.label)\"" }.joined(separator: ", ") + ")")
            }
            planIndex = 0
        }
        let resolved = Self.resolve(written, relativeTo: specFile)
        return LogEntry(
            label: try r.string("label") ?? "\(schedules[planIndex].label) (logged)",
            fileAsWritten: written, file: resolved, key: try r.string("key"), plan: planLabel, planIndex: planIndex,
            color: try r.color("color"), path: path)
    }
}
