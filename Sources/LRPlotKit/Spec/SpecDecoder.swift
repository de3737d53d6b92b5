import ScheduleCore
import Simulation

/// Turns the text of a spec file into a ``Spec``, or an ``LRPlotError`` that names the file,
/// the JSON path (or line and column) and what was expected.
public struct SpecDecoder: Sendable {
    /// Top-level keys a spec may have.
    public static let topLevelKeys = [
        "title", "steps", "steps_per_epoch", "schedules", "x", "y", "width", "height", "scale",
        "theme", "background", "legend", "markers", "panels", "simulate", "output",
    ]

    /// Largest chart side in CSS pixels (Cairo's image limit is 32767 device pixels).
    public static let maxSide = 16_000

    public var catalog: ScheduleCatalog

    public init(catalog: ScheduleCatalog = .standard) { self.catalog = catalog }

    /// Decodes `text`, read from `file` (used in messages and for the default output name).
    public func decode(_ text: String, file: String) throws(LRPlotError) -> Spec {
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            throw LRPlotError(.badInput, file: file, line: error.line, column: error.column, "invalid JSON: \(error.message)")
        }
        do {
            return try decode(document, file: file)
        } catch {
            throw LRPlotError(.badInput, file: file, path: error.path, error.message)
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

        var x = XAxisSpec(label: nil, unit: "step")
        if let xv = top["x"] {
            let r = try ObjectReader(xv, path: "x", allowed: ["label", "unit"], what: "the x axis")
            x.label = try r.string("label")
            x.unit = try r.choice("unit", ["step", "epoch"]) ?? "step"
            if x.unit == "epoch" && stepsPerEpoch == nil {
                throw ScheduleError(path: "x.unit", "an x axis in epochs needs a top-level \"steps_per_epoch\"")
            }
        }
        var y = YAxisSpec(label: nil, scale: "linear")
        if let yv = top["y"] {
            let r = try ObjectReader(yv, path: "y", allowed: ["label", "scale"], what: "the y axis")
            y.label = try r.string("label")
            y.scale = try r.choice("scale", ["linear", "log"]) ?? "linear"
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
        for (i, item) in items.enumerated() {
            entries.append(try decodeEntry(item, path: "schedules[\(i)]", stepsPerEpoch: stepsPerEpoch, simulation: simulation))
        }

        let outputs: [String]
        switch top["output"] {
        case nil, .null?: outputs = []
        case .string(let s)?: outputs = [s]
        case .array(let items)?:
            outputs = try items.enumerated().map { (i, v) throws(ScheduleError) -> String in
                guard case .string(let s) = v else { throw ScheduleError(path: "output[\(i)]", "expected a file path (a string), found \(v.kindDescription)") }
                return s
            }
        case let other?:
            throw ScheduleError(path: "output", "expected a file path or a list of paths, found \(other.kindDescription)")
        }
        for (i, o) in outputs.enumerated() where OutputFormat(path: o) == nil {
            throw ScheduleError(path: top["output"].flatMap { if case .array = $0 { "output[\(i)]" } else { nil } } ?? "output",
                                "unknown output format for \"\(o)\"; use a .png, .svg or .pdf file name")
        }

        var panels = [PanelSpec(content: .lr, label: y.label, scale: y.scale, weight: 1)]
        if let panelsValue = top["panels"], panelsValue != .null {
            guard case .array(let items) = panelsValue, !items.isEmpty else {
                throw ScheduleError(path: "panels", "expected a non-empty list of panels like [{\"show\": \"lr\"}, {\"show\": \"momentum\"}], found \(panelsValue.kindDescription)")
            }
            panels = try items.enumerated().map { (i, item) throws(ScheduleError) -> PanelSpec in
                let r = try ObjectReader(item, path: "panels[\(i)]", allowed: ["show", "label", "scale", "weight"], what: "a panel")
                guard let show = try r.choice("show", PanelSpec.Content.allCases.map(\.rawValue)), let content = PanelSpec.Content(rawValue: show) else {
                    throw ScheduleError(path: r.path, "missing \"show\": one of \"lr\", \"momentum\", \"metric\"")
                }
                return PanelSpec(
                    content: content,
                    label: try r.string("label") ?? (content == .lr ? y.label : nil),
                    scale: try r.choice("scale", ["linear", "log"]) ?? (content == .lr ? y.scale : "linear"),
                    weight: try r.number("weight", in: 0.1...10, what: "relative panel height") ?? (content == .lr ? 1 : 0.5))
            }
            for (i, panel) in panels.enumerated() {
                switch panel.content {
                case .lr: break
                case .momentum where !entries.contains(where: { $0.schedule.setsMomentum }):
                    throw ScheduleError(path: "panels[\(i)].show", "no schedule sets momentum (torch.CyclicLR and torch.OneCycleLR do, with cycle_momentum)")
                case .metric where !entries.contains(where: { $0.schedule.usesMetrics }):
                    throw ScheduleError(path: "panels[\(i)].show", "no schedule takes \"metrics\" (reduce-on-plateau schedules do)")
                default: break
                }
            }
        }

        let width = try top.integer("width", in: 64...Self.maxSide, what: "chart width in CSS pixels") ?? 960
        let height = try top.integer("height", in: 64...Self.maxSide, what: "chart height in CSS pixels") ?? 540
        let scale = try top.number("scale", in: 0.25...4, what: "PNG pixel density") ?? 1
        for (key, side) in [("width", width), ("height", height)] where (Double(side) * scale).rounded(.up) > 32767 {
            throw ScheduleError(path: top["scale"] != nil ? "scale" : key,
                                "\(key) \(side) at scale \(JSONWriter.format(scale)) is \(Int((Double(side) * scale).rounded(.up))) device pixels; Cairo draws at most 32767 per side")
        }

        return Spec(
            title: try top.string("title"),
            steps: steps,
            stepsPerEpoch: stepsPerEpoch,
            schedules: entries,
            x: x,
            y: y,
            width: width,
            height: height,
            scale: scale,
            theme: try top.choice("theme", ["light", "dark"]) ?? "light",
            transparent: (try top.choice("background", ["opaque", "transparent"]) ?? "opaque") == "transparent",
            legend: try top.choice("legend", ["auto", "none", "outside", "upper right", "upper left", "lower left", "lower right"]) ?? "auto",
            markers: try top.bool("markers") ?? false,
            outputs: outputs,
            simulation: simulation,
            panels: panels)
    }

    func decodeEntry(_ item: JSONValue, path: String, stepsPerEpoch: Int?, simulation: SimulationSpec?) throws(ScheduleError) -> ScheduleEntry {
        guard case .object = item else {
            throw ScheduleError(path: path, "expected a schedule object like {\"type\": \"torch.StepLR\", …}, found \(item.kindDescription)")
        }
        // Presentation keys are lrplot's; everything else goes to the schedule type.
        let presentation = try ObjectReader(
            .object(ObjectReader.members(of: item).filter { ScheduleEntry.presentationKeys.contains($0.key) }),
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
        var schedule: any Schedule
        do {
            schedule = try catalog.make(item, path: path, ignoring: ScheduleEntry.presentationKeys,
                                        inherited: entrySimulation?.optimizer.inheritedScheduleValues ?? [:])
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(path: path, "\(error)")
        }
        let typeName: String = { if case .string(let s)? = item["type"] { return s }; return "?" }()
        if let color = try presentation.string("color"), !Self.isHexColor(color) {
            throw ScheduleError(path: presentation.at("color"), "expected a colour like \"#1f77b4\" (#rrggbb), found \"\(color)\"")
        }
        let interval = try presentation.choice("interval", ["step", "epoch"]) ?? "step"
        if interval == "epoch" {
            guard let spe = stepsPerEpoch else {
                throw ScheduleError(path: presentation.at("interval"), "\"interval\": \"epoch\" needs a top-level \"steps_per_epoch\"")
            }
            schedule = EpochIntervalSchedule.wrap(schedule, stepsPerEpoch: spe)
        }
        return ScheduleEntry(
            label: try presentation.string("label") ?? typeName,
            typeName: typeName,
            color: try presentation.string("color"),
            dash: try presentation.choice("dash", ["solid", "dashed", "dotted", "dashdot"]),
            draw: try presentation.choice("draw", ["auto", "lines", "steps"]) ?? "auto",
            schedule: schedule,
            simulation: entrySimulation,
            path: path)
    }

    static func isHexColor(_ s: String) -> Bool {
        let chars = Array(s.utf8)
        return chars.count == 7 && chars[0] == UInt8(ascii: "#") && chars.dropFirst().allSatisfy {
            ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102)
        }
    }
}

extension ObjectReader {
    static func members(of value: JSONValue) -> [(key: String, value: JSONValue)] {
        if case .object(let m) = value { return m }
        return []
    }
}
