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
        "theme", "background", "legend", "markers", "panels", "simulate", "output",
    ]

    /// Largest chart side in CSS pixels (Cairo's image limit is 32767 device pixels).
    public static let maxSide = 16_000

    /// The default chart size in CSS pixels.
    public static let defaultWidth = 960
    public static let defaultHeight = 540

    public var catalog: ScheduleCatalog

    public init(catalog: ScheduleCatalog = .standard) { self.catalog = catalog }

    /// Decodes `text`, read from `file` (named in messages and in the default output's name).
    ///
    /// - Throws: ``LRPlotError`` of kind `.spec`.
    public func decode(_ text: String, file: String) throws(LRPlotError) -> Spec {
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw LRPlotError(.spec, file: file, line: error.line, column: error.column, "invalid JSON: \(error.message)")
        }
        do {
            return try decode(document, file: file)
        } catch {
            throw LRPlotError(.spec, file: file, path: error.path, error.message)
        }
    }

    func decode(_ document: JSONValue, file: String) throws(ScheduleError) -> Spec {
        let top = try ObjectReader(document, path: "", allowed: Self.topLevelKeys, what: "a spec object like {\"steps\": 100, \"schedules\": [...]}")
        guard top["steps"] != nil else {
            throw ScheduleError(path: "", "missing \"steps\": the chart covers steps 0 … steps−1 (a whole number ≥ 1)")
        }
        guard let steps = try top.integer("steps", in: 1...Spec.maxSteps, what: "steps charted") else {
            throw ScheduleError(path: "steps", "expected a whole number ≥ 1, found null")
        }
        var simulation: SimulationSpec?
        if let simulate = top["simulate"], simulate != .null {
            simulation = try SimulationSpec.decode(simulate, path: "simulate")
            if steps > Spec.maxSimulatedSteps {
                throw ScheduleError(path: "steps", "must be from 1 to \(ObjectReader.grouped(Spec.maxSimulatedSteps)) with \"simulate\" (each step trains the model), found \(ObjectReader.grouped(steps))")
            }
        }
        let stepsPerEpoch = try top.integer("steps_per_epoch", in: 1...Spec.maxSteps, what: "steps in one epoch")

        var x = XAxisSpec(label: nil, unit: .step)
        if let xv = top["x"] {
            let r = try ObjectReader(xv, path: "x", allowed: ["label", "unit"], what: "the x axis")
            x.label = try r.string("label")
            x.unit = try r.choice("unit") ?? .step
            if x.unit == .epoch && stepsPerEpoch == nil {
                throw ScheduleError(path: "x.unit", "an x axis in epochs needs a top-level \"steps_per_epoch\"")
            }
        }
        var yLabel: String?
        var yScale = AxisScale.linear
        if let yv = top["y"] {
            let r = try ObjectReader(yv, path: "y", allowed: ["label", "scale"], what: "the y axis")
            yLabel = try r.string("label")
            yScale = try r.choice("scale") ?? .linear
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
            if item["type"] == .string("log") {
                logItems.append((item, "schedules[\(i)]"))
                continue
            }
            entries.append(try decodeEntry(item, path: "schedules[\(i)]", file: file, stepsPerEpoch: stepsPerEpoch, simulation: simulation))
        }
        if entries.isEmpty {
            throw ScheduleError(path: "schedules", "a logged series needs the schedule it is compared with; add a schedule object like {\"type\": \"hf.cosine\", …}")
        }
        if !logItems.isEmpty && simulation != nil {
            throw ScheduleError(path: logItems[0].path, "a logged series cannot be drawn with \"simulate\" (its panels show simulated runs); remove one of them")
        }
        let logs = try logItems.map { (item, at) throws(ScheduleError) in
            try decodeLog(item, path: at, file: file, schedules: entries)
        }

        let outputs = try decodeOutputs(top["output"])
        let lrPanel = PanelSpec(kind: .lr, label: yLabel, scale: yScale)
        let panels: [PanelSpec]
        if let panelsValue = top["panels"], panelsValue != .null {
            panels = try decodePanels(panelsValue, lr: lrPanel)
            try checkPanels(panels, entries: entries, simulation: simulation)
        } else {
            panels = Self.defaultPanels(lr: lrPanel, entries: entries, simulation: simulation)
        }

        let width = try top.integer("width", in: 64...Self.maxSide, what: "chart width in CSS pixels") ?? Self.defaultWidth
        let height = try top.integer("height", in: 64...Self.maxSide, what: "chart height in CSS pixels")
        let scale = try top.number("scale", in: 0.25...4, what: "PNG pixel density") ?? 1
        for (key, side) in [("width", width), ("height", height ?? Self.defaultHeight)] where (Double(side) * scale).rounded(.up) > 32767 {
            throw ScheduleError(path: top["scale"] != nil ? "scale" : key,
                                "\(key) \(side) at scale \(JSONWriter.format(scale)) is \(Int((Double(side) * scale).rounded(.up))) device pixels; Cairo draws at most 32767 per side")
        }

        return Spec(
            file: file,
            title: try top.string("title"),
            steps: steps,
            stepsPerEpoch: stepsPerEpoch,
            schedules: entries,
            logs: logs,
            x: x,
            panels: panels,
            width: width,
            height: height,
            scale: scale,
            theme: try top.choice("theme") ?? .light,
            background: try top.choice("background") ?? .opaque,
            legend: try top.choice("legend") ?? .auto,
            markers: try top.bool("markers") ?? false,
            outputs: outputs,
            simulation: simulation)
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
                throw ScheduleError(path: at, "unknown output format for \"\(path)\"; use a .png, .svg or .pdf file name")
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
                scale: try r.choice("scale") ?? (isLR ? lr.scale : nil),
                weight: try r.number("weight", in: 0.1...10, what: "relative panel height"))
        }
    }

    /// Rejects panels with nothing to show: every panel drawn or rejected.
    func checkPanels(_ panels: [PanelSpec], entries: [ScheduleEntry], simulation: SimulationSpec?) throws(ScheduleError) {
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

    func decodeEntry(_ item: JSONValue, path: String, file: String, stepsPerEpoch: Int?, simulation: SimulationSpec?) throws(ScheduleError) -> ScheduleEntry {
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
        if let metrics = members.first(where: { $0.key == "metrics" })?.value, case .object = metrics {
            let logged = try loggedMetrics(metrics, path: presentation.at("metrics"), file: file)
            item = .object(members.map { $0.key == "metrics" ? ($0.key, logged) : $0 })
        }
        var schedule: any Schedule
        do {
            schedule = try catalog.make(item, path: path, ignoring: ScheduleEntry.presentationKeys,
                                        inherited: entrySimulation?.optimizer.inheritedScheduleValues ?? [:])
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(path: path, "\(error)")
        }
        if simulation != nil, let metrics = members.first(where: { $0.key == "metrics" })?.value, metrics != .null {
            throw ScheduleError(path: presentation.at("metrics"), "with \"simulate\", reduce-on-plateau schedules are fed the simulated validation loss (a closed loop); remove \"metrics\"")
        }
        let typeName: String = { if case .string(let s)? = item["type"] { return s }; return "?" }()
        let interval: StepUnit = try presentation.choice("interval") ?? .step
        if interval == .epoch {
            guard let spe = stepsPerEpoch else {
                throw ScheduleError(path: presentation.at("interval"), "\"interval\": \"epoch\" needs a top-level \"steps_per_epoch\"")
            }
            schedule = EpochIntervalSchedule.wrap(schedule, stepsPerEpoch: spe)
        }
        return ScheduleEntry(
            label: try presentation.string("label") ?? typeName,
            typeName: typeName,
            color: try presentation.color("color"),
            dash: try presentation.choice("dash"),
            draw: try presentation.choice("draw") ?? .auto,
            interval: interval,
            schedule: schedule,
            simulation: entrySimulation,
            path: path,
            object: item)
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
