import Foundation
import ScheduleCore

/// The text of `lrplot list` and `lrplot describe`.
public enum CatalogText {
    /// Frameworks in listing order, with their headings; types of a framework not named here
    /// are listed after these, under their prefix.
    static let frameworks: [(key: String, title: String)] = [
        ("generic", "Generic families"),
        ("torch", "PyTorch (torch.optim.lr_scheduler, torch.optim.swa_utils)"),
        ("hf", "Hugging Face transformers (get_scheduler names)"),
        ("timm", "timm (timm.scheduler)"),
        ("optax", "optax (optax.schedules)"),
        ("keras", "Keras 3 (keras.optimizers.schedules)"),
        ("deepspeed", "DeepSpeed (deepspeed.runtime.lr_schedules)"),
        ("mmengine", "mmengine (mmengine.optim.scheduler)"),
    ]

    /// Other names of frameworks a filter may use.
    static let frameworkAliases: [String: String] = [
        "pytorch": "torch", "transformers": "hf", "huggingface": "hf", "hugging face": "hf",
        "tensorflow": "keras", "tf": "keras", "tf.keras": "keras", "jax": "optax",
    ]

    /// The width `list` and `describe` fit in.
    public static let columns = 80

    /// Every framework key of `catalog`, in listing order.
    static func frameworkKeys(_ catalog: ScheduleCatalog) -> [String] {
        var keys = frameworks.map(\.key)
        for t in catalog.types where !keys.contains(t.framework) { keys.append(t.framework) }
        return keys.filter { key in catalog.types.contains { $0.framework == key } }
    }

    static func title(of key: String) -> String {
        frameworks.first { $0.key == key }?.title ?? key
    }

    /// Every type grouped by framework, or those `filter` selects (a framework such as
    /// `torch` or `transformers`, else the types whose name contains it): name, evaluation
    /// path and summary, wrapped to fit 80 columns.
    ///
    /// - Throws: ``LRPlotError`` (`.arguments`) when the filter selects nothing.
    public static func list(_ catalog: ScheduleCatalog = .standard, filter: String? = nil) throws(LRPlotError) -> String {
        let keys = frameworkKeys(catalog)
        var selected: (ScheduleType) -> Bool = { _ in true }
        if let filter, !filter.isEmpty {
            let word = filter.lowercased()
            let key = frameworkAliases[word] ?? word
            if keys.contains(key) {
                selected = { $0.framework == key }
            } else {
                selected = { $0.name.lowercased().contains(word) }
                guard catalog.types.contains(where: selected) else {
                    var message = "no schedule type matches \"\(filter)\"; filter by a framework ("
                        + keys.joined(separator: ", ") + ") or a part of a type name"
                    if let close = Suggestion.closest(to: word, in: keys + Array(frameworkAliases.keys)) {
                        message += "; did you mean \"\(close)\"?"
                    }
                    throw LRPlotError(.arguments, message)
                }
            }
        }
        var out = wrap("Evaluation over long runs: " + EvaluationPath.allCases.map { "\($0.code) \($0.rawValue)" }.joined(separator: ", ")
                       + " (`lrplot describe TYPE` says more).", indent: "", width: columns) + "\n"
        for key in keys {
            let types = catalog.types.filter { $0.framework == key && selected($0) }
            guard !types.isEmpty else { continue }
            out += "\n" + title(of: key) + "\n"
            let nameWidth = min(types.map(\.name.count).max() ?? 0, 30)
            let indent = String(repeating: " ", count: 2 + nameWidth + 5)
            for t in types {
                let code = t.evaluationPath.map { String($0.code) } ?? "?"
                var line = "  " + t.name
                if t.name.count > nameWidth {
                    out += line + "\n"
                    line = String(repeating: " ", count: 2 + nameWidth)
                } else {
                    line += String(repeating: " ", count: nameWidth - t.name.count)
                }
                line += "  " + code + "  "
                out += line + wrap(t.summary, indent: indent, width: columns).dropFirst(indent.count) + "\n"
            }
        }
        return out
    }

    /// `words` wrapped to `width` columns, every line starting with `indent`.
    static func wrap(_ text: String, indent: String, width: Int) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The words `describe` uses for a parameter's kind: `number`, `whole number`, …
    static func kindWords(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .number: return "number"
        case .integer: return "whole number"
        case .bool: return "true or false"
        case .choice(let options): return options.map { "\"\($0)\"" }.joined(separator: " | ")
        case .string: return "string"
        case .expression(let v): return "Python expression in \(v)"
        case .numberList: return "list of numbers"
        case .integerList: return "list of whole numbers"
        case .numberPerGroup: return "number, or a list (one per group)"
        case .expressionPerGroup(let v): return "Python expression in \(v), or a list (one per group)"
        case .schedule: return "schedule object"
        case .scheduleList: return "list of schedule objects"
        case .json: return "JSON value"
        }
    }

    /// `required`, `default 0.1`, `optional (None)`.
    static func requirementWords(_ p: ParameterSpec) -> String {
        switch p.defaultValue {
        case .required: return "required"
        case .none: return "optional (default None)"
        case .value(let v): return "default \(JSONWriter.write(v))"
        }
    }

    /// Parameters with their kinds and defaults, how the type is evaluated, its formula and
    /// behaviour past the end.
    public static func describe(_ name: String, catalog: ScheduleCatalog = .standard) throws(LRPlotError) -> String {
        guard let t = catalog.type(named: name) else {
            var message = "unknown schedule type \"\(name)\""
            if let close = catalog.suggestType(for: name) { message += "; did you mean \"\(close)\"?" }
            throw LRPlotError(.arguments, message + " (`lrplot list` shows every type)")
        }
        var out = wrap("\(t.name): \(t.summary)", indent: "", width: columns) + "\n\nParameters:\n"
        if t.parameters.isEmpty { out += "  (none)\n" }
        for p in t.parameters {
            var head = "\(p.name): \(kindWords(p.kind))"
            if p.nullable && p.defaultValue != .none { head += " or null (None)" }
            head += ", " + requirementWords(p)
            out += wrap(head, indent: "  ", width: columns) + "\n"
            out += wrap(p.summary, indent: "      ", width: columns) + "\n"
        }
        if let path = t.evaluationPath {
            out += "\nEvaluation: " + path.rawValue + "\n" + wrap(path.explanation.prefix(1).uppercased() + path.explanation.dropFirst() + ".",
                                                                  indent: "  ", width: columns) + "\n"
        }
        out += "\nFormula:\n" + t.formula.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(String($0), indent: "  ", width: columns) }.joined(separator: "\n") + "\n"
        out += parameterGroups(t)
        return out
    }

    /// The "Parameter groups" section of a type whose optimizer can have several groups.
    static func parameterGroups(_ t: ScheduleType) -> String {
        let perGroup = t.parameters.filter { p in
            switch p.kind {
            case .numberPerGroup, .expressionPerGroup: return true
            default: return false
            }
        }.map(\.name)
        guard perGroup.contains("lr") else { return "" }
        var text = "\"lr\": [a, b, …] builds the optimizer with one parameter group per entry and gives one series "
            + "per group (LABEL/pg0, LABEL/pg1, …), computed as the framework computes its groups; they stop together where it raises for any group."
        let others = perGroup.filter { $0 != "lr" }
        if !others.isEmpty {
            text += " Per group too, as a list (a number applies to every group): "
                + others.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        }
        return "\nParameter groups:\n" + wrap(text, indent: "  ", width: columns) + "\n"
    }

    /// A Markdown reference of every type (for the README): a table per framework.
    public static func markdown(_ catalog: ScheduleCatalog = .standard) -> String {
        var out = ""
        for key in frameworkKeys(catalog) {
            let types = catalog.types.filter { $0.framework == key }
            // The generic families are documented with their formulas; framework types with a
            // summary (their formulas are in `lrplot describe`).
            let generic = key == "generic"
            out += "#### \(title(of: key))\n\n| type | parameters (default) | \(generic ? "formula" : "what it does") |\n|---|---|---|\n"
            for t in types {
                let params = t.parameters.map { p in
                    p.defaultValue == .required ? "`\(p.name)`" : "`\(p.name)` (\(p.defaultText))"
                }.joined(separator: ", ")
                let text = generic ? t.summary + "<br>" + t.formula.replacingOccurrences(of: "\n", with: "<br>") : t.summary
                out += "| `\(t.name)` | \(Self.cell(params)) | \(Self.cell(text)) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|")
    }
}
